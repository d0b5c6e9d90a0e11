/**
 * How fast Meilisearch indexes the product's result documents under variants of the index settings.
 *
 * Builds N documents (INDEX_SPEED_N, 30,000) the way the index sync does (buildSearchDocument over
 * the corpus texts the benchmarks import), then, for each variant, creates a fresh index with the
 * product's settings plus the variant's change, sends the documents in parts of 1,000 without
 * waiting (as the sync does) and times until the last task has succeeded. Run it against
 * Meilisearch started with different flags (e.g. `--max-indexing-threads`) to compare those too.
 *
 *   npx tsx scripts/index-speed.ts            # every variant
 *   VARIANTS=product,noFacetSearch npx tsx scripts/index-speed.ts
 *
 * Prints one JSON line per variant and deletes its indexes.
 */
import { performance } from 'node:perf_hooks';
import { resultTexts } from '../bench/import-fixtures';
import { buildSearchDocument, createMeiliClient, searchIndexSettings } from '../libs/matching/src/relevance';

const N = Number(process.env.INDEX_SPEED_N ?? 30_000);
const PART = 1_000;
const VARIANTS: Record<string, Record<string, unknown>> = {
  product: {},
  facetSearch: { facetSearch: true },
  noPrefix: { prefixSearch: 'disabled' },
  // What each copy of the body costs: the search box's segmented text, the matcher's bigrams.
  noSummary: { searchableAttributes: searchable().filter((a) => a !== 'summary') },
  noBgBody: { searchableAttributes: searchable().filter((a) => a !== 'bgBody') },
};

function searchable(): string[] {
  return searchIndexSettings().searchableAttributes as string[];
}

async function main(): Promise<void> {
  const client = createMeiliClient({
    host: process.env.MEILI_HOST ?? 'http://127.0.0.1:7700',
    apiKey: process.env.MEILI_MASTER_KEY ?? 'dev-master-key-change-me-0123456789',
  });
  const { texts, source } = resultTexts();
  const docs = Array.from({ length: N }, (_x, i) => {
    const t = texts[i % texts.length];
    const extra = {
      kind: 'result',
      status: 'published',
      field: `field-${i % 8}`,
      region: '荆门市',
      city: '荆门市',
      trl: (i % 9) + 1,
      orgKind: 'university',
      organizationId: `org-${i % 50}`,
      organizationName: '荆门理工大学',
      cooperationModes: ['技术转让'],
      priceFen: (i % 500) * 100_000,
      publishedAt: i,
      updatedAt: i,
    };
    const title = i < texts.length ? t.title : `${t.title}（${i + 1}）`;
    return buildSearchDocument({ id: `r${i}`, title, keywords: t.keywords, body: t.summary, extra }).document;
  });
  const only = process.env.VARIANTS?.split(',');
  for (const [variant, change] of Object.entries(VARIANTS)) {
    if (only && !only.includes(variant)) continue;
    const uid = `index_speed_${variant}_${process.pid}`;
    await client.createIndex(uid, { primaryKey: 'id' }).waitTask();
    const index = client.index(uid);
    try {
      await index.updateSettings({ ...searchIndexSettings(), ...change } as never).waitTask();
      const start = performance.now();
      let last = index.addDocuments(docs.slice(0, PART));
      for (let i = PART; i < docs.length; i += PART) {
        await last;
        last = index.addDocuments(docs.slice(i, i + PART));
      }
      const task = await last.waitTask({ timeout: 900_000, interval: 100 });
      if (task.status !== 'succeeded') throw new Error(`indexing failed: ${JSON.stringify(task.error)}`);
      const seconds = (performance.now() - start) / 1000;
      console.log(
        JSON.stringify({
          bench: 'index-speed',
          variant,
          documents: N,
          seconds: Math.round(seconds * 10) / 10,
          docsPerS: Math.round(N / seconds),
          source,
        }),
      );
    } finally {
      await client.deleteIndex(uid).waitTask();
    }
  }
}

main()
  .then(() => process.exit(0))
  .catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
