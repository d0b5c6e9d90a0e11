import { expect, test, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { apiCall } from './fixtures';
import { ROOT } from './stack';

// The portal's speed as a visitor meets it (npm run bench:web; not part of CI): the JavaScript a
// cold visit to the home page and to the search page loads (gzip), and the time from navigation to
// the first search results. The api and worker run as their own processes (global-setup).
const QUERIES = [
  '锂电池',
  '磷石膏',
  '储能',
  '污水处理',
  '智能装备',
  '新材料',
  '水产养殖',
  '通用航空',
  '电池回收',
  '生物医药',
  '农产品加工',
  '高分子',
];

async function scriptBytes(page: Page, go: () => Promise<void>): Promise<{ raw: number; gzip: number; wire: number; files: number }> {
  const bodies: Promise<Buffer>[] = [];
  const sent: Promise<number>[] = [];
  page.on('response', (res) => {
    if (res.request().resourceType() !== 'script') return;
    bodies.push(res.body());
    // What crossed the wire (the api sends the brotli copy to a browser that accepts it).
    sent.push(
      res
        .request()
        .sizes()
        .then((s) => s.responseBodySize),
    );
  });
  await go();
  await page.waitForLoadState('networkidle');
  const all = await Promise.all(bodies);
  const wire = (await Promise.all(sent)).reduce((s, n) => s + n, 0);
  return {
    raw: all.reduce((s, b) => s + b.length, 0),
    gzip: all.reduce((s, b) => s + gzipSync(b, { level: 9 }).length, 0),
    wire,
    files: all.length,
  };
}

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

test('@bench portal bundle sizes and time to first search results', async ({ browser }) => {
  test.setTimeout(300_000);
  const cold = async () => (await browser.newContext()).newPage();
  // The worker is still matching the seeded city when the stack comes up: let it settle, so the
  // figures measure a visit, not the seed's aftermath.
  await new Promise((r) => setTimeout(r, 20_000));

  const homePage = await cold();
  const home = await scriptBytes(homePage, async () => {
    await homePage.goto('/');
    await expect(homePage.getByTestId('home-latest-result').first()).toBeVisible();
  });
  const searchPage = await cold();
  const search = await scriptBytes(searchPage, async () => {
    await searchPage.goto(`/search?type=result&q=${encodeURIComponent('锂电池')}`);
    await expect(searchPage.getByTestId('search-hit').first()).toBeVisible();
  });

  // Navigation start → first hit on screen, each on a cold page (no cached scripts), varied queries.
  const times: number[] = [];
  for (const q of [...QUERIES, ...QUERIES]) {
    const page = await cold();
    await page.goto(`/search?type=result&q=${encodeURIComponent(q)}`, { waitUntil: 'commit' });
    await page.getByTestId('search-hit').or(page.getByText('没有找到')).first().waitFor({ timeout: 30_000 });
    times.push(await page.evaluate(() => performance.now()));
    await page.context().close();
  }
  const total = (await apiCall('GET', '/api/search?type=result&pageSize=1')).body.total as number;
  const figures = {
    bench: 'web',
    home_js_gzip_kb: Math.round(home.gzip / 1024),
    home_js_raw_kb: Math.round(home.raw / 1024),
    home_js_transferred_kb: Math.round(home.wire / 1024),
    home_js_files: home.files,
    search_js_gzip_kb: Math.round(search.gzip / 1024),
    search_js_raw_kb: Math.round(search.raw / 1024),
    search_js_transferred_kb: Math.round(search.wire / 1024),
    first_results_p50_ms: Math.round(quantile(times, 0.5)),
    first_results_p95_ms: Math.round(quantile(times, 0.95)),
    first_results_max_ms: Math.round(Math.max(...times)),
    searches: times.length,
    published_results: total,
  };
  writeFileSync(join(ROOT, 'var', 'bench-web.json'), `${JSON.stringify(figures)}\n`);
});
