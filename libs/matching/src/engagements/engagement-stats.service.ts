import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@app/core';
import { OrganizationsService } from '@app/identity';

/** The bureau's view of matching and engagement: the funnel and each organization's response time. */
@Injectable()
export class EngagementStatsService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly organizations: OrganizationsService,
  ) {}

  async figures() {
    const m = this.tx.manager;
    const [funnel]: { matched: number; requested: number; accepted: number; deal: number }[] = await m.query(
      `SELECT (SELECT count(*) FROM match)::int AS matched,
              count(*)::int AS requested,
              count(*) FILTER (WHERE responded_at IS NOT NULL AND status <> 'declined')::int AS accepted,
              count(*) FILTER (WHERE status = 'deal')::int AS deal
         FROM engagement`,
    );
    const responses: { organization_id: string; median_hours: number | null; answered: number; waiting: number }[] = await m.query(
      `SELECT receiver_organization_id AS organization_id,
              round((percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM responded_at - created_at))
                     FILTER (WHERE responded_at IS NOT NULL) / 3600)::numeric, 1)::float AS median_hours,
              count(*) FILTER (WHERE responded_at IS NOT NULL)::int AS answered,
              count(*) FILTER (WHERE status = 'requested')::int AS waiting
         FROM engagement GROUP BY receiver_organization_id ORDER BY median_hours NULLS LAST`,
    );
    const names = new Map((await this.organizations.findByIds(responses.map((r) => r.organization_id))).map((o) => [o.id, o.name]));
    return {
      funnel,
      responseTimes: responses.map((r) => ({
        organizationId: r.organization_id,
        organizationName: names.get(r.organization_id) ?? null,
        medianHours: r.median_hours,
        answered: r.answered,
        waiting: r.waiting,
      })),
    };
  }
}
