import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@app/core';

/** The bureau's figures for open calls. */
@Injectable()
export class ChallengeStatsService {
  constructor(private readonly tx: TransactionHost) {}

  async figures() {
    const m = this.tx.manager;
    const byYearField: { year: number; field: string; challenges: number }[] = await m.query(
      `SELECT extract(year FROM published_at)::int AS year, field, count(*)::int AS challenges
         FROM challenge WHERE published_at IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    const [funds]: { committed_fen: string | null; released_fen: string | null }[] = await m.query(
      `SELECT (SELECT sum(awarded_budget_fen) FROM proposal WHERE status = 'awarded') AS committed_fen,
              (SELECT sum(amount_fen) FROM milestone WHERE status = 'accepted') AS released_fen`,
    );
    const proposals: { challenge_id: string; title: string; proposals: number }[] = await m.query(
      `SELECT c.id AS challenge_id, c.title, count(p.id) FILTER (WHERE p.status NOT IN ('draft','withdrawn'))::int AS proposals
         FROM challenge c LEFT JOIN proposal p ON p.challenge_id = c.id
        WHERE c.published_at IS NOT NULL GROUP BY c.id, c.title ORDER BY c.title`,
    );
    const [ends]: { completed: number; failed: number }[] = await m.query(
      `SELECT count(*) FILTER (WHERE status = 'completed')::int AS completed, count(*) FILTER (WHERE status = 'failed')::int AS failed FROM challenge`,
    );
    const finished = ends.completed + ends.failed;
    return {
      challengesByYearAndField: byYearField,
      fundsCommittedYuan: Number(funds.committed_fen ?? 0) / 100,
      fundsReleasedYuan: Number(funds.released_fen ?? 0) / 100,
      proposalsPerChallenge: proposals.map((p) => ({ challengeId: p.challenge_id, title: p.title, proposals: p.proposals })),
      completed: ends.completed,
      failed: ends.failed,
      completionRate: finished ? Math.round((ends.completed / finished) * 1000) / 1000 : null,
    };
  }
}
