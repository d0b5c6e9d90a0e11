import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@app/core';
import type { StatsScope } from '../stats-scope';
import { echo, inSnapshot, inTurn, ratio, scopeParams } from './sql';

interface CohortRow {
  id: string | null;
  g: number;
  requested: number;
  accepted: number;
  deals: number;
  certified: number;
  answered: number;
  waiting: number;
  median_s: number | null;
}

export const FUNNEL_DEFINITION =
  '匹配数为统计期内新产生的供需匹配（按需求所在地与领域）；对接请求为统计期内发起的对接（按需求所在地，针对成果发起的按成果所在地），' +
  '被接受、成交、合同已认定登记均指这些请求目前已到达的环节；各环节转化率 = 本环节数 ÷ 上一环节数；答复时间为请求到答复的中位数（小时）';

/**
 * The matching funnel for a period and place: matches → contact requests → accepted → deals →
 * certified contracts, each step's conversion from the one before, and the median time to answer.
 * Requests are a cohort (made in the period); later steps are where those requests got to.
 */
@Injectable()
export class FunnelFiguresService {
  constructor(private readonly tx: TransactionHost) {}

  figures(scope: StatsScope) {
    return inSnapshot(this.tx, () => this.compute(scope));
  }

  private async compute(scope: StatsScope) {
    const m = this.tx.manager;
    const params = scopeParams(scope);
    const [[matches], cohort] = await inTurn(
      () =>
        m.query(
          `SELECT count(*)::int AS n FROM match x JOIN need n ON n.id = x.need_id
          WHERE x.created_at >= $1 AND x.created_at < $2 AND n.region = ANY($3) AND ($4::text IS NULL OR n.field = $4)`,
          params,
        ) as Promise<{ n: number }[]>,
      // The period's requests, placed by their need (or, without one, their result): all of them
      // (g = 1) and by receiver (g = 0), in one pass.
      () =>
        m.query(
          `SELECT e.receiver_organization_id AS id, GROUPING(e.receiver_organization_id)::int AS g,
                count(*)::int AS requested,
                count(*) FILTER (WHERE e.responded_at IS NOT NULL AND e.status <> 'declined')::int AS accepted,
                count(*) FILTER (WHERE e.status = 'deal')::int AS deals,
                count(*) FILTER (WHERE e.status = 'deal' AND a.contract_status = 'certified')::int AS certified,
                count(*) FILTER (WHERE e.responded_at IS NOT NULL)::int AS answered,
                count(*) FILTER (WHERE e.status = 'requested')::int AS waiting,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM e.responded_at - e.created_at))
                  FILTER (WHERE e.responded_at IS NOT NULL) AS median_s
           FROM engagement e
           LEFT JOIN need n ON n.id = e.need_id
           -- The result is read only for a request without a need (a scalar lookup, not a join over every result).
           CROSS JOIN LATERAL (SELECT CASE WHEN e.need_id IS NOT NULL THEN n.region ELSE (SELECT region FROM result WHERE id = e.result_id) END AS region,
                                      CASE WHEN e.need_id IS NOT NULL THEN n.field ELSE (SELECT field FROM result WHERE id = e.result_id) END AS field) p
           LEFT JOIN adoption a ON a.id = e.adoption_id AND e.status = 'deal'
          WHERE e.created_at >= $1 AND e.created_at < $2
            AND p.region = ANY($3) AND ($4::text IS NULL OR p.field = $4)
          GROUP BY GROUPING SETS ((), (e.receiver_organization_id))`,
          params,
        ) as Promise<CohortRow[]>,
    );
    const e = cohort.find((c) => c.g === 1) ?? { requested: 0, accepted: 0, deals: 0, certified: 0, answered: 0, median_s: null };
    const receivers = cohort.filter((c) => c.g === 0);
    const names: { id: string; name: string }[] = receivers.length
      ? await m.query(`SELECT id, name FROM organization WHERE id = ANY($1)`, [receivers.map((r) => r.id)])
      : [];
    const nameOf = new Map(names.map((o) => [o.id, o.name]));
    const hours = (sec: number | null): number | null => (sec === null ? null : Math.round((Number(sec) / 3600) * 10) / 10);
    const values: [string, string, number][] = [
      ['matches', '供需匹配', matches.n],
      ['requested', '对接请求', e.requested],
      ['accepted', '被接受', e.accepted],
      ['deals', '成交', e.deals],
      ['certified', '合同已认定登记', e.certified],
    ];
    return {
      scope: echo(scope),
      steps: values.map(([key, label, count], i) => ({ key, label, count, conversion: i ? ratio(count, values[i - 1][2]) : null })),
      answered: e.answered,
      medianResponseHours: hours(e.median_s),
      // The receivers of the period's requests, quickest to answer first (at most 50).
      responseByOrganization: receivers
        .map((o) => ({
          organizationId: o.id as string,
          organizationName: nameOf.get(o.id as string) ?? '',
          medianHours: hours(o.median_s),
          answered: o.answered,
          waiting: o.waiting,
        }))
        .sort((a, b) => (a.medianHours ?? Infinity) - (b.medianHours ?? Infinity) || a.organizationName.localeCompare(b.organizationName))
        .slice(0, 50),
      definition: FUNNEL_DEFINITION,
    };
  }
}
