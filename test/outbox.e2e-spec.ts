import { DataSource } from 'typeorm';
import { JobHandlerRegistry, OutboxRelay, OutboxService, QueueName, QueueRegistry, TransactionHost } from '@app/core';
import { TestApp } from './support/test-app';

describe('outbox relay (e2e, real PostgreSQL and Redis)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
    t.get(JobHandlerRegistry).subscribe(QueueName.Reminder, 'organization.rejected', async () => undefined);
  });
  afterAll(async () => t.stop());

  it('relays committed events once, with the event id as job id', async () => {
    const tx = t.get(TransactionHost);
    const id = await tx.run(() =>
      t.get(OutboxService).emit('organization.rejected', { organizationId: 'o', actorUserId: null, reason: 'r' }),
    );
    const relay = t.get(OutboxRelay);
    expect(await relay.relayOnce()).toBe(1);
    expect(await relay.relayOnce()).toBe(0);
    const job = await t.get(QueueRegistry).get(QueueName.Reminder).getJob(id);
    expect(job?.name).toBe('organization.rejected');
    expect(job?.data).toEqual(expect.objectContaining({ eventId: id, payload: { organizationId: 'o', actorUserId: null, reason: 'r' } }));
    const [row] = await t.get(DataSource).query(`SELECT relayed_at FROM outbox_event WHERE id = $1`, [id]);
    expect(row.relayed_at).not.toBeNull();
  });

  it('writes nothing when the business transaction rolls back', async () => {
    const tx = t.get(TransactionHost);
    await expect(
      tx.run(async () => {
        await t.get(OutboxService).emit('organization.rejected', { organizationId: 'rolled-back', actorUserId: null, reason: 'r' });
        throw new Error('business failure');
      }),
    ).rejects.toThrow('business failure');
    const rows = await t.get(DataSource).query(`SELECT 1 FROM outbox_event WHERE payload->>'organizationId' = 'rolled-back'`);
    expect(rows).toHaveLength(0);
  });

  it('refuses an event written outside a transaction', async () => {
    await expect(t.get(OutboxService).emit('organization.verified', { organizationId: 'x', actorUserId: null })).rejects.toThrow(
      /inside a transaction/,
    );
  });
});
