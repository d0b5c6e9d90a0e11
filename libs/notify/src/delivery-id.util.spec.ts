import { deliveryId } from './delivery-id.util';
import { isLastAttempt } from './delivery-jobs';

describe('deliveryId', () => {
  const e = '7d1f6a0e-0c57-4a3b-9a53-0b1d3f1d2c11';
  const u = '3f0c2a7e-5b1d-4c8e-8d2a-6e4b9f0a1c22';

  it('is the same for the same (event, recipient, channel) and differs otherwise', () => {
    expect(deliveryId(e, u, 'email')).toBe(deliveryId(e, u, 'email'));
    expect(deliveryId(e, u, 'email')).not.toBe(deliveryId(e, u, 'inbox'));
    expect(deliveryId(e, u, 'email')).not.toBe(deliveryId(u, e, 'email'));
  });

  it('is a UUID (so it is a valid primary key and a BullMQ job id without colons)', () => {
    expect(deliveryId(e, u, 'webhook')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('knows the last attempt', () => {
    expect(isLastAttempt({ attemptsMade: 0, opts: { attempts: 3 } })).toBe(false);
    expect(isLastAttempt({ attemptsMade: 2, opts: { attempts: 3 } })).toBe(true);
    expect(isLastAttempt({ attemptsMade: 0, opts: {} })).toBe(true);
  });
});
