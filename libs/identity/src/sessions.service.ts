import { Injectable } from '@nestjs/common';
import { actorOf, AuditService, AuthUser, NotFoundError, SessionRevocations, TransactionHost, updateReturning } from '@app/core';
import type { SessionViewDto } from './dto/session.dto';

/** Sessions listed at most: a user with more (a script signing in again and again) sees the latest. */
const MAX_LISTED = 100;

/**
 * Sessions are refresh-token families: one per sign-in, rotated on each refresh. Ending one
 * revokes its refresh tokens (PostgreSQL) and marks it in Redis, so its access tokens are refused
 * at once rather than when they expire.
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly revocations: SessionRevocations,
    private readonly audit: AuditService,
  ) {}

  /** The user's sessions still able to refresh, most recently used first. */
  async list(userId: string, currentSessionId: string | null): Promise<SessionViewDto[]> {
    const rows: {
      id: string;
      created_at: Date;
      last_used_at: Date;
      ip: string | null;
      user_agent: string | null;
    }[] = await this.tx.manager.query(
      `SELECT t.family_id AS id, min(t.created_at) AS created_at, max(t.created_at) AS last_used_at,
              (array_agg(t.created_ip ORDER BY t.created_at DESC))[1] AS ip,
              (array_agg(t.user_agent ORDER BY t.created_at DESC))[1] AS user_agent
       FROM refresh_token t
       WHERE t.user_id = $1 AND t.family_id IN (
         SELECT family_id FROM refresh_token WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now())
       GROUP BY t.family_id
       ORDER BY last_used_at DESC, id
       LIMIT ${MAX_LISTED}`,
      [userId],
    );
    return rows.map((r) => ({
      id: r.id,
      createdAt: new Date(r.created_at).toISOString(),
      lastUsedAt: new Date(r.last_used_at).toISOString(),
      ip: r.ip,
      userAgent: r.user_agent,
      current: r.id === currentSessionId,
    }));
  }

  /** The user ends one of their own sessions (another device, or this one). Someone else's answers 404. */
  async revoke(user: AuthUser, sessionId: string): Promise<void> {
    await this.tx.run(async () => {
      const ended = await this.endFamilies(`user_id = $1 AND family_id = $2`, [user.userId, sessionId]);
      if (ended.length === 0) throw new NotFoundError('登录会话');
      await this.audit.record({
        actor: actorOf(user),
        action: 'auth.session-revoke',
        entityType: 'user',
        entityId: user.userId,
        data: { sessionId },
      });
    });
  }

  /** Ends one session (logout, a reused refresh token). */
  async revokeFamily(familyId: string): Promise<void> {
    await this.endFamilies(`family_id = $1`, [familyId]);
    // Also when no refresh token was left to revoke: an access token of the family may still live.
    await this.revocations.revoke(familyId);
  }

  /** Ends every session of a user, except `keep` (the caller's own) when given; returns how many ended. */
  async revokeAllOf(userId: string, keep: string | null = null): Promise<number> {
    const ended = keep
      ? await this.endFamilies(`user_id = $1 AND family_id <> $2`, [userId, keep])
      : await this.endFamilies(`user_id = $1`, [userId]);
    return ended.length;
  }

  /** Revokes the still-valid refresh tokens matching `where`, marks their sessions revoked, returns them. */
  private async endFamilies(where: string, params: unknown[]): Promise<string[]> {
    const rows = await updateReturning<{ family_id: string }>(
      this.tx.manager,
      `UPDATE refresh_token SET revoked_at = now() WHERE ${where} AND revoked_at IS NULL RETURNING family_id`,
      params,
    );
    const families = [...new Set(rows.map((r) => r.family_id))];
    for (const f of families) await this.revocations.revoke(f);
    return families;
  }
}
