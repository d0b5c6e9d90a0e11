import { Injectable } from '@nestjs/common';
import { TECH_CONTRACT_CATEGORIES } from '@app/catalog';
import { TransactionHost } from '@app/core';
import { countyLabel } from '../stats-place';
import type { StatsScope } from '../stats-scope';
import { echo, inSnapshot, inTurn, yuan } from './sql';

export const CONTRACT_DEFINITION =
  '只计经科技局认定登记的技术合同，按登记日期归入统计期；成交额为技术交易额（合同金额中的技术部分）；' +
  '地区按买方（应用企业）所在县（市、区），产业领域按所应用成果的领域；技术许可、作价投资计入技术转让';

const ORG_KIND_LABELS: Record<string, string> = { enterprise: '企业', university: '高校', institute: '科研院所', bureau: '科技局' };

interface Row {
  category: string | null;
  field: string | null;
  county: string | null;
  buyer_kind: string | null;
  seller_kind: string | null;
  month: string | null;
  g: number;
  count: number;
  tech_fen: string | null;
  amount_fen: string | null;
}

/**
 * 技术合同 for a period and place: certified contracts (count, 技术交易额, contract amount) in all and
 * by kind, field, county, buyer and seller kind, month; and how many wait for 认定登记.
 */
@Injectable()
export class ContractFiguresService {
  constructor(private readonly tx: TransactionHost) {}

  figures(scope: StatsScope) {
    return inSnapshot(this.tx, () => this.compute(scope));
  }

  private async compute(scope: StatsScope) {
    const m = this.tx.manager;
    const month = `to_char(a.registered_on, 'YYYY-MM')`;
    const [rows, waiting] = await inTurn(
      () =>
        m.query(
          `SELECT a.contract_category AS category, coalesce(a.result_field, '未填写') AS field, b.region AS county,
                b.kind AS buyer_kind, s.kind AS seller_kind, ${month} AS month,
                GROUPING(a.contract_category, a.result_field, b.region, b.kind, s.kind, ${month})::int AS g,
                count(*)::int AS count, sum(a.tech_amount_fen) AS tech_fen, sum(a.amount_fen) AS amount_fen
           FROM adoption a
           JOIN organization b ON b.id = a.enterprise_id
           JOIN organization s ON s.id = a.result_organization_id
          WHERE a.contract_status = 'certified' AND a.registered_on BETWEEN $3 AND $4
            AND b.region = ANY($1) AND ($2::text IS NULL OR a.result_field = $2)
          GROUP BY GROUPING SETS ((), (a.contract_category), (a.result_field), (b.region), (b.kind), (s.kind), (${month}))`,
          [scope.regions, scope.field, scope.fromDate, scope.toDate],
        ) as Promise<Row[]>,
      () =>
        m.query(
          `SELECT a.contract_status AS status, count(*)::int AS count
           FROM adoption a JOIN organization b ON b.id = a.enterprise_id
          WHERE a.contract_status IN ('submitted', 'returned') AND b.region = ANY($1) AND ($2::text IS NULL OR a.result_field = $2)
          GROUP BY 1`,
          [scope.regions, scope.field],
        ) as Promise<{ status: 'submitted' | 'returned'; count: number }[]>,
    );
    // GROUPING bits, leftmost first: category 32, field 16, county 8, buyer 4, seller 2, month 1.
    const set = (bit: number): Row[] => rows.filter((r) => r.g === 63 - bit);
    const sums = (r: Row) => ({ count: r.count, techAmountYuan: yuan(r.tech_fen), amountYuan: yuan(r.amount_fen) });
    const total = rows.find((r) => r.g === 63);
    const byKey = (bit: number, key: (r: Row) => string) =>
      set(bit)
        .map((r) => ({ key: key(r), ...sums(r) }))
        .sort((a, b) => b.techAmountYuan - a.techAmountYuan || a.key.localeCompare(b.key));
    const byCategory = new Map(set(32).map((r) => [r.category, r]));
    return {
      scope: echo(scope),
      total: total ? sums(total) : { count: 0, techAmountYuan: 0, amountYuan: 0 },
      // Every kind, in the registration's order, zeros included: a report's table has all four rows.
      byKind: TECH_CONTRACT_CATEGORIES.map((k) => {
        const r = byCategory.get(k);
        return { key: k as string, ...(r ? sums(r) : { count: 0, techAmountYuan: 0, amountYuan: 0 }) };
      }),
      byField: byKey(16, (r) => r.field ?? '未填写'),
      byCounty: byKey(8, (r) => countyLabel(r.county ?? '')),
      byBuyerKind: byKey(4, (r) => ORG_KIND_LABELS[r.buyer_kind ?? ''] ?? String(r.buyer_kind)),
      bySellerKind: byKey(2, (r) => ORG_KIND_LABELS[r.seller_kind ?? ''] ?? String(r.seller_kind)),
      byMonth: set(1)
        .map((r) => ({ key: r.month ?? '', ...sums(r) }))
        .sort((a, b) => a.key.localeCompare(b.key)),
      awaitingCertification: waiting.find((w) => w.status === 'submitted')?.count ?? 0,
      returned: waiting.find((w) => w.status === 'returned')?.count ?? 0,
      definition: CONTRACT_DEFINITION,
    };
  }
}
