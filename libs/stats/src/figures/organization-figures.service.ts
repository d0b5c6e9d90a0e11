import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@app/core';
import { countyLabel } from '../stats-place';
import { refuseField, type StatsScope } from '../stats-scope';
import { echo, inSnapshot, inTurn, scopeParams } from './sql';

export const ORGANIZATION_DEFINITION =
  '已认证单位为统计期末已通过科技局认证的企业、高校和科研院所（按单位所在县市区）；新认证为统计期内通过认证的；' +
  '活跃单位为统计期内发布过需求或成果、发起或答复过对接、提交过揭榜申请、签订过转化合同或提交过合同认定登记的已认证单位';

const KINDS = ['enterprise', 'university', 'institute'] as const;
const KIND_LABELS: Record<(typeof KINDS)[number], string> = { enterprise: '企业', university: '高校', institute: '科研院所' };

/** Organizations for a period and place: verified by kind and county, newly verified, active. */
@Injectable()
export class OrganizationFiguresService {
  constructor(private readonly tx: TransactionHost) {}

  figures(scope: StatsScope) {
    return inSnapshot(this.tx, () => this.compute(scope));
  }

  private async compute(scope: StatsScope) {
    refuseField(scope, '单位统计');
    const m = this.tx.manager;
    const p = scopeParams(scope).slice(0, 3);
    const within = (col: string): string => `${col} >= $1 AND ${col} < $2`;
    const [verified, active]: [
      { kind: (typeof KINDS)[number]; region: string; verified: number; newly: number }[],
      { kind: (typeof KINDS)[number]; active: number }[],
    ] = await inTurn(
      () =>
        m.query(
          `SELECT kind, region, count(*)::int AS verified, count(*) FILTER (WHERE ${within('verified_at')})::int AS newly
           FROM organization
          WHERE status = 'verified' AND kind <> 'bureau' AND verified_at < $2 AND region = ANY($3)
          GROUP BY kind, region`,
          p,
        ),
      () =>
        m.query(
          `SELECT o.kind, count(*)::int AS active FROM organization o
          WHERE o.status = 'verified' AND o.kind <> 'bureau' AND o.verified_at < $2 AND o.region = ANY($3) AND (
            EXISTS (SELECT 1 FROM need n WHERE n.organization_id = o.id AND ${within('n.published_at')})
            OR EXISTS (SELECT 1 FROM result r WHERE r.organization_id = o.id AND ${within('r.published_at')})
            OR EXISTS (SELECT 1 FROM engagement e WHERE e.requester_organization_id = o.id AND ${within('e.created_at')})
            OR EXISTS (SELECT 1 FROM engagement e WHERE e.receiver_organization_id = o.id AND ${within('e.responded_at')})
            OR EXISTS (SELECT 1 FROM proposal x WHERE x.organization_id = o.id AND ${within('x.submitted_at')})
            OR EXISTS (SELECT 1 FROM adoption a WHERE a.enterprise_id = o.id
                        AND (a.signed_on BETWEEN $4 AND $5 OR ${within('a.contract_submitted_at')}))
            OR EXISTS (SELECT 1 FROM adoption a WHERE a.result_organization_id = o.id
                        AND (a.signed_on BETWEEN $4 AND $5 OR ${within('a.contract_submitted_at')}))
          )
          GROUP BY o.kind`,
          [...p, scope.fromDate, scope.toDate],
        ),
    );
    const byKind = KINDS.map((kind) => {
      const rows = verified.filter((v) => v.kind === kind);
      return {
        kind,
        label: KIND_LABELS[kind],
        verified: rows.reduce((n, r) => n + r.verified, 0),
        newlyVerified: rows.reduce((n, r) => n + r.newly, 0),
        active: active.find((a) => a.kind === kind)?.active ?? 0,
      };
    });
    const counties = new Map<string, Record<(typeof KINDS)[number], number>>();
    for (const v of verified) {
      const key = countyLabel(v.region);
      const c = counties.get(key) ?? { enterprise: 0, university: 0, institute: 0 };
      c[v.kind] += v.verified;
      counties.set(key, c);
    }
    return {
      scope: echo(scope),
      byKind,
      byCounty: [...counties]
        .map(([county, c]) => ({ county, ...c, total: c.enterprise + c.university + c.institute }))
        .sort((a, b) => b.total - a.total || a.county.localeCompare(b.county)),
      totals: {
        verified: byKind.reduce((n, k) => n + k.verified, 0),
        newlyVerified: byKind.reduce((n, k) => n + k.newlyVerified, 0),
        active: byKind.reduce((n, k) => n + k.active, 0),
      },
      definition: ORGANIZATION_DEFINITION,
    };
  }
}
