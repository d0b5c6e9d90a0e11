import { JobHandlerRegistry } from './job-handler.registry';
import { QueueName } from './queue-names';

describe('JobHandlerRegistry', () => {
  const noop = async (): Promise<void> => undefined;

  it('refuses a second handler for one job name', () => {
    const r = new JobHandlerRegistry();
    r.handle(QueueName.Notify, 'x', noop);
    expect(() => r.handle(QueueName.Notify, 'x', noop)).toThrow(/two handlers/);
    expect(() => r.handle(QueueName.Email, 'x', noop)).not.toThrow();
  });

  it('routes an event to every subscribed queue', () => {
    const r = new JobHandlerRegistry();
    r.subscribe(QueueName.Notify, 'need.approved', noop);
    r.subscribe(QueueName.SearchIndex, 'need.approved', noop);
    expect(r.queuesFor('need.approved').sort()).toEqual([QueueName.Notify, QueueName.SearchIndex].sort());
    expect(r.queuesFor('other')).toEqual([]);
  });

  it('names jobs that have no handler', () => {
    const r = new JobHandlerRegistry();
    expect(() => r.assertHandled([{ queue: QueueName.Reminder, jobName: 'due' }])).toThrow(/reminder\/due/);
  });
});
