/**
 * Fixtures of the import pipeline bench (bench/import-pipeline.ts): the texts it imports, CSV
 * writing, and the real worker as a child process.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDemoNeeds } from '@app/catalog/demo/demo-needs';

const ROOT = join(__dirname, '..');
const SHARED = join(ROOT, '..', 'shared', 'data');
export const REGIONS = [
  '荆门市',
  '东宝区',
  '掇刀区',
  '京山市',
  '钟祥市',
  '沙洋县',
  '天门市',
  '荆州区',
  '沙市区',
  '松滋市',
  '监利市',
  '洪湖市',
];
const SEPARATORS = /[；;、,，\n]/g;

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
export const s2 = (ms: number): number => Math.round(ms / 10) / 100;

export interface ResultText {
  title: string;
  summary: string;
  keywords: string[];
}

export interface NeedText {
  title: string;
  description: string;
}

export function resultTexts(): { texts: ResultText[]; source: string } {
  const corpus = join(SHARED, 'results-corpus.jsonl');
  const clean = (k: string): string => k.replace(SEPARATORS, ' ').trim().slice(0, 20);
  if (existsSync(corpus)) {
    const texts = readFileSync(corpus, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { title: string | null; abstract: string; keywords: string[] })
      .map((r) => ({
        title: (r.title ?? r.abstract.slice(0, 30)).replace(/\s+/g, ' ').slice(0, 90),
        summary: r.abstract.slice(0, 5000),
        keywords: [...new Set(r.keywords.map(clean).filter(Boolean))].slice(0, 8),
      }));
    return { texts, source: '../shared/data/results-corpus.jsonl' };
  }
  const texts = readFileSync(join(ROOT, 'libs/catalog/src/demo/results-demo.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as ResultText)
    .map((t) => ({ ...t, keywords: t.keywords.slice(0, 8).map(clean) }));
  return { texts, source: 'libs/catalog/src/demo/results-demo.jsonl' };
}

export function needTexts(): NeedText[] {
  const dev = join(SHARED, 'matching-dev', 'needs.jsonl');
  const fromDev = existsSync(dev)
    ? readFileSync(dev, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as NeedText)
    : [];
  return [...fromDev, ...loadDemoNeeds()].map((n) => ({
    title: n.title.slice(0, 90),
    description: (n.description || n.title).slice(0, 5000),
  }));
}

const csvCell = (v: string | number | null): string => {
  const s = v === null ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
export const csv = (header: string[], rows: (string | number | null)[][]): string =>
  `\ufeff${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n')}\n`;

/** The real worker, as its own process, on the bench's schema and prefixes. */
export function spawnWorker(env: Record<string, string>): { child: ChildProcess; started: Promise<void> } {
  let out = '';
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/worker/src/main.ts'],
    {
      cwd: ROOT,
      env: { ...process.env, TS_NODE_PROJECT: 'tsconfig.json', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout!.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
  child.stderr!.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
  const started = (async () => {
    for (let i = 0; i < 1800 && !out.includes('worker started'); i++) {
      if (child.exitCode !== null) throw new Error(`worker exited: ${out}`);
      await sleep(100);
    }
    if (!out.includes('worker started')) throw new Error(`worker did not start: ${out}`);
  })();
  return { child, started };
}
