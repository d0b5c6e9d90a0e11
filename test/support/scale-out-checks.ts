import { QUEUE_SETTINGS, QueueName, QueueRegistry } from '@app/core';
import { audienceOf, deliveryId, IMPORT_SUMMARY_EVENT_TYPES, NOTIFY_EVENT_TYPES, NotifyEventType } from '@app/notify';
import type { ReceivedMail } from '../notify-support';
import type { ApiClient, ProductProcess } from './processes';
import { sleep, waitFor } from './wait';

/**
 * The checks of the scale-out test (test/scale-out.e2e-spec.ts), once the work has settled: who was
 * told what and how often, and whether two api processes give the same answers.
 */
export interface Person {
  key: string;
  userId: string;
  organizationId: string;
  email: string;
  token: string;
}

export interface ScaleOutWorld {
  sql<T = any>(text: string, params?: unknown[]): Promise<T[]>;
  queues: QueueRegistry;
  apis: ApiClient[];
  mails: ReceivedMail[];
  /** The bureau's one admin, and each organization's one admin. */
  bureau: Person;
  orgs: Person[];
  /** Who owns each posted need and result. */
  needs: Map<string, Person>;
  results: Map<string, Person>;
}

export interface OutboxRow {
  id: string;
  type: string;
  payload: Record<string, unknown>;
}

const NOTIFIED = new Set<string>([...NOTIFY_EVENT_TYPES, ...IMPORT_SUMMARY_EVENT_TYPES]);

/** Active jobs per queue at this moment (of every worker). */
export async function activeJobs(w: ScaleOutWorld): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const name of Object.values(QueueName)) out[name] = (await w.queues.get(name).getJobCounts('active')).active;
  return out;
}

/** Nothing pending anywhere: every event relayed and delivery settled, the imports summarized, no job waiting, running or due soon. */
export async function quiet(w: ScaleOutWorld): Promise<boolean> {
  const [{ pending }] = await w.sql(
    `SELECT (SELECT count(*) FROM outbox_event WHERE relayed_at IS NULL)
          + (SELECT count(*) FROM notification_delivery WHERE status IN ('pending','sending'))
          + (SELECT count(*) FROM import_progress WHERE summarized_at IS NULL) AS pending`,
  );
  if (Number(pending) > 0) return false;
  for (const name of Object.values(QueueName)) {
    const q = w.queues.get(name);
    const c = await q.getJobCounts('active', 'waiting', 'prioritized', 'waiting-children', 'failed');
    if (Object.values(c).some((n) => n > 0)) return false;
    // Delayed jobs may only be ones set for later (reminders in days, the digest's schedule), not retries.
    if ((await q.getDelayed()).some((j) => j.timestamp + (j.opts.delay ?? 0) < Date.now() + 60_000)) return false;
  }
  return true;
}

/** Waits until quiet twice in a row, a moment apart (a job that just finished may be about to add the next). */
export async function settled(w: ScaleOutWorld, timeoutMs = 150_000): Promise<void> {
  await waitFor(
    async () => (await quiet(w)) && (await sleep(300)) === undefined && (await quiet(w)),
    timeoutMs,
    'every job done and every event relayed',
    500,
  );
}

/** What was left undone, and what each process said last (for a failed run). */
export async function printState(w: ScaleOutWorld, processes: ProductProcess[]): Promise<void> {
  const [tables] = await w
    .sql(
      `SELECT (SELECT count(*)::int FROM outbox_event WHERE relayed_at IS NULL) AS unrelayed,
              (SELECT json_object_agg(status, n) FROM (SELECT status, count(*)::int AS n FROM notification_delivery GROUP BY 1) d) AS deliveries,
              (SELECT count(*)::int FROM match) AS matches,
              (SELECT json_object_agg(index_type, doc_count) FROM search_stats) AS stats,
              (SELECT json_object_agg(index_type, n) FROM (SELECT index_type, sum(doc_count)::int AS n FROM search_stats_delta GROUP BY 1) d) AS stats_changes,
              (SELECT count(*)::int FROM search_sync_pending) AS sync_pending`,
    )
    .catch((err: Error) => [{ error: err.message }]);
  const queues: Record<string, unknown> = {};
  for (const name of Object.values(QueueName))
    queues[name] = await w.queues
      .get(name)
      .getJobCounts('active', 'waiting', 'prioritized', 'delayed', 'failed', 'completed')
      .catch((err: Error) => err.message);
  process.stdout.write(`scale-out state: ${JSON.stringify({ tables, queues })}\n`);
  for (const p of processes) {
    const how = p.running() ? 'running' : `exited: ${p.child.exitCode ?? p.child.signalCode}`;
    process.stdout.write(`--- ${p.name} (${how}):\n${p.output().slice(-3000)}\n`);
  }
}

/**
 * Every notified event reached each of its addressees once: one inbox entry, one e-mail (at most
 * one for a delivery a killed worker was sending: never sent again), the e-mail to the right
 * address; the verification links mailed once each; no other message. Returns the outbox.
 */
export async function expectEveryoneToldOnce(w: ScaleOutWorld): Promise<OutboxRow[]> {
  // One person per organization here: its admin.
  const adminOf = new Map([w.bureau, ...w.orgs].map((p) => [p.organizationId, p.userId]));
  const events = await w.sql<OutboxRow>(`SELECT id, type, payload FROM outbox_event`);
  const expected = new Map<string, { type: string; userId: string }>();
  for (const e of events.filter((x) => NOTIFIED.has(x.type))) {
    const audience = audienceOf(e.type as NotifyEventType, e.payload);
    const userIds =
      'bureau' in audience
        ? [w.bureau.userId]
        : 'userIds' in audience
          ? audience.userIds
          : audience.organizationIds.map((id) => adminOf.get(id)!);
    for (const userId of userIds) expected.set(`${e.id}|${userId}`, { type: e.type, userId });
  }
  const keys = [...expected.keys()].sort();

  const inbox = await w.sql<{ event_id: string; user_id: string }>(`SELECT event_id, user_id FROM notification`);
  expect(inbox.map((n) => `${n.event_id}|${n.user_id}`).sort()).toEqual(keys);

  // What reached the SMTP peer, by the delivery (or link event) each message names in its header.
  const received = new Map<string, string[]>();
  for (const m of w.mails) {
    const key = /^X-TT-Delivery: *(\S+)/im.exec(m.raw)?.[1] ?? 'none';
    received.set(key, [...(received.get(key) ?? []), ...m.to]);
  }
  const deliveries = await w.sql<{ id: string; event_id: string; recipient_id: string; status: string; address: string }>(
    `SELECT id, event_id, recipient_id, status, address FROM notification_delivery WHERE channel = 'email'`,
  );
  expect(deliveries.map((d) => `${d.event_id}|${d.recipient_id}`).sort()).toEqual(keys);
  expect(deliveries.filter((d) => d.status !== 'sent' && d.status !== 'unknown')).toEqual([]);
  const unknown = deliveries.filter((d) => d.status === 'unknown');
  expect(unknown.length).toBeLessThanOrEqual(QUEUE_SETTINGS[QueueName.Email].concurrency);
  for (const d of deliveries) {
    expect(d.id).toBe(deliveryId(d.event_id, d.recipient_id, 'email'));
    const to = received.get(d.id) ?? [];
    if (d.status === 'sent') expect({ delivery: d.id, to }).toEqual({ delivery: d.id, to: [d.address] });
    else expect(to.length).toBeLessThanOrEqual(1);
  }
  const links = events.filter((e) => e.type === 'account.link-issued').map((e) => e.id);
  for (const id of links) expect({ link: id, mails: received.get(id)?.length }).toEqual({ link: id, mails: 1 });
  const known = new Set([...deliveries.map((d) => d.id), ...links]);
  expect([...received.keys()].filter((k) => !known.has(k))).toEqual([]);

  const perPerson: Record<string, Record<string, number>> = {};
  for (const x of expected.values()) {
    const who = [w.bureau, ...w.orgs].find((p) => p.userId === x.userId)!.key;
    perPerson[who] = { ...perPerson[who], [x.type]: (perPerson[who]?.[x.type] ?? 0) + 1 };
  }
  process.stdout.write(
    `scale-out: ${expected.size} inbox entries and e-mail deliveries (${unknown.length} in flight at the kill), ` +
      `${w.mails.length} e-mails received; per person: ${JSON.stringify(perPerson)}\n`,
  );
  return events;
}

/**
 * Each match told at most once (an event per pair, none twice), and every active match at or above
 * the threshold told, by its own event or in an import's summary.
 */
export async function expectEachMatchToldOnce(w: ScaleOutWorld, events: OutboxRow[], threshold: number): Promise<number> {
  const pairs = events.filter((e) => e.type === 'match.created').map((e) => `${e.payload.needId}|${e.payload.resultId}`);
  expect(new Set(pairs).size).toBe(pairs.length);
  expect(await w.sql(`SELECT need_id, result_id FROM match GROUP BY 1, 2 HAVING count(*) > 1`)).toEqual([]);
  const untold = await w.sql(
    `SELECT m.id FROM match m WHERE m.status = 'active' AND m.score >= $1 AND (m.notified_at IS NULL OR
       (NOT EXISTS (SELECT 1 FROM outbox_event e WHERE e.type = 'match.created' AND e.payload->>'matchId' = m.id::text)
        AND NOT EXISTS (SELECT 1 FROM import_match i WHERE i.item_id IN (m.need_id, m.result_id) AND i.counterpart_id IN (m.need_id, m.result_id))))`,
    [threshold],
  );
  expect(untold).toEqual([]);
  return pairs.length;
}

/**
 * Every published item is searchable through each api, and both apis give the same answers:
 * searches, public lists, each item's matches, each person's inbox and engagements.
 */
export async function expectBothApisAlike(w: ScaleOutWorld): Promise<void> {
  const published = (table: 'need' | 'result') =>
    w.sql<{ id: string; title: string }>(`SELECT id, title FROM ${table} WHERE status = 'published' ORDER BY id`);
  const same = async (path: string, token?: string) => {
    const [a, b] = await Promise.all(w.apis.map((api) => api.request('GET', path, { token })));
    expect({ path, status: a.status }).toEqual({ path, status: 200 });
    expect({ path, body: b.body }).toEqual({ path, body: a.body });
    return a.body;
  };
  for (const type of ['need', 'result'] as const) {
    const items = await published(type);
    const all = await same(`/api/search?type=${type}&pageSize=50&facets=field,region`);
    expect(all.items.map((i: { id: string }) => i.id).sort()).toEqual(items.map((i) => i.id));
    for (const { id, title } of items) {
      const hits = await same(`/api/search?type=${type}&q=${encodeURIComponent(title)}`);
      expect({ title, found: hits.items.some((i: { id: string }) => i.id === id) }).toEqual({ title, found: true });
    }
    for (const q of ['磷石膏', '锂离子电池', '植保无人机', '石膏砌块'])
      await same(`/api/search?type=${type}&q=${encodeURIComponent(q)}&facets=field`);
  }
  await same('/api/needs?pageSize=50');
  await same('/api/results?pageSize=50');
  for (const [id, owner] of w.needs) await same(`/api/needs/${id}/matches?pageSize=50`, owner.token);
  for (const [id, owner] of w.results) await same(`/api/results/${id}/matches?pageSize=50`, owner.token);
  for (const p of [w.bureau, ...w.orgs]) await same('/api/notifications?pageSize=100', p.token);
  for (const p of w.orgs) await same('/api/engagements', p.token);
}
