import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { isUUID } from 'class-validator';

export function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

/** A random secret to hand out once; only its hash is kept. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Compares a presented secret with a stored hash in constant time. */
export function secretMatches(hash: string | null, secret: string): boolean {
  if (!hash) return false;
  const a = Buffer.from(hash, 'hex');
  const b = Buffer.from(sha256(secret), 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Splits a `<row id>.<secret>` token as handed out (refresh tokens, password links); null when malformed. */
export function splitToken(token: string): { id: string; secret: string } | null {
  const [id, secret, extra] = token.split('.');
  if (!id || !secret || extra !== undefined || !isUUID(id)) return null;
  return { id, secret };
}
