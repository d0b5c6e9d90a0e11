import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CoreModule, QueueRegistry } from '@app/core';
import { IdentityModule, ProvisioningService } from '@app/identity';
import { csvOf, multipart } from './catalog-sheets';
import { needBody } from './catalog-fixtures';
import { NEED_GYPSUM, RESULT_FIXTURES } from './fixtures/matching-fixtures';
import { startSmtpPeer } from './notify-support';
import { ApiClient, ProductProcess, startProduct, stopAll, worldEnv } from './support/processes';
import {
  activeJobs,
  expectBothApisAlike,
  expectEachMatchToldOnce,
  expectEveryoneToldOnce,
  Person,
  printState,
  ScaleOutWorld,
  settled,
} from './support/scale-out-checks';
import { randomCreditCode } from './support/test-app';
import { createTestEnv, TestEnv } from './support/test-env';
import { freePort, waitFor } from './support/wait';

/**
 * Scale-out on one machine: two api processes and two workers over one PostgreSQL schema, one
 * Meilisearch index prefix and one queue prefix. Organizations register, post, are approved and
 * imported, and engage, through both apis at once; one worker is SIGKILLed half-way. Then nothing
 * is lost, nothing is told twice, and both apis answer alike.
 */
const PASSWORD = 'Scale-out-1';
const THRESHOLD = 30;

interface Org extends Person {
  kind: 'enterprise' | 'university';
  name: string;
  /** The api it registered and posts on, and the other one (where it verifies, submits, logs in). */
  api: ApiClient;
  other: ApiClient;
}

/** A result of the matching fixtures, as a posting (with its contact) or an import row. */
interface ResultFields extends Record<string, unknown> {
  title: string;
  summary: string;
  keywords: string[];
  field: string;
  trl: number;
  cooperationModes: string[];
  region: string;
}
const fixture = (key: string, over: Partial<ResultFields> = {}): ResultFields => {
  const { key: _key, ...r } = RESULT_FIXTURES.find((f) => f.key === key)!;
  const fields = { ...r, keywords: [...r.keywords], cooperationModes: [...r.cooperationModes] };
  return { ...fields, contactName: '王老师', contactPhone: '027-87654321', ...over };
};
const IMPORT_HEADER = [
  '成果名称',
  '成果简介',
  '关键词',
  '产业领域',
  '技术成熟度',
  '合作方式',
  '转让价格（元）',
  '所在地区',
  '联系人',
  '联系电话',
  '成果单位',
  '状态',
];
const importRow = (r: ResultFields, owner: string): string[] => [
  ...[r.title, r.summary, r.keywords.join('；'), r.field, String(r.trl), r.cooperationModes.join('；'), '面议', r.region],
  ...['王老师', '027-87654321', owner, ''],
];

describe('two apis and two workers over one set of services (e2e, four processes)', () => {
  let env: TestEnv;
  let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;
  let ctx: INestApplicationContext | undefined;
  let world: ScaleOutWorld;
  const processes: ProductProcess[] = [];
  const apis: ApiClient[] = [];
  const orgs: Org[] = [];
  const started = Date.now();
  const timings: Record<string, number> = {};
  const mark = (phase: string) => (timings[phase] = Math.round((Date.now() - started) / 100) / 10);
  let passed = false;

  const ok = async <T = any>(reply: Promise<{ status: number; body: T }>, status = 200): Promise<T> => {
    const r = await reply;
    if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${JSON.stringify(r.body)}`);
    return r.body;
  };

  beforeAll(async () => {
    smtp = await startSmtpPeer();
    const shared = {
      // Both apis sign and check the same tokens: a session opened on one is good on the other.
      JWT_SECRET: randomBytes(32).toString('hex'),
      SMTP_URL: smtp.url,
      PUBLIC_BASE_URL: 'https://kjcg.example.cn',
      MATCH_NOTIFY_THRESHOLD: String(THRESHOLD),
      NOTIFY_BACKOFF_MS: '200',
      // worker-2's jobs come back after 5 s rather than BullMQ's 30 s lock plus 30 s stalled check.
      QUEUE_LOCK_MS: '5000',
    };
    env = await createTestEnv(shared);
    for (const i of [1, 2]) {
      const port = await freePort();
      processes.push(startProduct('api', worldEnv(env.config, { ...shared, PORT: String(port) }), { name: `api-${i}` }));
      apis.push(new ApiClient(`api-${i}`, `http://127.0.0.1:${port}`));
    }
    for (const i of [1, 2]) processes.push(startProduct('worker', worldEnv(env.config, shared), { name: `worker-${i}` }));
    // The bureau's account is provisioned here (it cannot register itself) while the processes start.
    const app = await NestFactory.createApplicationContext(
      { module: class ScaleOutTestContext {}, imports: [CoreModule.forRoot(env.config), IdentityModule] },
      { logger: false },
    );
    ctx = app;
    const email = `kjj-${env.runId}@example.cn`;
    const made = await app.get(ProvisioningService).createVerifiedOrganization({
      name: '荆门市科学技术局',
      kind: 'bureau',
      region: '荆门市',
      users: [{ email, password: PASSWORD, name: '科技局管理员' }],
    });
    const ds = app.get(DataSource);
    world = {
      sql: (text, params = []) => ds.query(text, params),
      queues: app.get(QueueRegistry),
      apis,
      mails: smtp.mails,
      bureau: { key: 'bureau', userId: made.users[0].id, organizationId: made.organization.id, email, token: '' },
      orgs,
      needs: new Map(),
      results: new Map(),
    };
    await Promise.all(processes.map((p) => p.ready));
    mark('processes ready');
    world.bureau.token = (await ok(apis[0].request('POST', '/api/auth/login', { body: { email, password: PASSWORD } }))).accessToken;
  }, 420_000);

  afterAll(async () => {
    if (!passed && world) await printState(world, processes);
    await stopAll(processes, 5_000);
    for (const a of apis) a.close();
    await ctx?.close();
    await env?.cleanup();
    await smtp?.stop();
    process.stdout.write(`scale-out timings (s since start): ${JSON.stringify(timings)}\n`);
  });

  it('registers, posts, approves, imports and engages through both apis, a worker killed: nothing lost or told twice', async () => {
    const bureau = world.bureau;
    const [worker1, worker2] = processes.slice(2);

    // 1. Four organizations register, each on one api; the address verified, the session opened and the bureau's verification on the other.
    const plan: Pick<Org, 'key' | 'kind' | 'name'>[] = [
      { key: 'e1', kind: 'enterprise', name: '荆门磷都化工有限公司' },
      { key: 'u1', kind: 'university', name: '荆楚理工学院' },
      { key: 'e2', kind: 'enterprise', name: '荆州锂能科技有限公司' },
      { key: 'u2', kind: 'university', name: '长江大学' },
    ];
    await Promise.all(
      plan.map(async (p, i) => {
        const [api, other] = [apis[i % 2], apis[(i + 1) % 2]];
        const email = `${p.key}-${env.runId}@example.com`;
        const creditCode = p.kind === 'enterprise' ? { creditCode: randomCreditCode() } : {};
        const body = {
          organizationName: p.name,
          kind: p.kind,
          ...creditCode,
          region: '荆门市',
          name: `${p.name}联系人`,
          email,
          password: PASSWORD,
        };
        await ok(api.request('POST', '/api/auth/register', { body }), 201);
        const mail = await waitForMail(email);
        const token = /\/email\/verify#token=([A-Za-z0-9._-]+)/.exec(mail.text)?.[1];
        await ok(other.request('POST', '/api/auth/email/verify', { body: { token } }));
        const session = await ok(other.request('POST', '/api/auth/login', { body: { email, password: PASSWORD } }));
        const me = await ok(api.request('GET', '/api/me', { token: session.accessToken }));
        await ok(other.request('POST', `/api/organizations/${me.organization.id}/verify`, { token: bureau.token }));
        orgs.push({ ...p, email, api, other, token: session.accessToken, organizationId: me.organization.id, userId: me.user.id });
      }),
    );
    const org = (key: string) => orgs.find((o) => o.key === key)!;
    mark('organizations verified');

    // 2. Needs and results created on one api, submitted on the other, approved on either, all at once.
    const postings: [string, Org, 'needs' | 'results', Record<string, unknown>][] = [
      ['gypsum-need', org('e1'), 'needs', NEED_GYPSUM],
      ['gypsum-need-2', org('e1'), 'needs', needBody()],
      [
        'battery-need',
        org('e2'),
        'needs',
        needBody({
          title: '动力电池高镍正极材料循环寿命提升',
          description:
            '我公司生产动力和储能锂离子电池，高镍三元正极材料在高电压下循环衰减快，希望合作开发表面包覆改性工艺，循环 1000 次容量保持率达到 90% 以上。',
          keywords: ['锂离子电池', '正极材料', '包覆改性'],
          field: '动力储能电池',
        }),
      ],
      [
        'drone-need',
        org('e2'),
        'needs',
        needBody({
          title: '水稻植保无人机精准施药',
          description: '合作社种植水稻两万亩，希望引进植保无人机变量喷施技术，按作物长势精准施药，减少农药用量。',
          keywords: ['植保无人机', '精准施药'],
          field: '现代农业',
        }),
      ],
      ['gypsum', org('u1'), 'results', fixture('gypsum')],
      ['wastewater', org('u1'), 'results', fixture('wastewater')],
      ['battery', org('u2'), 'results', fixture('battery')],
      ['drone', org('u2'), 'results', fixture('drone')],
    ];
    const posted: Record<string, string> = {};
    await Promise.all(
      postings.map(async ([key, owner, kind, body], i) => {
        const { id } = await ok(owner.api.request('POST', `/api/${kind}`, { token: owner.token, body }), 201);
        await ok(owner.other.request('POST', `/api/${kind}/${id}/submit`, { token: owner.token }));
        await ok(apis[i % 2].request('POST', `/api/${kind}/${id}/approve`, { token: bureau.token }));
        (kind === 'needs' ? world.needs : world.results).set(id, owner);
        posted[key] = id;
      }),
    );
    mark('postings approved');

    // 3. The bureau imports results of both universities; worker-2 is killed while all of that is in flight.
    const gypsumTwo = fixture('gypsum', {
      title: '磷石膏除杂预处理及石膏砌块生产技术',
      summary: '磷石膏经水洗、浮选除去可溶磷和氟，再经煅烧制成建筑石膏粉，用于生产石膏砌块和抹灰石膏，年处理 30 万吨生产线已运行。',
    });
    const rows = [
      importRow(fixture('textile'), org('u1').name),
      importRow(fixture('medicine'), org('u2').name),
      importRow(gypsumTwo, org('u2').name),
    ];
    const upload = multipart('results.csv', csvOf([IMPORT_HEADER, ...rows]), 'text/csv');
    const imported = await ok(apis[1].request('POST', '/api/results/import', { token: bureau.token, raw: upload }));
    const inFlight = await activeJobs(world);
    expect(await worker2.kill('SIGKILL')).toBeNull();
    mark('worker-2 killed');
    process.stdout.write(`scale-out: jobs active (both workers) when worker-2 was killed: ${JSON.stringify(inFlight)}\n`);

    // 4. Engagements (对接) from item pages, through both apis, with worker-1 alone.
    const receiver = (e: { receiverOrganizationId: string }) => orgs.find((o) => o.organizationId === e.receiverOrganizationId)!;
    const [toBattery, toDroneNeed] = await Promise.all([
      ok(apis[1].request('POST', '/api/engagements', { token: org('e2').token, body: { resultId: posted.battery, message: '询价' } }), 201),
      ok(
        apis[0].request('POST', '/api/engagements', {
          token: org('u1').token,
          body: { needId: posted['drone-need'], message: '我们有相关成果' },
        }),
        201,
      ),
    ]);
    const declined = { reason: '价格或预算不合适' };
    const answers = await Promise.all([
      ok(apis[0].request('POST', `/api/engagements/${toBattery.id}/decline`, { token: receiver(toBattery).token, body: declined })),
      ok(apis[1].request('POST', `/api/engagements/${toDroneNeed.id}/accept`, { token: receiver(toDroneNeed).token })),
    ]);
    expect(answers.map((a) => a.status)).toEqual(['declined', 'accepted']);
    mark('engagements answered');

    // 5. worker-1 finishes everything, including the jobs worker-2 held (BullMQ hands them over once their locks expire).
    await settled(world);
    mark('worker-1 took over');
    expect(worker1.running()).toBe(true);

    // 6. An engagement from a match the workers stored, asked on one api and accepted on the other.
    const matches = await ok(apis[1].request('GET', `/api/needs/${posted['gypsum-need']}/matches`, { token: org('e1').token }));
    expect(matches.items.length).toBeGreaterThan(0);
    const body = { matchId: matches.items[0].id, message: '希望了解中试条件' };
    const fromMatch = await ok(apis[0].request('POST', '/api/engagements', { token: org('e1').token, body }), 201);
    expect(
      (await ok(apis[1].request('POST', `/api/engagements/${fromMatch.id}/accept`, { token: receiver(fromMatch).token }))).status,
    ).toBe('accepted');
    await settled(world);
    mark('all work done');

    // Nothing lost on the way to the outbox: what the scenario did, each once; each row relayed once.
    const events = await expectEveryoneToldOnce(world);
    const count = (type: string) => events.filter((e) => e.type === type).length;
    const types = [
      'organization.submitted',
      'organization.verified',
      'need.submitted',
      'need.approved',
      'result.submitted',
      'result.approved',
    ];
    expect(Object.fromEntries([...types, 'account.link-issued', 'result.import-published'].map((t) => [t, count(t)]))).toEqual({
      ...Object.fromEntries(types.map((t) => [t, 4])),
      // The verification links; the import's one summary per owner.
      'account.link-issued': 4,
      'result.import-published': 2,
    });
    expect([count('engagement.requested'), count('engagement.accepted'), count('engagement.declined')]).toEqual([3, 2, 1]);
    expect(await world.sql(`SELECT type, attempts FROM outbox_event WHERE relayed_at IS NULL OR attempts <> 1`)).toEqual([]);
    expect(await expectEachMatchToldOnce(world, events, THRESHOLD)).toBeGreaterThanOrEqual(2);
    mark('notifications checked');

    // Every item published and searchable through both apis, which answer alike; the search statistics count each once.
    const [published] = await world.sql(
      `SELECT (SELECT count(*)::int FROM need WHERE status = 'published') AS needs,
              (SELECT count(*)::int FROM result WHERE status = 'published') AS results,
              (SELECT count(*)::int FROM result WHERE published_by_import_id = $1) AS imported`,
      [imported.importId],
    );
    expect(published).toEqual({ needs: 4, results: 7, imported: 3 });
    await expectBothApisAlike(world);
    // The snapshot's count plus the changes saved since it.
    const stats = await world.sql(
      `SELECT s.index_type, (s.doc_count + coalesce((SELECT sum(d.doc_count) FROM search_stats_delta d
                                                       WHERE d.index_type = s.index_type AND d.id > s.through_delta_id), 0))::int AS doc_count
         FROM search_stats s ORDER BY s.index_type`,
    );
    expect(stats).toEqual([
      { index_type: 'need', doc_count: published.needs },
      { index_type: 'result', doc_count: published.results },
    ]);
    mark('apis compared');
    passed = true;
  }, 400_000);

  const waitForMail = async (to: string) =>
    (await waitFor(async () => smtp.mails.find((m) => m.to.includes(to)), 60_000, `the e-mail to ${to}`))!;
});
