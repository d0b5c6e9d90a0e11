import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@app/core';
import { countyLabel } from '../stats-place';
import { chinaMidnight, type StatsScope } from '../stats-scope';
import { type MonthSplit, splitByMonth } from './month-split';
import { echo, inSnapshot, inTurn, ratio, scopeParams } from './sql';

export const CONVERSION_DEFINITION =
  '成果转化率 = 统计期内新发布的科技成果中，截至统计时已有经科技局认定登记的技术合同的成果数 ÷ 统计期内新发布的科技成果数（按成果所在地、产业领域筛选）';

interface Count {
  key: string;
  count: number;
}

/** A row of a GROUPING SETS ((field), (region), (month)) count: bits field 4, region 2, month 1 set when not grouped by. */
interface Group {
  field: string | null;
  region: string | null;
  month: string | null;
  g: number;
  count: number;
}

export interface ListFigures {
  /** Public at the end of the period (published before it ended, not closed by then). */
  published: number;
  /** Published within the period. */
  new: number;
  /** Closed within the period (of those ever published). */
  closed: number;
  newByField: Count[];
  newByCounty: Count[];
  newByMonth: Count[];
}

/**
 * The three lists for a period and place: supply (results) and demand (needs) published, new and
 * closed, by field, county and month; needs met by a deal and results applied; 成果转化率.
 * A need or result is placed by its own region, fielded by its own field.
 */
@Injectable()
export class ListFiguresService {
  constructor(private readonly tx: TransactionHost) {}

  figures(scope: StatsScope) {
    return inSnapshot(this.tx, () => this.compute(scope));
  }

  private async compute(scope: StatsScope) {
    const [needs, results, met, applied, converted] = await inTurn(
      () => this.list('need', scope),
      () => this.list('result', scope),
      () => this.needsMet(scope),
      () => this.resultsApplied(scope),
      () => this.converted(scope),
    );
    return {
      scope: echo(scope),
      needs: { ...needs, met },
      results: { ...results, applied },
      conversion: {
        publishedResults: results.new,
        convertedResults: converted,
        rate: ratio(converted, results.new),
        definition: CONVERSION_DEFINITION,
      },
    };
  }

  /**
   * One list over the period and place. Whole months come from stats_item_month (kept by triggers
   * on need and result, see the stats migration); the days at the period's edges, if any, from the
   * rows through their covering indexes. "Published at the end" is everything published before the
   * end less everything closed before it.
   */
  private async list(table: 'need' | 'result', scope: StatsScope): Promise<ListFigures> {
    const m = this.tx.manager;
    const split = splitByMonth(scope.fromDate, scope.toDate);
    const place = [table, scope.regions, scope.field, split.wholeFrom, split.wholeTo];
    const [[totals], months, edges] = await inTurn(
      () =>
        m.query(
          `SELECT coalesce(sum(n) FILTER (WHERE event = 'published'), 0)::int - coalesce(sum(n) FILTER (WHERE event = 'closed'), 0)::int AS stock,
                coalesce(sum(n) FILTER (WHERE event = 'published' AND month >= $4), 0)::int AS new,
                coalesce(sum(n) FILTER (WHERE event = 'closed' AND month >= $4), 0)::int AS closed
           FROM stats_item_month
          WHERE kind = $1 AND region = ANY($2) AND ($3::text IS NULL OR field = $3) AND month < $5`,
          place,
        ) as Promise<{ stock: number; new: number; closed: number }[]>,
      () =>
        m.query(
          `SELECT nullif(field, '') AS field, region, to_char(month, 'YYYY-MM') AS month, GROUPING(field, region, month)::int AS g, sum(n)::int AS count
           FROM stats_item_month
          WHERE kind = $1 AND event = 'published' AND region = ANY($2) AND ($3::text IS NULL OR field = $3) AND month >= $4 AND month < $5
          GROUP BY GROUPING SETS ((field), (region), (month))`,
          place,
        ) as Promise<Group[]>,
      () => this.edges(table, scope, split),
    );
    const groups = [...months, ...edges.groups];
    const pick = (bit: number, key: (r: Group) => string): Count[] =>
      mergeKeys(groups.filter((r) => (r.g & bit) === 0 && r.count > 0).map((r) => ({ key: key(r), count: r.count })));
    return {
      published: totals.stock + edges.stock,
      new: totals.new + edges.new,
      closed: totals.closed + edges.closed,
      newByField: sortByCount(pick(4, (r) => r.field ?? '未填写')),
      newByCounty: sortByCount(pick(2, (r) => countyLabel(r.region ?? ''))),
      newByMonth: pick(1, (r) => r.month ?? '').sort((a, b) => a.key.localeCompare(b.key)),
    };
  }

  /** The days at a period's edges, from the rows: what they add to new, closed, the stock, and the breakdowns. */
  private async edges(table: 'need' | 'result', scope: StatsScope, split: MonthSplit) {
    const none = { new: 0, closed: 0, stock: 0, groups: [] as Group[] };
    if (!split.partial.length && !split.tail) return none;
    const params: unknown[] = [scope.regions, scope.field];
    const within = (col: string, [a, b]: [string, string]): string => {
      params.push(chinaMidnight(a), chinaMidnight(b));
      return `(${col} >= $${params.length - 1} AND ${col} < $${params.length})`;
    };
    const anyOf = (col: string, ranges: [string, string][]): string =>
      ranges.length ? ranges.map((r) => within(col, r)).join(' OR ') : 'false';
    const tail = split.tail ? [split.tail] : [];
    const place = `region = ANY($1) AND ($2::text IS NULL OR field = $2)`;
    const month = `to_char(published_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')`;
    const newAt = anyOf('published_at', split.partial);
    const tailAt = anyOf('published_at', tail);
    const published: (Group & { new: number; tail: number })[] = await this.tx.manager.query(
      `SELECT field, region, ${month} AS month, GROUPING(field, region, ${month})::int AS g,
              count(*) FILTER (WHERE ${newAt})::int AS count, count(*) FILTER (WHERE ${tailAt})::int AS tail
         FROM ${table} WHERE (${newAt} OR ${tailAt}) AND ${place}
        GROUP BY GROUPING SETS ((), (field), (region), (${month}))`,
      params,
    );
    params.splice(2);
    const closedAt = anyOf('closed_at', split.partial);
    const closedTail = anyOf('closed_at', tail);
    const [closed]: { closed: number; tail: number }[] = await this.tx.manager.query(
      `SELECT count(*) FILTER (WHERE ${closedAt})::int AS closed, count(*) FILTER (WHERE ${closedTail})::int AS tail
         FROM ${table} WHERE published_at IS NOT NULL AND (${closedAt} OR ${closedTail}) AND ${place}`,
      params,
    );
    const all = published.find((r) => r.g === 7);
    return {
      new: all?.count ?? 0,
      closed: closed.closed,
      stock: (all?.tail ?? 0) - closed.tail,
      groups: published.filter((r) => r.g !== 7),
    };
  }

  /** Needs of the place whose engagement reached a deal, its contract signed in the period. */
  private async needsMet(scope: StatsScope): Promise<number> {
    const [r] = await this.tx.manager.query(
      `SELECT count(DISTINCT n.id)::int AS n
         FROM adoption a JOIN engagement e ON e.id = a.engagement_id JOIN need n ON n.id = e.need_id
        WHERE e.status = 'deal' AND a.signed_on BETWEEN $3 AND $4 AND n.region = ANY($1) AND ($2::text IS NULL OR n.field = $2)`,
      [scope.regions, scope.field, scope.fromDate, scope.toDate],
    );
    return r.n;
  }

  /** Results of the place with an adoption the bureau confirmed, its contract signed in the period. */
  private async resultsApplied(scope: StatsScope): Promise<number> {
    const [r] = await this.tx.manager.query(
      `SELECT count(DISTINCT result_id)::int AS n FROM adoption
        WHERE status = 'confirmed' AND signed_on BETWEEN $3 AND $4 AND result_region = ANY($1) AND ($2::text IS NULL OR result_field = $2)`,
      [scope.regions, scope.field, scope.fromDate, scope.toDate],
    );
    return r.n;
  }

  /** Results published in the period (place, field) that have a certified contract by now. */
  private async converted(scope: StatsScope): Promise<number> {
    const [r] = await this.tx.manager.query(
      `SELECT count(DISTINCT result_id)::int AS n FROM adoption
        WHERE contract_status = 'certified' AND result_published_at >= $1 AND result_published_at < $2
          AND result_region = ANY($3) AND ($4::text IS NULL OR result_field = $4)`,
      scopeParams(scope),
    );
    return r.n;
  }
}

function mergeKeys(rows: Count[]): Count[] {
  const by = new Map<string, number>();
  for (const r of rows) by.set(r.key, (by.get(r.key) ?? 0) + r.count);
  return [...by].map(([key, count]) => ({ key, count }));
}

export function sortByCount<T extends { key: string; count: number }>(rows: T[]): T[] {
  return rows.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}
