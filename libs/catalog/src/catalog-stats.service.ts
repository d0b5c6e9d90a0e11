import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@app/core';
import { ADOPTION_STATUS_LABELS, AdoptionStatus, CONTRACT_KINDS, STATUS_LABELS, ItemStatus } from './catalog.constants';
import { cityOf } from './regions';

const yuan = (fen: string | number | null): number => Number(fen ?? 0) / 100;

interface ListFigures {
  /** Every item by state, with its Chinese label. */
  byStatus: { status: ItemStatus; label: string; count: number }[];
  /** Published items by industry field. */
  publishedByField: { field: string; count: number }[];
  /** Published items by prefecture-level city (counties and districts counted in their city). */
  publishedByCity: { city: string; count: number }[];
  /** Items published per month, the last twelve months (China time). */
  publishedByMonth: { month: string; count: number }[];
}

/** The bureau's figures for the three lists: supply, demand and application. */
@Injectable()
export class CatalogStatsService {
  constructor(private readonly tx: TransactionHost) {}

  async figures() {
    const [needs, results] = await Promise.all([this.listFigures('need'), this.listFigures('result')]);
    return { needs, results, adoptions: await this.adoptionFigures() };
  }

  private async listFigures(table: 'need' | 'result'): Promise<ListFigures> {
    const m = this.tx.manager;
    const byStatus: { status: ItemStatus; count: number }[] = await m.query(
      `SELECT status, count(*)::int AS count FROM ${table} GROUP BY status ORDER BY status`,
    );
    const byField: { field: string; count: number }[] = await m.query(
      `SELECT coalesce(field, '未填写') AS field, count(*)::int AS count FROM ${table} WHERE status = 'published' GROUP BY 1 ORDER BY 2 DESC, 1`,
    );
    const byRegion: { region: string; count: number }[] = await m.query(
      `SELECT region, count(*)::int AS count FROM ${table} WHERE status = 'published' GROUP BY region`,
    );
    const byMonth: { month: string; count: number }[] = await m.query(
      `SELECT to_char(published_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, count(*)::int AS count
         FROM ${table}
        WHERE published_at >= date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai') - interval '11 months'
        GROUP BY 1 ORDER BY 1`,
    );
    const cities = new Map<string, number>();
    for (const r of byRegion) cities.set(cityOf(r.region), (cities.get(cityOf(r.region)) ?? 0) + r.count);
    return {
      byStatus: byStatus.map((s) => ({ ...s, label: STATUS_LABELS[s.status] ?? s.status })),
      publishedByField: byField,
      publishedByCity: [...cities]
        .map(([city, count]) => ({ city, count }))
        .sort((a, b) => b.count - a.count || a.city.localeCompare(b.city)),
      publishedByMonth: byMonth,
    };
  }

  private async adoptionFigures() {
    const m = this.tx.manager;
    const byStatus: { status: AdoptionStatus; count: number }[] = await m.query(
      `SELECT status, count(*)::int AS count FROM adoption GROUP BY status ORDER BY status`,
    );
    // Confirmed adoptions only: what the bureau has checked.
    const confirmed = `FROM adoption a JOIN result r ON r.id = a.result_id WHERE a.status = 'confirmed'`;
    const [total]: { count: number; amount_fen: string | null; benefit_fen: string | null }[] = await m.query(
      `SELECT count(*)::int AS count, sum(a.amount_fen) AS amount_fen,
              sum(a.benefit_amount_fen) FILTER (WHERE a.benefit_kind = 'realized') AS benefit_fen ${confirmed}`,
    );
    const byYear: { year: number; count: number; amount_fen: string }[] = await m.query(
      `SELECT extract(year FROM a.signed_on)::int AS year, count(*)::int AS count, sum(a.amount_fen) AS amount_fen ${confirmed} GROUP BY 1 ORDER BY 1`,
    );
    const byKind: { kind: string; count: number; amount_fen: string }[] = await m.query(
      `SELECT a.contract_kind AS kind, count(*)::int AS count, sum(a.amount_fen) AS amount_fen ${confirmed} GROUP BY 1`,
    );
    const byField: { field: string; count: number; amount_fen: string }[] = await m.query(
      `SELECT coalesce(r.field, '未填写') AS field, count(*)::int AS count, sum(a.amount_fen) AS amount_fen ${confirmed} GROUP BY 1 ORDER BY 3 DESC, 1`,
    );
    const kindOrder = (k: string): number => (CONTRACT_KINDS as readonly string[]).indexOf(k);
    return {
      byStatus: byStatus.map((s) => ({ ...s, label: ADOPTION_STATUS_LABELS[s.status] ?? s.status })),
      confirmed: total.count,
      contractAmountYuan: yuan(total.amount_fen),
      realizedBenefitYuan: yuan(total.benefit_fen),
      byYear: byYear.map((r) => ({ year: r.year, count: r.count, amountYuan: yuan(r.amount_fen) })),
      byContractKind: byKind
        .sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind))
        .map((r) => ({ contractKind: r.kind, count: r.count, amountYuan: yuan(r.amount_fen) })),
      byField: byField.map((r) => ({ field: r.field, count: r.count, amountYuan: yuan(r.amount_fen) })),
    };
  }
}
