/**
 * Chooses the demo's supply list (libs/catalog/src/demo/results-demo.jsonl) from the team's corpus
 * (a development tool: it reads ../shared/data, the product never does).
 *
 *   npx tsx scripts/select-demo-results.ts candidates [--top 30] [--need 12]   > var/demo-candidates.txt
 *       Indexes the corpus records whose licence allows the demo (CSL, Apache-2.0; ChinaXiv,
 *       CC BY 4.0) into a temporary Meilisearch index, runs the product's RelevanceMatcher for every
 *       demo need, prints the top candidates (score, id, discipline, title, keywords, abstract) to be
 *       read, and deletes the index.
 *   npx tsx scripts/select-demo-results.ts check [--top 6]
 *       Indexes the demo alone (results-demo.jsonl, and the needs in another index, each with its own
 *       statistics, as the product does) and prints each need's best results with the text score of
 *       both directions (need → result, and ← result → need), deleting the indexes after.
 *   npx tsx scripts/select-demo-results.ts build
 *       Writes results-demo.jsonl from the reading's verdicts in scripts/demo-results-selection.json:
 *       the records kept for each need (in the need's order) and the background records. Each record
 *       keeps its corpus id, source and origin; its made-up details (field, owner, TRL, price,
 *       cooperation modes) are derived from the need it was chosen for, so they are consistent with
 *       it — mostly fitting, with a deterministic share that does not (an older TRL, a price above the
 *       budget), as a real supply list would have.
 *
 * `--needs file` reads draft needs instead of needs-demo.jsonl (candidates, check). No score and no
 * match is written anywhere: the product computes them when the demo is seeded
 * (scripts/demo-matches.ts shows them). Env: MEILI_HOST, MEILI_MASTER_KEY.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CorpusStats, RelevanceMatcher, buildSearchDocument, createMeiliClient, searchIndexSettings } from '../libs/matching/src/relevance';
import { COOPERATION_MODES, type CooperationMode, type IndustryField } from '../libs/catalog/src/catalog.constants';
import { DEMO_ENTERPRISES, DEMO_RESEARCH } from '../libs/catalog/src/demo/demo-organizations';
import { regionFactor } from '../libs/matching/src/matches/match-factors.util';

const ROOT = path.resolve(__dirname, '..');
const CORPUS = path.resolve(ROOT, '..', 'shared', 'data', 'results-corpus.jsonl');
const DEMO_DIR = path.join(ROOT, 'libs', 'catalog', 'src', 'demo');
const NEEDS = path.join(DEMO_DIR, 'needs-demo.jsonl');
const OUT = path.join(DEMO_DIR, 'results-demo.jsonl');
const SELECTION = path.join(__dirname, 'demo-results-selection.json');
const HOST = process.env.MEILI_HOST ?? 'http://127.0.0.1:7700';
const KEY = process.env.MEILI_MASTER_KEY ?? 'dev-master-key-change-me-0123456789';
/** Sources whose licence allows redistribution with attribution (see ATTRIBUTION.md). */
const LICENSED = new Set(['CSL', 'ChinaXiv']);
/** Meilisearch runs one task at a time for everybody: other indexing may be ahead of ours. */
const WAIT = { timeout: 900_000, interval: 200 };

interface CorpusRecord {
  id: string;
  title: string | null;
  abstract: string;
  keywords: string[];
  discipline: string | null;
  source: string;
  origin: string;
}
interface DemoNeedText {
  enterprise: string;
  field: IndustryField;
  title: string;
  description: string;
  keywords: string[];
  trl: number;
  budgetWan: [number, number] | null;
  modes: CooperationMode[];
}
/** The reading's verdicts: per need (by title) the plausible records, best first; plus background records. */
interface Selection {
  needs: { need: string; ids: string[] }[];
  background: { id: string; field: IndustryField }[];
}
export interface DemoResultLine {
  id: string;
  title: string;
  summary: string;
  keywords: string[];
  field: IndustryField;
  owner: string;
  trl: number;
  priceWan: number | null;
  modes: CooperationMode[];
  source: string;
  origin: string;
  /** Left in the review workflow (draft or submitted) instead of published. */
  state?: 'draft' | 'submitted';
}

function readJsonl<T>(file: string): T[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

/** Complete records of a licensed source, the shape a supply-list entry needs. */
function usable(r: CorpusRecord): boolean {
  return LICENSED.has(r.source) && !!r.title && r.keywords.length >= 2 && r.abstract.length >= 80 && r.abstract.length <= 1500;
}

const toMeiliId = (id: string): string => id.replace(/\./g, '_dot_');
const fromMeiliId = (id: string): string => id.replace(/_dot_/g, '.');

type MeiliClient = ReturnType<typeof createMeiliClient>;

/** A temporary index of texts (unique name) and its corpus statistics, as the product builds them. */
async function tempIndex(
  client: MeiliClient,
  name: string,
  texts: { id: string; title: string; keywords: string[]; body: string }[],
  made: string[],
): Promise<{ indexUid: string; stats: CorpusStats }> {
  const indexUid = `${name}_${process.pid}_${Date.now()}`;
  // Noted before it exists, so that the caller deletes it even if we fail half-way.
  made.push(indexUid);
  const stats = new CorpusStats();
  const docs = texts.map((t) => {
    const { document, analyzed } = buildSearchDocument({ ...t, id: toMeiliId(t.id), extra: { status: 'published' } });
    stats.addDocument(analyzed);
    return document;
  });
  await client.createIndex(indexUid, { primaryKey: 'id' }).waitTask(WAIT);
  await client.index(indexUid).updateSettings(searchIndexSettings()).waitTask(WAIT);
  for (let i = 0; i < docs.length; i += 5000) {
    const task = await client.index(indexUid).addDocuments(docs.slice(i, i + 5000));
    const done = await client.tasks.waitForTask(task.taskUid, WAIT);
    if (done.status !== 'succeeded') throw new Error(`indexing failed: ${JSON.stringify(done.error)}`);
  }
  return { indexUid, stats };
}

async function candidates(top: number, only: number | null, needsFile: string): Promise<void> {
  const records = readJsonl<CorpusRecord>(CORPUS).filter(usable);
  const byId = new Map(records.map((r) => [r.id, r]));
  const needs = readJsonl<DemoNeedText>(needsFile);
  const client = createMeiliClient({ host: HOST, apiKey: KEY });
  const made: string[] = [];
  try {
    const { indexUid, stats } = await tempIndex(
      client,
      'demo_select',
      records.map((r) => ({ id: r.id, title: r.title!, keywords: r.keywords, body: r.abstract })),
      made,
    );
    console.log(`# ${records.length} licensed records indexed in ${indexUid}`);
    const matcher = new RelevanceMatcher({ client, indexUid, stats });
    for (const [i, need] of needs.entries()) {
      if (only !== null && i !== only) continue;
      const hits = await matcher.match(
        { title: need.title, description: need.description, keywords: need.keywords, field: need.field },
        { limit: top, candidates: 200 },
      );
      console.log(`\n=== need ${i} 【${need.field}】${need.title} | ${need.keywords.join('，')}\n    ${need.description}`);
      for (const h of hits) {
        const r = byId.get(fromMeiliId(h.id));
        if (!r) continue;
        console.log(`  ${String(h.score0to100).padStart(3)} ${r.id} [${r.discipline ?? '-'}] ${r.title} | ${r.keywords.join('，')}`);
        console.log(`      ${r.abstract.slice(0, 160).replace(/\s+/g, ' ')}`);
      }
    }
  } finally {
    await dropIndexes(client, made);
  }
}

async function dropIndexes(client: MeiliClient, uids: string[]): Promise<void> {
  for (const uid of uids)
    await client
      .deleteIndex(uid)
      .waitTask(WAIT)
      .catch(() => undefined);
  client.closeConnections();
}

/**
 * The text scores the product will compute on the demo alone (its own small indexes and statistics),
 * in both directions: a need against the results, and each result against the needs (the product
 * matches an item when it is published, so the last of the two to be published sets the pair's score).
 */
async function check(needsFile: string, top: number): Promise<void> {
  const needs = readJsonl<DemoNeedText>(needsFile);
  const results = readJsonl<DemoResultLine>(OUT);
  const client = createMeiliClient({ host: HOST, apiKey: KEY });
  const made: string[] = [];
  try {
    const r = await tempIndex(
      client,
      'demo_check_results',
      results.map((x) => ({ id: x.id, title: x.title, keywords: x.keywords, body: x.summary })),
      made,
    );
    const n = await tempIndex(
      client,
      'demo_check_needs',
      needs.map((x, i) => ({ id: `need${i}`, title: x.title, keywords: x.keywords, body: x.description })),
      made,
    );
    const forward = new RelevanceMatcher({ client, indexUid: r.indexUid, stats: r.stats });
    const reverse = new RelevanceMatcher({ client, indexUid: n.indexUid, stats: n.stats });
    const back = new Map<string, number>();
    for (const x of results) {
      const hits = await reverse.match({ title: x.title, keywords: x.keywords, description: x.summary }, { limit: 20, candidates: 200 });
      for (const h of hits) back.set(`${h.id}:${toMeiliId(x.id)}`, h.score0to100);
    }
    const byId = new Map(results.map((x) => [toMeiliId(x.id), x]));
    const best: number[] = [];
    for (const [i, need] of needs.entries()) {
      const hits = await forward.match(
        { title: need.title, description: need.description, keywords: need.keywords, field: need.field },
        { limit: 20, candidates: 200 },
      );
      best.push(hits[0]?.score0to100 ?? 0);
      console.log(`\n=== need ${i} 【${need.field}】${need.title}`);
      for (const h of hits.slice(0, top)) {
        const x = byId.get(h.id)!;
        console.log(
          `  ${String(h.score0to100).padStart(3)} ← ${String(back.get(`need${i}:${h.id}`) ?? '-').padStart(3)} ${x.id} [${x.field}] ${x.title}`,
        );
      }
    }
    console.log(`\nforward best per need: ${best.join(' ')}`);
  } finally {
    await dropIndexes(client, made);
  }
}

/** A small deterministic generator, so every build writes the same file. */
function dice(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/** The research organization answering a need: one of the field's owners, the nearest first, in turn. */
function ownerFor(need: DemoNeedText, turn: number): string {
  const region = DEMO_ENTERPRISES.find((e) => e.key === need.enterprise)?.region ?? '荆门市';
  const owners = DEMO_RESEARCH.filter((o) => o.fields.includes(need.field));
  if (owners.length === 0) throw new Error(`no demo research organization covers ${need.field}`);
  const rank = (key: string): number => {
    const r = regionFactor(region, DEMO_RESEARCH.find((o) => o.key === key)!.region);
    return r === 'same' ? 0 : r === 'neighbour' ? 1 : 2;
  };
  const near = [...owners].sort((a, b) => rank(a.key) - rank(b.key));
  const best = near.filter((o) => rank(o.key) === rank(near[0].key));
  // Mostly the nearest owners; every fourth record from any owner of the field.
  const pool = turn % 4 === 3 ? owners : best;
  return pool[turn % pool.length].key;
}

function build(): void {
  const corpus = new Map(readJsonl<CorpusRecord>(CORPUS).map((r) => [r.id, r]));
  const needs = readJsonl<DemoNeedText>(NEEDS);
  const selection = JSON.parse(fs.readFileSync(SELECTION, 'utf8')) as Selection;
  const random = dice(20261202);
  const placed = new Set<string>();
  const lines: DemoResultLine[] = [];
  const text = (id: string) => {
    const r = corpus.get(id);
    if (!r || !usable(r)) throw new Error(`${id}: not a usable record of a licensed source`);
    placed.add(id);
    return {
      id: r.id,
      title: r.title!,
      summary: r.abstract,
      keywords: [...new Set(r.keywords)].slice(0, 8),
      source: r.source,
      origin: r.origin,
    };
  };
  for (const entry of selection.needs) {
    const need = needs.find((n) => n.title === entry.need);
    if (!need) throw new Error(`no demo need titled ${entry.need}`);
    const [low, high] = need.budgetWan ?? [20, 200];
    for (const [turn, id] of entry.ids.entries()) {
      // A record that answers two needs keeps the details of the first.
      if (placed.has(id)) continue;
      // The records read as the best answers fit the need's wishes; after them, about one in five
      // is less mature or dearer than the need wishes, as in a real supply list.
      const misfit = turn >= 2 && random() < 0.2;
      const trl = Math.max(3, Math.min(8, misfit ? need.trl - 1 - Math.floor(random() * 2) : need.trl + Math.floor(random() * 2)));
      const negotiable = random() < 0.3;
      const priceWan = negotiable ? null : roundWan(misfit ? high * (1.2 + random()) : low * 0.4 + random() * (high - low * 0.4));
      const other = COOPERATION_MODES.filter((m) => !need.modes.includes(m));
      const modes = [need.modes[turn % need.modes.length], ...(random() < 0.4 ? [other[Math.floor(random() * other.length)]] : [])];
      lines.push({ ...text(id), field: need.field, owner: ownerFor(need, turn), trl, priceWan, modes });
    }
  }
  // The rest of the supply list: records no demo need asks for; some stay in the review workflow.
  for (const [i, b] of selection.background.entries()) {
    if (placed.has(b.id)) throw new Error(`${b.id}: chosen for a need and as background`);
    const owners = DEMO_RESEARCH.filter((o) => o.fields.includes(b.field));
    if (owners.length === 0) throw new Error(`no demo research organization covers ${b.field}`);
    const negotiable = random() < 0.4;
    lines.push({
      ...text(b.id),
      field: b.field,
      owner: owners[i % owners.length].key,
      trl: 3 + Math.floor(random() * 5),
      priceWan: negotiable ? null : roundWan(10 + random() * 290),
      modes: [...new Set([COOPERATION_MODES[Math.floor(random() * 6)], COOPERATION_MODES[Math.floor(random() * 6)]])],
      ...(i % 5 === 4 ? { state: 'draft' as const } : i % 3 === 2 ? { state: 'submitted' as const } : {}),
    });
  }
  fs.writeFileSync(OUT, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  const bySource = new Map<string, number>();
  for (const l of lines) bySource.set(l.source, (bySource.get(l.source) ?? 0) + 1);
  const kept = lines.filter((l) => !l.state).length;
  console.log(
    `wrote ${lines.length} records (${kept} to publish) to ${path.relative(ROOT, OUT)}: ${[...bySource].map(([s, n]) => `${s} ${n}`).join(', ')}`,
  );
}

/** 万元 as a person would quote them: whole 万 below 50, steps of 5 above. */
function roundWan(x: number): number {
  return x < 50 ? Math.max(1, Math.round(x)) : Math.round(x / 5) * 5;
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  const opt = (name: string): number | null => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : null);
  const needsFile = args.includes('--needs') ? path.resolve(args[args.indexOf('--needs') + 1]) : NEEDS;
  if (command === 'candidates') await candidates(opt('--top') ?? 30, opt('--need'), needsFile);
  else if (command === 'check') await check(needsFile, opt('--top') ?? 6);
  else if (command === 'build') build();
  else throw new Error('usage: select-demo-results.ts (candidates [--top N] [--need I] | check [--top N] | build) [--needs file]');
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
