import type { DomainEventPayloads } from '@app/core';
import { CONTRACT_EVENT_TYPES, type ContractEventType } from './contract-templates';

/**
 * Matching emits this once a match is stored (it is not yet in core's DomainEventPayloads;
 * the matching library adds it there when it starts emitting). Both sides are told.
 */
export const MATCH_CREATED = 'match.created';
export interface MatchCreatedPayload {
  matchId: string;
  needId: string;
  resultId: string;
  needOrganizationId: string;
  resultOrganizationId: string;
  score?: number;
  needTitle?: string;
  resultTitle?: string;
  /** Why they match, as short Chinese sentences. */
  explanation?: string[];
}

/** Sent by the notify library itself (not through the outbox) when an endpoint is switched off. */
export const WEBHOOK_DISABLED = 'webhook.disabled';

/** Event types whose e-mails may be collected into a daily digest instead of one message each. */
export const DIGESTIBLE_EVENT_TYPES: readonly string[] = [MATCH_CREATED];

type CatalogAndIdentityEvents =
  | 'organization.verified'
  | 'organization.rejected'
  | 'organization.submitted'
  | 'adoption.submitted'
  | 'need.submitted'
  | 'need.approved'
  | 'need.rejected'
  | 'need.corrected'
  | 'result.submitted'
  | 'result.approved'
  | 'result.rejected'
  | 'result.corrected'
  | 'adoption.confirmed'
  | 'adoption.rejected';

/** Engagements (matching) and open calls (challenges): `organizationIds` / `userIds` name who is told. */
export const COLLABORATION_EVENT_TYPES = [
  'engagement.requested',
  'engagement.accepted',
  'engagement.declined',
  'engagement.negotiating',
  'engagement.deal',
  'engagement.abandoned',
  'engagement.unanswered',
  'challenge.invited',
  'challenge.closing-soon',
  'proposal.screened',
  'challenge.experts-assigned',
  'challenge.awarded',
  'proposal.outcome',
  'milestone.submitted',
  'milestone.accepted',
  'milestone.returned',
  'milestone.overdue',
  'challenge.completed',
  'challenge.failed',
  'challenge.cancelled',
  'challenge.objection-filed',
  'challenge.objection-answered',
] as const;
export type CollaborationEventType = (typeof COLLABORATION_EVENT_TYPES)[number];

/**
 * A bulk import's summaries: one per organization, instead of one message per imported item
 * (`*.approved`) or per match (`match.created`); and one to the bureau for the rows an
 * organization's import of its own list sent to review, instead of one `*.submitted` per row.
 */
export const IMPORT_SUMMARY_EVENT_TYPES = [
  'need.import-published',
  'result.import-published',
  'match.import-summary',
  'need.import-submitted',
  'result.import-submitted',
] as const;
export type ImportSummaryEventType = (typeof IMPORT_SUMMARY_EVENT_TYPES)[number];

export type NotifyPayloads = Pick<
  DomainEventPayloads,
  CatalogAndIdentityEvents | CollaborationEventType | ImportSummaryEventType | ContractEventType
> & {
  [MATCH_CREATED]: MatchCreatedPayload;
};
export type NotifyEventType = keyof NotifyPayloads;

/** Every event type the fan-out subscribes to (closing an item is for indexing, nobody is told). */
export const NOTIFY_EVENT_TYPES: NotifyEventType[] = [
  'organization.verified',
  'organization.rejected',
  'organization.submitted',
  'adoption.submitted',
  'need.submitted',
  'need.approved',
  'need.rejected',
  'need.corrected',
  'result.submitted',
  'result.approved',
  'result.rejected',
  'result.corrected',
  'adoption.confirmed',
  'adoption.rejected',
  ...CONTRACT_EVENT_TYPES,
  MATCH_CREATED,
  ...COLLABORATION_EVENT_TYPES,
];

/**
 * What people know an import summary as: the kind of message it stands in for. Its preferences
 * (inbox and e-mail, and the e-mail digest for matches) and its inbox label are that kind's;
 * webhooks see the summary's own type, since its payload is not that kind's.
 */
const PRESENTED_AS: Record<ImportSummaryEventType, NotifyEventType> = {
  'need.import-published': 'need.approved',
  'result.import-published': 'result.approved',
  'match.import-summary': MATCH_CREATED,
  'need.import-submitted': 'need.submitted',
  'result.import-submitted': 'result.submitted',
};

export function presentedType(type: NotifyEventType): NotifyEventType {
  return (PRESENTED_AS as Partial<Record<NotifyEventType, NotifyEventType>>)[type] ?? type;
}

/** Who is told: members of these organizations, these people, or the bureau's staff. */
export type Audience = { organizationIds: string[] } | { userIds: string[] } | { bureau: true };

export function audienceOf(type: NotifyEventType, payload: Record<string, unknown>): Audience {
  switch (type) {
    case 'organization.submitted':
    case 'adoption.submitted':
    case 'need.submitted':
    case 'result.submitted':
    case 'need.import-submitted':
    case 'result.import-submitted':
    case 'milestone.submitted':
    case 'challenge.objection-filed':
      return { bureau: true };
    case 'challenge.experts-assigned':
      return { userIds: uniqueStrings(payload.userIds) };
    case MATCH_CREATED:
      return { organizationIds: uniqueStrings([payload.needOrganizationId, payload.resultOrganizationId]) };
    default:
      return {
        organizationIds: uniqueStrings(Array.isArray(payload.organizationIds) ? payload.organizationIds : [payload.organizationId]),
      };
  }
}

function uniqueStrings(v: unknown): string[] {
  const arr = Array.isArray(v) ? v : [];
  return [...new Set(arr.filter((x): x is string => typeof x === 'string' && x.length > 0))];
}

/** The item an event is about, for its title in the text (kind, id). */
export function subjectOf(type: NotifyEventType, payload: Record<string, unknown>): { kind: string; id: string } | null {
  // An organization's import of its own rows: the text names the organization, not an item.
  const [prefix] = type === 'need.import-submitted' || type === 'result.import-submitted' ? ['organization'] : type.split('.');
  const idKey: Record<string, [string, string]> = {
    organization: ['organization', 'organizationId'],
    need: ['need', 'needId'],
    result: ['result', 'resultId'],
    adoption: ['adoption', 'adoptionId'],
    contract: ['adoption', 'adoptionId'],
    match: ['need', 'needId'],
    engagement: ['engagement', 'engagementId'],
    challenge: ['challenge', 'challengeId'],
    proposal: ['challenge', 'challengeId'],
    milestone: ['challenge', 'challengeId'],
  };
  const entry = idKey[prefix];
  const id = entry ? payload[entry[1]] : null;
  return entry && typeof id === 'string' && id ? { kind: entry[0], id } : null;
}
