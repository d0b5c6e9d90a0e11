import { createHash } from 'node:crypto';

export type Channel = 'inbox' | 'email' | 'webhook';

/**
 * The id of one delivery, derived from (event, recipient, channel): a retry, a re-relayed
 * event or a second worker computes the same id, so the unique key and the BullMQ job id
 * turn a repeat into a no-op. Formatted as a name-based UUID (version 5 layout, SHA-256).
 */
export function deliveryId(eventId: string, recipientId: string, channel: Channel | string): string {
  const h = createHash('sha256').update(`${eventId}|${recipientId}|${channel}`).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
