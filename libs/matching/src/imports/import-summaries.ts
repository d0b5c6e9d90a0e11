import { Injectable } from '@nestjs/common';
import { DomainEventPayloads, TransactionHost } from '@app/core';
import { ImportedItems } from '@app/catalog';
import type { ImportPlan } from './import-progress.service';
import { ImportProgressService } from './import-progress.service';

/**
 * The summaries of a finished import, written to the outbox in the transaction that counted its
 * last batch: one per organization whose items it published ("本次导入的 N 项成果已发布，其中 M 项
 * 与需求匹配"), and one per organization on the other side whose items they match ("本次新发布的
 * K 项成果与您的需求匹配") — instead of one message per item and one per match.
 *
 * N is what the import published for the organization; M how many of those have at least one
 * match at or above the notification threshold (the matches that would each have been told
 * outside an import); K how many of the import's items have such a match with the organization's
 * own published items.
 */
@Injectable()
export class ImportSummaries {
  constructor(
    private readonly tx: TransactionHost,
    private readonly imported: ImportedItems,
    private readonly progress: ImportProgressService,
  ) {}

  async write(plan: ImportPlan): Promise<{ owners: number; counterparts: number }> {
    const [published, matched, counterparts] = [
      await this.imported.countsByOrganization(plan.type, plan.importId),
      await this.progress.matchedByOwner(plan.importId),
      await this.progress.matchedByCounterpart(plan.importId),
    ];
    const owners = [...published.entries()].map(([organizationId, n]) => ({
      importId: plan.importId,
      organizationId,
      published: n,
      matched: matched.get(organizationId) ?? 0,
    }));
    await this.emitMany(plan.type === 'result' ? 'result.import-published' : 'need.import-published', owners);
    await this.emitMany(
      'match.import-summary',
      counterparts.map((c) => ({ importId: plan.importId, importedType: plan.type, ...c })),
    );
    return { owners: owners.length, counterparts: counterparts.length };
  }

  /** One outbox row per payload, in one statement (an import may concern thousands of organizations). */
  private async emitMany<K extends keyof DomainEventPayloads>(type: K, payloads: DomainEventPayloads[K][]): Promise<void> {
    if (!this.tx.inTransaction) throw new Error(`outbox events ${type} must be written inside a transaction`);
    if (payloads.length === 0) return;
    await this.tx.manager.query(`INSERT INTO outbox_event (type, payload) SELECT $1, p FROM unnest($2::jsonb[]) AS p`, [
      type,
      payloads.map((p) => JSON.stringify(p)),
    ]);
  }
}
