import { createHmac } from 'node:crypto';
import { newWebhookSecret, signWebhook, verifyWebhook } from './webhook-signature.util';

describe('webhook signatures', () => {
  const secret = newWebhookSecret();
  const body = JSON.stringify({ id: 'd1', title: '技术需求已通过审核' });
  const now = 1_795_000_000_000;
  const ts = Math.floor(now / 1000);

  it('is HMAC-SHA256 over "timestamp.body" in hex', () => {
    expect(signWebhook(secret, ts, body)).toBe(`v1=${createHmac('sha256', secret).update(`${ts}.${body}`).digest('hex')}`);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{32}$/);
  });

  it('verifies, and refuses another body, another secret or an old timestamp', () => {
    const sig = signWebhook(secret, ts, body);
    expect(verifyWebhook(secret, String(ts), body, sig, 300, now)).toBe(true);
    expect(verifyWebhook(secret, String(ts), body + ' ', sig, 300, now)).toBe(false);
    expect(verifyWebhook(newWebhookSecret(), String(ts), body, sig, 300, now)).toBe(false);
    expect(verifyWebhook(secret, String(ts), body, sig, 300, now + 301_000)).toBe(false);
    expect(verifyWebhook(secret, 'abc', body, sig, 300, now)).toBe(false);
  });
});
