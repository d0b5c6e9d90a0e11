import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@app/core';
import { STATS_CITY } from '../stats-place';
import type { StatsScope } from '../stats-scope';
import { echo, inSnapshot, inTurn, ratio, scopeParams, yuan } from './sql';

export const CHALLENGE_DEFINITION =
  '榜单的所在地为出资企业所在地，无出资企业的为来源需求所在地，都没有的计为市本级（只在全市统计中）；' +
  '榜单数按发布日期，重点支持项目数按评定结果确认（公示期满）日期，已承诺资金为这些榜单中榜申请的核定经费，' +
  '已拨付资金为统计期内通过验收的里程碑金额，完成率 = 统计期内通过最终验收的榜单 ÷（通过 + 未通过验收的榜单）';

/** A challenge with its place: the co-funding enterprise's, else its source need's, else the city. */
const PLACED = `
  SELECT c.*, coalesce(co.region, sn.region, '${STATS_CITY}') AS place
    FROM challenge c
    LEFT JOIN organization co ON co.id = c.co_funder_organization_id
    LEFT JOIN need sn ON sn.id = c.source_need_id`;

/**
 * 揭榜挂帅 for a period and place: calls published per year and field, proposals per call, projects
 * supported (calls whose award was confirmed), funds committed and released, completion rate.
 */
@Injectable()
export class ChallengeFiguresService {
  constructor(private readonly tx: TransactionHost) {}

  figures(scope: StatsScope) {
    return inSnapshot(this.tx, () => this.compute(scope));
  }

  private async compute(scope: StatsScope) {
    const m = this.tx.manager;
    const p = scopeParams(scope);
    const inPlace = `c.place = ANY($3) AND ($4::text IS NULL OR c.field = $4)`;
    const [byYearField, perCall, [money], [ends]] = await inTurn(
      () =>
        m.query(
          `SELECT extract(year FROM c.published_at AT TIME ZONE 'Asia/Shanghai')::int AS year, c.field, count(*)::int AS challenges
           FROM (${PLACED}) c WHERE c.published_at >= $1 AND c.published_at < $2 AND ${inPlace}
          GROUP BY 1, 2 ORDER BY 1, 2`,
          p,
        ) as Promise<{ year: number; field: string; challenges: number }[]>,
      () =>
        m.query(
          `SELECT c.id AS challenge_id, c.title, c.field,
                (SELECT count(*) FROM proposal x WHERE x.challenge_id = c.id AND x.status NOT IN ('draft', 'withdrawn'))::int AS proposals
           FROM (${PLACED}) c WHERE c.published_at >= $1 AND c.published_at < $2 AND ${inPlace}
          ORDER BY c.published_at, c.id`,
          p,
        ) as Promise<{ challenge_id: string; title: string; field: string; proposals: number }[]>,
      () =>
        m.query(
          `SELECT (SELECT count(*) FROM (${PLACED}) c WHERE c.finalized_at >= $1 AND c.finalized_at < $2 AND ${inPlace})::int AS supported,
                (SELECT sum(x.awarded_budget_fen) FROM (${PLACED}) c JOIN proposal x ON x.challenge_id = c.id AND x.status = 'awarded'
                  WHERE c.finalized_at >= $1 AND c.finalized_at < $2 AND ${inPlace}) AS committed_fen,
                (SELECT sum(ms.amount_fen) FROM (${PLACED}) c JOIN milestone ms ON ms.challenge_id = c.id AND ms.status = 'accepted'
                  WHERE ms.accepted_at >= $1 AND ms.accepted_at < $2 AND ${inPlace}) AS released_fen`,
          p,
        ) as Promise<{ supported: number; committed_fen: string | null; released_fen: string | null }[]>,
      // A failed challenge has no end date of its own: its last change is the failure (a terminal state).
      () =>
        m.query(
          `SELECT count(*) FILTER (WHERE c.status = 'completed' AND c.completed_at >= $1 AND c.completed_at < $2)::int AS completed,
                count(*) FILTER (WHERE c.status = 'failed' AND c.updated_at >= $1 AND c.updated_at < $2)::int AS failed
           FROM (${PLACED}) c WHERE c.status IN ('completed', 'failed') AND ${inPlace}`,
          p,
        ) as Promise<{ completed: number; failed: number }[]>,
    );
    return {
      scope: echo(scope),
      published: perCall.length,
      challengesByYearAndField: byYearField,
      proposalsPerChallenge: perCall.map((c) => ({ challengeId: c.challenge_id, title: c.title, field: c.field, proposals: c.proposals })),
      supported: money.supported,
      fundsCommittedYuan: yuan(money.committed_fen),
      fundsReleasedYuan: yuan(money.released_fen),
      completed: ends.completed,
      failed: ends.failed,
      completionRate: ratio(ends.completed, ends.completed + ends.failed),
      definition: CHALLENGE_DEFINITION,
    };
  }
}
