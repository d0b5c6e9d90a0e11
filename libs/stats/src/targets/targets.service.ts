import { Injectable } from '@nestjs/common';
import {
  actorOf,
  AuditService,
  AuthUser,
  chinaDate,
  Clock,
  fenToYuan,
  NotFoundError,
  TransactionHost,
  ValidationFailedError,
} from '@app/core';
import { STATS_CITY, placeRegions } from '../stats-place';
import { METRIC_INFO, type TargetMetric } from './target-metrics';
import { StatsTarget, StatsTargetValue } from './target.entity';
import type { CreateTargetDto, ReportTargetValueDto, TargetViewDto, UpdateTargetDto } from './target.dto';
import { progressOf, type ProgressInput } from './target-progress.util';

/** Where "now" is in its year: the year, how much of it has passed (0–1], and the Beijing date. */
interface Now {
  at: Date;
  today: string;
  year: number;
  elapsed: number;
}

function nowOf(d: Date): Now {
  const today = chinaDate(d);
  const year = Number(today.slice(0, 4));
  const start = Date.UTC(year, 0, 1);
  const days = (Date.UTC(year + 1, 0, 1) - start) / 86_400_000;
  const dayOfYear = (Date.parse(`${today}T00:00:00Z`) - start) / 86_400_000 + 1;
  return { at: d, today, year, elapsed: dayOfYear / days };
}

/**
 * The plan's targets, kept as data by the bureau, each with its progress: the value so far, the
 * share reached, the run rate and the year the target is reached at that rate. Computed metrics
 * are counted from the records of the target's place; reported ones come from the bureau's yearly values.
 */
@Injectable()
export class TargetsService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<TargetViewDto[]> {
    const targets = await this.tx.repo(StatsTarget).find({ order: { dueYear: 'ASC', createdAt: 'ASC' } });
    const values = targets.length ? await this.tx.repo(StatsTargetValue).find({ order: { year: 'ASC' } }) : [];
    const now = nowOf(this.clock.now());
    return Promise.all(
      targets.map((t) =>
        this.view(
          t,
          values.filter((v) => v.targetId === t.id),
          now,
        ),
      ),
    );
  }

  async get(id: string): Promise<TargetViewDto> {
    const t = await this.tx.repo(StatsTarget).findOne({ where: { id } });
    if (!t) throw new NotFoundError('目标');
    const values = await this.tx.repo(StatsTargetValue).find({ where: { targetId: id }, order: { year: 'ASC' } });
    return this.view(t, values, nowOf(this.clock.now()));
  }

  async create(dto: CreateTargetDto, actor: AuthUser | null): Promise<TargetViewDto> {
    const id = await this.tx.run(async () => {
      const repo = this.tx.repo(StatsTarget);
      const t = await repo.save(
        repo.create({ ...dto, unit: unitOf(dto.metric, dto.unit), note: dto.note ?? null, createdByUserId: actor?.userId ?? null }),
      );
      await this.record(t.id, actor, 'stats_target.create', { ...dto });
      return t.id;
    });
    return this.get(id);
  }

  async update(id: string, dto: UpdateTargetDto, actor: AuthUser): Promise<TargetViewDto> {
    await this.tx.run(async () => {
      const repo = this.tx.repo(StatsTarget);
      const t = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!t) throw new NotFoundError('目标');
      const changed = Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined));
      Object.assign(t, changed);
      t.unit = unitOf(t.metric, dto.unit ?? t.unit);
      await repo.save(t);
      await this.record(id, actor, 'stats_target.update', changed);
    });
    return this.get(id);
  }

  async remove(id: string, actor: AuthUser): Promise<void> {
    await this.tx.run(async () => {
      const res = await this.tx.repo(StatsTarget).delete({ id });
      if (!res.affected) throw new NotFoundError('目标');
      await this.record(id, actor, 'stats_target.delete', null);
    });
  }

  /** The bureau's value of a year for a reported metric (replaces that year's earlier one). */
  async report(id: string, dto: ReportTargetValueDto, actor: AuthUser | null): Promise<TargetViewDto> {
    await this.tx.run(async () => {
      const t = await this.tx.repo(StatsTarget).findOne({ where: { id } });
      if (!t) throw new NotFoundError('目标');
      if (!METRIC_INFO[t.metric].reported) {
        const message = `“${METRIC_INFO[t.metric].label}”由平台统计，不需要填报`;
        throw new ValidationFailedError(message, [{ field: 'value', message }]);
      }
      if (dto.year > nowOf(this.clock.now()).year) {
        const message = '不能填报未来年度的值';
        throw new ValidationFailedError(message, [{ field: 'year', message }]);
      }
      await this.tx.manager.query(
        `INSERT INTO stats_target_value (target_id, year, value) VALUES ($1, $2, $3)
         ON CONFLICT (target_id, year) DO UPDATE SET value = EXCLUDED.value, created_at = now()`,
        [id, dto.year, dto.value],
      );
      await this.record(id, actor, 'stats_target.report', { ...dto });
    });
    return this.get(id);
  }

  private async view(t: StatsTarget, values: StatsTargetValue[], now: Now): Promise<TargetViewDto> {
    const info = METRIC_INFO[t.metric];
    const { input, asOf } = info.reported ? reportedInput(info.aggregation, values) : await this.measured(t, now);
    const progress = progressOf(input, t.targetValue);
    return {
      id: t.id,
      name: t.name,
      metric: t.metric,
      metricLabel: info.label,
      aggregation: info.aggregation,
      metricDescription: info.description,
      place: t.place,
      dueYear: t.dueYear,
      targetValue: t.targetValue,
      unit: t.unit,
      sourceDocument: t.sourceDocument,
      note: t.note,
      reported: values.map((v) => ({ year: v.year, value: v.value })),
      progress: { ...progress, asOf, onTrack: progress.yearReached !== null && progress.yearReached <= t.dueYear },
    };
  }

  /** A computed metric, from the records of the target's place: this year (or the due year, once past) and the one before. */
  private async measured(t: StatsTarget, now: Now): Promise<{ input: ProgressInput; asOf: string }> {
    const regions = placeRegions(t.place === STATS_CITY ? null : t.place);
    if (t.metric === 'verified_enterprises') {
      const [r] = await this.tx.manager.query(
        `SELECT count(*)::int AS now, count(*) FILTER (WHERE verified_at < $3)::int AS earlier
           FROM organization WHERE status = 'verified' AND kind = 'enterprise' AND region = ANY($1) AND verified_at < $2`,
        [regions, now.at, new Date(now.at.getTime() - 365 * 86_400_000)],
      );
      return {
        input: { aggregation: 'stock', current: r.now, earlier: r.earlier, years: 1, year: now.year, elapsed: now.elapsed },
        asOf: `截至 ${now.today}`,
      };
    }
    const year = Math.min(now.year, t.dueYear);
    const byYear = await this.annualValues(t.metric, regions, year - 1, year);
    const elapsed = year === now.year ? now.elapsed : 1;
    return {
      input: { aggregation: 'annual', current: byYear.get(year) ?? 0, previous: byYear.get(year - 1) ?? null, elapsed, year },
      asOf: year === now.year ? `${year}年（截至 ${now.today}）` : `${year}年`,
    };
  }

  private async annualValues(metric: TargetMetric, regions: string[], from: number, to: number): Promise<Map<number, number>> {
    const range = [`${from}-01-01`, `${to}-12-31`];
    const sql: Partial<Record<TargetMetric, string>> = {
      contract_tech_amount: `SELECT extract(year FROM a.registered_on)::int AS year, sum(a.tech_amount_fen) AS fen
          FROM adoption a JOIN organization b ON b.id = a.enterprise_id
         WHERE a.contract_status = 'certified' AND a.registered_on BETWEEN $2 AND $3 AND b.region = ANY($1) GROUP BY 1`,
      contract_count: `SELECT extract(year FROM a.registered_on)::int AS year, count(*) AS value
          FROM adoption a JOIN organization b ON b.id = a.enterprise_id
         WHERE a.contract_status = 'certified' AND a.registered_on BETWEEN $2 AND $3 AND b.region = ANY($1) GROUP BY 1`,
      results_published: `SELECT extract(year FROM published_at AT TIME ZONE 'Asia/Shanghai')::int AS year, count(*) AS value
          FROM result WHERE published_at >= ($2::date::timestamp AT TIME ZONE 'Asia/Shanghai')
           AND published_at < (($3::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai') AND region = ANY($1) GROUP BY 1`,
      challenges_supported: `SELECT extract(year FROM c.finalized_at AT TIME ZONE 'Asia/Shanghai')::int AS year, count(*) AS value
          FROM challenge c LEFT JOIN organization co ON co.id = c.co_funder_organization_id LEFT JOIN need sn ON sn.id = c.source_need_id
         WHERE c.finalized_at >= ($2::date::timestamp AT TIME ZONE 'Asia/Shanghai')
           AND c.finalized_at < (($3::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
           AND coalesce(co.region, sn.region, '${STATS_CITY}') = ANY($1) GROUP BY 1`,
    };
    // Money comes as fen (`fen`), counts as `value`.
    const rows: { year: number; value?: string; fen?: string }[] = await this.tx.manager.query(sql[metric] as string, [regions, ...range]);
    return new Map(rows.map((r) => [r.year, r.fen !== undefined ? fenToYuan(r.fen) : Number(r.value)]));
  }

  private record(id: string, actor: AuthUser | null, action: string, data: Record<string, unknown> | null): Promise<void> {
    return this.audit.record({ actor: actorOf(actor), action, entityType: 'stats_target', entityId: id, data });
  }
}

function unitOf(metric: TargetMetric, unit: string | undefined): string {
  const own = METRIC_INFO[metric].unit;
  if (own) return own;
  if (!unit) {
    const message = '科技局填报的指标须写明单位（如“家”）';
    throw new ValidationFailedError(message, [{ field: 'unit', message }]);
  }
  return unit;
}

/** A reported metric: the latest year's value, and the one before it for the rate. */
function reportedInput(aggregation: 'annual' | 'stock', values: StatsTargetValue[]): { input: ProgressInput; asOf: string } {
  const latest = values.at(-1);
  const before = values.at(-2);
  if (!latest) {
    const input: ProgressInput =
      aggregation === 'annual'
        ? { aggregation, current: 0, elapsed: 0, previous: null, year: 0 }
        : { aggregation, current: 0, earlier: null, years: 0, year: 0, elapsed: 0 };
    return { input, asOf: '尚未填报' };
  }
  const asOf = `${latest.year}年（科技局填报）`;
  if (aggregation === 'annual') {
    const previous = before && before.year === latest.year - 1 ? before.value : null;
    return { input: { aggregation, current: latest.value, elapsed: 1, previous, year: latest.year }, asOf };
  }
  return {
    input: {
      aggregation,
      current: latest.value,
      earlier: before ? before.value : null,
      years: before ? latest.year - before.year : 0,
      year: latest.year,
      elapsed: 1,
    },
    asOf,
  };
}
