import { startWorker, RunningWorker } from '../apps/worker/src/bootstrap';
import { count, resultBody } from './catalog-fixtures';
import { waitFor } from './notify-support';
import { OrgSession, TestApp } from './support/test-app';

/**
 * An organization the bureau renames: its published items' search documents are re-indexed with
 * the new name (`organization.updated` → IndexSyncHandler), and a change that is not its name,
 * credit code or region writes no event.
 */
describe('an organization renamed (e2e, real PostgreSQL, Redis, Meilisearch and worker)', () => {
  let t: TestApp;
  let worker: RunningWorker;
  let bureau: OrgSession;
  let university: OrgSession;

  beforeAll(async () => {
    t = await TestApp.start();
    worker = await startWorker(t.env.config, { relayIntervalMs: 50 });
    bureau = await t.verifiedOrg('bureau', '荆门市科学技术局');
    university = await t.verifiedOrg('university', '荆楚理工学院');
  }, 60_000);
  afterAll(async () => {
    await worker.stop();
    await t.stop();
  });

  const title = '高性能磷酸铁锂正极材料低成本制备技术';
  const searched = async (id: string): Promise<string | null | undefined> => {
    const res = await t.request('GET', `/api/search?type=result&q=${encodeURIComponent(title)}`);
    return res.status === 200 ? res.body.items.find((i: { id: string }) => i.id === id)?.organizationName : undefined;
  };
  const updatedEvents = () =>
    count(t, `outbox_event WHERE type = 'organization.updated' AND payload->>'organizationId' = $1`, [university.organizationId]);

  it('re-indexes its published items with the new name, and writes no event for other changes', async () => {
    const created = await t.request('POST', '/api/results', { token: university.token, body: resultBody({ title }) });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect((await t.request('POST', `/api/results/${id}/submit`, { token: university.token })).status).toBe(200);
    expect((await t.request('POST', `/api/results/${id}/approve`, { token: bureau.token })).status).toBe(200);
    await waitFor(async () => (await searched(id)) === '荆楚理工学院', 30_000, 'the result searchable');

    // Its own contact details: no event.
    const contact = await t.request('PATCH', `/api/organizations/${university.organizationId}`, {
      token: university.token,
      body: { contactPhone: '0724-2345678' },
    });
    expect(contact.status).toBe(200);
    expect(await updatedEvents()).toBe(0);

    const renamed = await t.request('PATCH', `/api/organizations/${university.organizationId}`, {
      token: bureau.token,
      body: { name: '荆楚理工大学' },
    });
    expect(renamed.status).toBe(200);
    expect(await updatedEvents()).toBe(1);
    await waitFor(async () => (await searched(id)) === '荆楚理工大学', 30_000, 'the new name in search');
  }, 90_000);
});
