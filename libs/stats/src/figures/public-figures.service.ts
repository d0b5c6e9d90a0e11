import { Injectable } from '@nestjs/common';
import { chinaDate, Clock, TransactionHost } from '@app/core';
import { yuan } from './sql';

/** The few figures anyone may see (the portal's home page): what is published now, and this year's certified contracts. */
@Injectable()
export class PublicFiguresService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly clock: Clock,
  ) {}

  async figures() {
    const year = Number(chinaDate(this.clock.now()).slice(0, 4));
    const [r] = await this.tx.manager.query(
      // Published now = ever published less closed, from the monthly rollup (a few thousand rows, not 100,000).
      `SELECT (SELECT coalesce(sum(CASE event WHEN 'published' THEN n ELSE -n END), 0) FROM stats_item_month WHERE kind = 'result')::int AS results,
              (SELECT coalesce(sum(CASE event WHEN 'published' THEN n ELSE -n END), 0) FROM stats_item_month WHERE kind = 'need')::int AS needs,
              count(*)::int AS contracts, sum(tech_amount_fen) AS tech_fen
         FROM adoption WHERE contract_status = 'certified' AND registered_on BETWEEN $1 AND $2`,
      [`${year}-01-01`, `${year}-12-31`],
    );
    return {
      year,
      publishedResults: r.results as number,
      publishedNeeds: r.needs as number,
      certifiedContracts: r.contracts as number,
      certifiedTechAmountYuan: yuan(r.tech_fen),
    };
  }
}
