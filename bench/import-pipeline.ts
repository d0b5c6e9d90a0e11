/**
 * The pipeline half of `npm run bench:import` (bench/import.bench.ts): a bulk import as people
 * meet it. The api runs in this process (uploads through its HTTP stack, Fastify inject), the real worker
 * (apps/worker/src/main.ts) as a child process, an SMTP catcher counts the e-mails. It imports
 * needs, then results (by default the 15,245 records of ../shared/data/results-corpus.jsonl, the
 * import of issue 15), and measures upload → in PostgreSQL → searchable (every document in
 * Meilisearch) → matched and summarized; while the import's matching runs, one need is approved
 * on its own, and its way to searchable and matched is timed (the import must not hold it up).
 * With `until: 'searchable'` it stops once the results are searchable (for imports too large to
 * wait for their matching).
 */
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { INDUSTRY_FIELDS } from '@app/catalog';
import { ProvisioningService } from '@app/identity';
import { MeiliService } from '@app/matching';
import { createMailCatcher } from '../scripts/mail-catcher';
import { createApiApp } from '../apps/api/src/bootstrap';
import { multipart } from '../test/catalog-sheets';
import { freePort } from '../test/notify-support';
import { createTestEnv } from '../test/support/test-env';
import { BENCH_PASSWORD, needsCsv, provisionBenchOrgs, resultsCsv, resultTexts, s2, sleep } from './import-fixtures';
import { ProductProcess, spawnWorker } from './product-processes';

export interface PipelineFigures {
  source: string;
  needs: { rows: number; toPostgresS: number; toSearchableS: number; toMatchedS: number };
  results: {
    rows: number;
    toPostgresS: number;
    toSearchableS: number;
    searchableDocsPerS: number;
    toMatchedS: number | null;
    matchedItemsPerS: number | null;
    matchJobs: number;
  };
  notifications: {
    summaries: number;
    inboxEntries: number;
    /** Sent for the import's summaries. */
    emails: number;
    /** Everything the SMTP catcher received from the upload on (the probe need's messages too). */
    emailsReceivedMeanwhile: number;
    perItemMessages: number;
    perMatchMessages: number;
  } | null;
  singleNeedDuringImport: { toSearchableS: number | null; toMatchedS: number | null; importStillMatching: boolean } | null;
}

export async function runPipelineBench(
  o: { results: number; needs: number; until: 'matched' | 'searchable' },
  log: (msg: string) => void,
): Promise<PipelineFigures> {
  let emails = 0;
  const catcher = createMailCatcher(() => void emails++);
  const smtpPort = await freePort();
  await new Promise<void>((resolve) => catcher.listen(smtpPort, '127.0.0.1', resolve));
  const smtpUrl = `smtp://127.0.0.1:${smtpPort}`;
  const env = await createTestEnv({ LOG_LEVEL: 'silent', SMTP_URL: smtpUrl });
  const app: NestFastifyApplication = await createApiApp(env.config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  let worker: ProductProcess | null = null;
  try {
    const ds = app.get(DataSource);
    const provisioning = app.get(ProvisioningService);
    const login = async (email: string, password: string): Promise<string> => {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
      return JSON.parse(res.body).accessToken as string;
    };
    const call = async (method: 'GET' | 'POST', url: string, token: string, payload?: unknown) => {
      const res = await app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, payload: payload as never });
      return { status: res.statusCode, body: JSON.parse(res.body || 'null') };
    };
    const orgs = await provisionBenchOrgs(provisioning);
    const bureau = await login(orgs.bureau.email, BENCH_PASSWORD);
    const research = orgs.research.map((o) => o.name);
    // The last enterprise approves a need of its own during the import; the others own the imported needs.
    const enterprises = orgs.enterprises.slice(0, -1).map((o) => o.name);
    const probeOwner = await login(orgs.enterprises[orgs.enterprises.length - 1].email, BENCH_PASSWORD);

    const spawned = spawnWorker({
      NODE_ENV: 'test',
      DB_SCHEMA: env.config.dbSchema,
      RESOURCE_PREFIX: env.config.resourcePrefix,
      SMTP_URL: smtpUrl,
      LOG_LEVEL: 'warn',
    });
    worker = spawned;
    await spawned.started;
    log('pipeline: worker started');

    const uploadCsv = async (list: 'needs' | 'results', content: string): Promise<string> => {
      const { payload, contentType } = multipart(`${list}.csv`, content, 'text/csv');
      const res = await app.inject({
        method: 'POST',
        url: `/api/${list}/import`,
        headers: { authorization: `Bearer ${bureau}`, 'content-type': contentType },
        payload,
      });
      if (res.statusCode !== 200) throw new Error(`${list} import: ${res.statusCode} ${res.body.slice(0, 500)}`);
      return JSON.parse(res.body).importId as string;
    };
    const progress = async (importId: string) =>
      (
        (await ds.query(`SELECT indexed_at, summarized_at, batches, batches_matched FROM import_progress WHERE import_id = $1`, [
          importId,
        ])) as {
          indexed_at: Date | null;
          summarized_at: Date | null;
          batches: number;
          batches_matched: number;
        }[]
      )[0];
    /** Waits until an import's summaries are in the inbox and no e-mail of theirs waits; answers the inbox entries. */
    const settle = async (importId: string): Promise<number> => {
      const events = `SELECT id FROM outbox_event WHERE payload->>'importId' = '${importId}' AND type NOT LIKE '%.imported'`;
      let inbox = 0;
      for (let i = 0; i < 600; i++) {
        const [r] = (await ds.query(
          `SELECT (SELECT count(*)::int FROM notification WHERE event_id IN (${events})) AS inbox,
                  (SELECT count(*)::int FROM notification_delivery WHERE event_id IN (${events}) AND status IN ('pending', 'sending')) AS pending,
                  (SELECT count(*)::int FROM outbox_event WHERE relayed_at IS NULL) AS unrelayed`,
        )) as { inbox: number; pending: number; unrelayed: number }[];
        inbox = r.inbox;
        if (inbox > 0 && r.pending === 0 && r.unrelayed === 0) break;
        await sleep(100);
      }
      return inbox;
    };
    const meili = app.get(MeiliService);
    const docCount = async (type: 'need' | 'result'): Promise<number> =>
      meili.client
        .index(meili.uid(type))
        .getStats()
        .then((s) => s.numberOfDocuments)
        .catch(() => 0);

    // Needs first, so that the results have something to match.
    const needCsv = needsCsv(o.needs, enterprises);
    let t0 = performance.now();
    const needImport = await uploadCsv('needs', needCsv);
    const needsPg = performance.now() - t0;
    let needsSearchable = 0;
    for (;;) {
      const p = await progress(needImport);
      if (!needsSearchable && (await docCount('need')) >= o.needs) needsSearchable = performance.now() - t0;
      if (p?.summarized_at && needsSearchable) break;
      await sleep(100);
    }
    const needsMatched = performance.now() - t0;
    await settle(needImport);
    log(`pipeline: ${o.needs} needs in PostgreSQL ${s2(needsPg)} s, searchable ${s2(needsSearchable)} s, matched ${s2(needsMatched)} s`);

    // The results import.
    const { texts } = resultTexts();
    const { csv: resultCsv, source } = resultsCsv(o.results, research);
    log(`pipeline: results CSV ${o.results} rows from ${source}, ${(resultCsv.length / 1024 / 1024).toFixed(1)} M characters`);
    const emailsBefore = emails;
    t0 = performance.now();
    const resultImport = await uploadCsv('results', resultCsv);
    const resultsPg = performance.now() - t0;
    log(`pipeline: results in PostgreSQL after ${s2(resultsPg)} s`);
    let resultsSearchable = 0;
    let probe: { id: string; at: number; searchable: number | null; matched: number | null; importStillMatching: boolean } | null = null;
    for (;;) {
      const p = await progress(resultImport);
      const now = performance.now();
      if (!resultsSearchable && (await docCount('result')) >= o.results) {
        resultsSearchable = now - t0;
        log(`pipeline: results searchable after ${s2(resultsSearchable)} s`);
      }
      if (resultsSearchable && o.until === 'searchable') break;
      // One need approved on its own while the import's matching runs.
      if (resultsSearchable && !probe && p && p.batches_matched >= 1 && !p.summarized_at) {
        const t = texts[7 % texts.length];
        const created = await call('POST', '/api/needs', probeOwner, {
          title: `寻求${t.title}`.slice(0, 100),
          description: `我公司希望引进以下技术：${t.summary}`.slice(0, 5000),
          keywords: t.keywords.slice(0, 5),
          field: INDUSTRY_FIELDS[7 % INDUSTRY_FIELDS.length],
          trl: 6,
          cooperationModes: ['技术转让'],
          region: '荆门市',
          contactName: '周经理',
          contactPhone: '0724-2345678',
        });
        if (created.status !== 201) throw new Error(`probe need: ${JSON.stringify(created.body)}`);
        await call('POST', `/api/needs/${created.body.id}/submit`, probeOwner);
        const approved = await call('POST', `/api/needs/${created.body.id}/approve`, bureau);
        if (approved.status !== 200) throw new Error(`probe approve: ${JSON.stringify(approved.body)}`);
        probe = { id: created.body.id, at: performance.now(), searchable: null, matched: null, importStillMatching: true };
      }
      if (probe && probe.searchable === null) {
        const found = await meili.client
          .index(meili.uid('need'))
          .getDocument(probe.id)
          .then(() => true)
          .catch(() => false);
        if (found) probe.searchable = performance.now() - probe.at;
      }
      if (probe && probe.matched === null) {
        const [m] = (await ds.query(`SELECT count(*)::int AS n FROM match WHERE need_id = $1`, [probe.id])) as { n: number }[];
        if (m.n > 0) {
          probe.matched = performance.now() - probe.at;
          probe.importStillMatching = !(await progress(resultImport))?.summarized_at;
        }
      }
      if (p?.summarized_at && resultsSearchable && (!probe || probe.matched !== null)) break;
      await sleep(50);
    }
    const { batches } = await progress(resultImport);
    const searchableFigures = {
      rows: o.results,
      toPostgresS: s2(resultsPg),
      toSearchableS: s2(resultsSearchable),
      searchableDocsPerS: Math.round(o.results / ((resultsSearchable - resultsPg) / 1000)),
      matchJobs: batches,
    };
    const needFigures = { rows: o.needs, toPostgresS: s2(needsPg), toSearchableS: s2(needsSearchable), toMatchedS: s2(needsMatched) };
    if (o.until === 'searchable') {
      const results = { ...searchableFigures, toMatchedS: null, matchedItemsPerS: null };
      return { source, needs: needFigures, results, notifications: null, singleNeedDuringImport: null };
    }
    const resultsMatched = performance.now() - t0;
    log(`pipeline: results matched and summarized after ${s2(resultsMatched)} s (${batches} batch jobs)`);

    // The summaries' fan-out: inbox entries and e-mails of this import.
    const inbox = await settle(resultImport);
    const [summaries] = (await ds.query(
      `SELECT count(*)::int AS n FROM outbox_event WHERE payload->>'importId' = $1 AND type <> 'result.imported'`,
      [resultImport],
    )) as { n: number }[];
    const [perItem] = (await ds.query(
      `SELECT count(*)::int AS n FROM outbox_event WHERE type = 'result.approved' AND payload->>'resultId' IN
         (SELECT id::text FROM result WHERE published_by_import_id = $1)`,
      [resultImport],
    )) as { n: number }[];
    // Per-match messages for the import's results, the probe need's own matches aside (those are told one by one, as they should).
    const [perMatch] = (await ds.query(
      `SELECT count(*)::int AS n FROM outbox_event WHERE type = 'match.created' AND payload->>'needId' IS DISTINCT FROM $2
          AND payload->>'resultId' IN (SELECT id::text FROM result WHERE published_by_import_id = $1)`,
      [resultImport, probe?.id ?? null],
    )) as { n: number }[];
    const [mails] = (await ds.query(
      `SELECT count(*)::int AS n FROM notification_delivery WHERE channel = 'email' AND status = 'sent' AND event_id IN
         (SELECT id FROM outbox_event WHERE payload->>'importId' = $1)`,
      [resultImport],
    )) as { n: number }[];
    const figures: PipelineFigures = {
      source,
      needs: needFigures,
      results: {
        ...searchableFigures,
        toMatchedS: s2(resultsMatched),
        matchedItemsPerS: Math.round(o.results / ((resultsMatched - resultsSearchable) / 1000)),
      },
      notifications: {
        summaries: summaries.n,
        inboxEntries: inbox,
        emails: mails.n,
        emailsReceivedMeanwhile: emails - emailsBefore,
        perItemMessages: perItem.n,
        perMatchMessages: perMatch.n,
      },
      singleNeedDuringImport: {
        toSearchableS: probe?.searchable == null ? null : s2(probe.searchable),
        toMatchedS: probe?.matched == null ? null : s2(probe.matched),
        importStillMatching: probe?.importStillMatching ?? false,
      },
    };
    return figures;
  } finally {
    await worker?.stop();
    await app.close();
    await env.cleanup();
    await new Promise<void>((resolve) => catcher.close(() => resolve()));
  }
}
