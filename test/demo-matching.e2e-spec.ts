import { DataSource } from 'typeorm';
import { AdoptionsService, NeedsService, ResultsService } from '@app/catalog';
import { DEMO_BUREAU, DEMO_ENTERPRISES, DEMO_PASSWORD, DEMO_RESEARCH, DemoSeeder, type DemoSummary } from '@app/catalog/demo';
import { QueueRegistry } from '@app/core';
import { ProvisioningService } from '@app/identity';
import { startWorker, type RunningWorker } from '../apps/worker/src/bootstrap';
import { readVerdicts, settle } from '../scripts/demo-matches';
import { startSmtpPeer } from './notify-support';
import { TestApp } from './support/test-app';

interface MatchItem {
  score: number;
  counterpart: { title: string } | null;
}
interface DemoNeedMatches {
  id: string;
  title: string;
  organizationId: string;
  matches: MatchItem[];
}

/** The product's default MATCH_NOTIFY_THRESHOLD (libs/core/src/config/app-config.ts); scripts/demo.sh keeps it. */
const DEFAULT_NOTIFY_THRESHOLD = 50;

/**
 * The demo city as `bash scripts/demo.sh` builds it, on a private schema and prefixes: the seeder
 * writes the three lists, then the real worker relays the outbox, indexes, matches and notifies.
 * Nothing here scores or pairs anything: the matches are the product's.
 */
describe('the demo shows matching (e2e: demo seeder, real worker, default notification threshold)', () => {
  let t: TestApp;
  let worker: RunningWorker | null = null;
  let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;
  let summary: DemoSummary;
  const needs: DemoNeedMatches[] = [];

  const login = async (email: string, password: string): Promise<string> => {
    const res = await t.request('POST', '/api/auth/login', { body: { email, password } });
    if (res.status !== 200) throw new Error(`login ${email}: ${JSON.stringify(res.body)}`);
    return res.body.accessToken;
  };

  beforeAll(async () => {
    smtp = await startSmtpPeer();
    // No MATCH_NOTIFY_THRESHOLD override: the default must do.
    t = await TestApp.start({ SMTP_URL: smtp.url });
    const seeder = new DemoSeeder(t.get(ProvisioningService), t.get(NeedsService), t.get(ResultsService), t.get(AdoptionsService));
    summary = await seeder.run();
    // As in scripts/demo.sh, the worker starts once the seed is written.
    worker = await startWorker(t.env.config, { relayIntervalMs: 50 });
    await settle(t.get(DataSource), worker.app.get(QueueRegistry), 300_000);

    const bureau = await login(DEMO_BUREAU.email, DEMO_BUREAU.password);
    const list = await t.request('GET', '/api/needs?pageSize=100');
    expect(list.status).toBe(200);
    for (const n of list.body.items as { id: string; title: string; organizationId: string }[]) {
      const res = await t.request('GET', `/api/needs/${n.id}/matches?pageSize=100`, { token: bureau });
      expect(res.status).toBe(200);
      needs.push({ id: n.id, title: n.title, organizationId: n.organizationId, matches: res.body.items });
    }
  }, 420_000);

  afterAll(async () => {
    await worker?.stop();
    await t?.stop();
    await smtp?.stop();
  });

  it('publishes the demo lists', () => {
    expect(t.env.config.matchNotifyThreshold).toBe(DEFAULT_NOTIFY_THRESHOLD);
    expect(summary.needs.published).toBeGreaterThanOrEqual(45);
    expect(needs).toHaveLength(summary.needs.published);
    expect(summary.results.published).toBeGreaterThanOrEqual(200);
  });

  it('gives every published need at least three matches that were read and kept for it', () => {
    // Kept when the demo was chosen: scripts/demo-results-selection.json (read, one need at a time).
    const verdicts = readVerdicts();
    const short = needs
      .map((n) => {
        const kept = verdicts.get(n.title);
        const read = n.matches.filter((m) => m.counterpart && kept?.has(m.counterpart.title)).length;
        return { need: n.title, matches: n.matches.length, read };
      })
      .filter((x) => x.matches < 3 || x.read < 3);
    expect(short).toEqual([]);
  });

  it('scores the best match of every published need at or above the default notification threshold', () => {
    const below = needs.map((n) => ({ need: n.title, best: n.matches[0]?.score ?? 0 })).filter((x) => x.best < DEFAULT_NOTIFY_THRESHOLD);
    expect(below).toEqual([]);
    for (const n of needs) {
      const scores = n.matches.map((m) => m.score);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    }
  });

  it('tells every enterprise with a published need, and every university and institute, of matches', async () => {
    const rows: { id: string; name: string }[] = await t.get(DataSource).query(`SELECT id, name FROM organization`);
    const idOf = new Map(rows.map((r) => [r.name, r.id]));
    const owners = new Set(needs.map((n) => n.organizationId));
    const organizations = [...DEMO_ENTERPRISES.filter((e) => owners.has(idOf.get(e.name) ?? '')), ...DEMO_RESEARCH];
    expect(organizations.length).toBe(DEMO_ENTERPRISES.length + DEMO_RESEARCH.length);
    const silent: string[] = [];
    for (const org of organizations) {
      const token = await login(`${org.key}@demo.jingmen.local`, DEMO_PASSWORD);
      const inbox = await t.request('GET', '/api/notifications?pageSize=100', { token });
      expect(inbox.status).toBe(200);
      if (!(inbox.body.items as { eventType: string }[]).some((x) => x.eventType === 'match.created')) silent.push(org.name);
    }
    expect(silent).toEqual([]);
  });
});
