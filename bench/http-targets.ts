/**
 * Issue 15's targets for `npm run bench:http`, each beside the figure it judges: the worst case of
 * its kind (the targets hold at 100,000 results; a smaller run shows them for comparison only).
 */
import type { ByConcurrency, SearchFigures } from './http-load';

export interface TargetCheck {
  target: string;
  value: number | null;
  /** The case that gave the value (the worst one). */
  worst: string | null;
  pass: boolean | null;
}

const r2 = (n: number): number => Math.round(n * 100) / 100;

/** The worst of `values` (highest, or lowest when `lowest`), with its case. */
function worst(values: [string, number][], lowest = false): { value: number | null; worst: string | null } {
  const finite = values.filter(([, v]) => Number.isFinite(v));
  if (finite.length === 0) return { value: null, worst: null };
  const [name, value] = finite.reduce((a, b) => ((lowest ? b[1] < a[1] : b[1] > a[1]) ? b : a));
  return { value: r2(value), worst: name };
}

export function reportTargets(
  rows: number,
  search: Record<string, SearchFigures>,
  reads: Record<string, ByConcurrency | null>,
  resultsSearchableS: number,
  print: (line: string) => void,
): TargetCheck[] {
  const api = Object.entries(search).filter((e): e is [string, SearchFigures & { api: ByConcurrency }] => e[1].api !== null);
  const measuredReads = Object.entries(reads).filter((e): e is [string, ByConcurrency] => e[1] !== null);
  const check = (target: string, w: { value: number | null; worst: string | null }, ok: (v: number) => boolean): TargetCheck => ({
    target,
    ...w,
    pass: w.value === null ? null : ok(w.value),
  });
  const errors = [
    ...Object.entries(search).flatMap(([n, f]) =>
      [f.api, f.meili, f.plain].flatMap((by) => Object.entries(by ?? {}).map(([c, x]) => [`${n} ${c}`, x.errors] as [string, number])),
    ),
    ...measuredReads.flatMap(([n, by]) => Object.entries(by).map(([c, x]) => [`${n} ${c}`, x.errors] as [string, number])),
  ];
  const checks = [
    check('search: c=1 p95 ≤ 15 ms', worst(api.map(([n, f]) => [n, f.api.c1.p95])), (v) => v <= 15),
    check(
      'search: c=16 ≥ 400 req/s',
      worst(
        api.map(([n, f]) => [n, f.api.c16.rps]),
        true,
      ),
      (v) => v >= 400,
    ),
    check(
      'search ÷ Meilisearch same request, c=1 p95: ≤ 1.5',
      worst(api.map(([n, f]) => [n, f.api.c1.p95 / f.meili.c1.p95])),
      (v) => v <= 1.5,
    ),
    check(
      'search ÷ Meilisearch same request, c=16 req/s: ≤ 1.5',
      worst(api.map(([n, f]) => [n, f.meili.c16.rps / f.api.c16.rps])),
      (v) => v <= 1.5,
    ),
    check(
      'Meilisearch same request ÷ plain query, c=1 p95: ≤ 2',
      worst(Object.entries(search).map(([n, f]) => [n, f.meili.c1.p95 / f.plain.c1.p95])),
      (v) => v <= 2,
    ),
    check(
      'Meilisearch same request ÷ plain query, c=16 req/s: ≤ 2',
      worst(Object.entries(search).map(([n, f]) => [n, f.plain.c16.rps / f.meili.c16.rps])),
      (v) => v <= 2,
    ),
    check('reads: c=1 p95 ≤ 10 ms', worst(measuredReads.map(([n, f]) => [n, f.c1.p95])), (v) => v <= 10),
    check(
      'reads: c=16 ≥ 1,200 req/s',
      worst(
        measuredReads.map(([n, f]) => [n, f.c16.rps]),
        true,
      ),
      (v) => v >= 1200,
    ),
    check(`bulk import: ${rows} results searchable ≤ 120 s`, { value: resultsSearchableS, worst: 'results import' }, (v) => v <= 120),
    check(
      'errors (non-2xx and failed requests): 0',
      errors.some(([, n]) => n > 0) ? worst(errors) : { value: 0, worst: null },
      (v) => v === 0,
    ),
  ];
  print(`\n${'target'.padEnd(56)} ${'value'.padStart(9)}  pass  worst case`);
  for (const c of checks) {
    print(
      `${c.target.padEnd(56)} ${String(c.value ?? '—').padStart(9)}  ${c.pass === null ? ' — ' : c.pass ? 'yes' : 'NO '}   ${c.worst ?? ''}`,
    );
  }
  return checks;
}
