import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-tt-signature';
export const TIMESTAMP_HEADER = 'x-tt-timestamp';
export const DELIVERY_HEADER = 'x-tt-delivery';
export const EVENT_HEADER = 'x-tt-event';

/** A new endpoint secret, shown to its owner once. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64url')}`;
}

/** `v1=` + hex HMAC-SHA256 over `${timestamp}.${body}` with the endpoint's secret. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * What a receiver does: recompute the signature and compare in constant time, refusing a
 * timestamp older than `toleranceSeconds` (replay protection).
 */
export function verifyWebhook(
  secret: string,
  timestamp: string | number,
  body: string,
  signature: string,
  toleranceSeconds = 300,
  now = Date.now(),
): boolean {
  const ts = Number(timestamp);
  if (!Number.isInteger(ts) || Math.abs(now / 1000 - ts) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, ts, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
