import type { FastifyReply } from 'fastify';
import type { EditOutcome, RevisionView } from './revisions.service';

/**
 * The answer to an owner's PATCH: 200 with the item when a draft or rejected item changed, 202
 * with the revision when the item is published and the change waits for the bureau.
 */
export function answerEdit<T>(reply: FastifyReply, outcome: EditOutcome<T>): T | RevisionView {
  if ('item' in outcome) return outcome.item;
  void reply.status(202);
  return outcome.revision;
}
