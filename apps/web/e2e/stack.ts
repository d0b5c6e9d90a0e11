import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnTs } from '../../../test/support/processes';

export const ROOT = join(__dirname, '..', '..', '..');
// One state file per port, so two runs on different ports (a developer's and CI's) do not mix.
const STATE = join(ROOT, 'var', `playwright-stack-${process.env.WEB_TEST_PORT ?? '3199'}.json`);

export interface StackState {
  pids: number[];
  env: Record<string, string>;
  baseUrl: string;
}

/** The environment of one browser-test run: its own schema, prefixes, port and secret. */
export function runEnv(): Record<string, string> {
  const runId = `w${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  return {
    NODE_ENV: 'test',
    PORT: process.env.WEB_TEST_PORT ?? '3199',
    DB_SCHEMA: `web_${runId}`,
    RESOURCE_PREFIX: runId,
    JWT_SECRET: randomBytes(32).toString('hex'),
    SMTP_URL: `smtp://127.0.0.1:${process.env.WEB_TEST_SMTP_PORT ?? '2599'}`,
    PUBLIC_BASE_URL: `http://127.0.0.1:${process.env.WEB_TEST_PORT ?? '3199'}`,
    CORS_ORIGINS: `http://127.0.0.1:${process.env.WEB_TEST_PORT ?? '3199'}`,
    LOG_LEVEL: 'warn',
    MATCH_NOTIFY_THRESHOLD: '25',
    NOTIFY_BACKOFF_MS: '500',
    // The server clock of this run: tests move it by writing milliseconds into this file.
    TEST_CLOCK_FILE: join(ROOT, 'var', `clock-${runId}`),
  };
}

/** Runs a script of the repo to completion with the run's environment. */
export function runScript(script: string, env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawnTs(script, env, { stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${script} exited with ${code}`))));
  });
}

/** Starts a long-running process of the product, its output in var/playwright-logs/. */
export function startProcess(name: string, script: string, env: Record<string, string>): ChildProcess {
  const logs = join(ROOT, 'var', 'playwright-logs');
  mkdirSync(logs, { recursive: true });
  const out = openSync(join(logs, `${name}.log`), 'w');
  return spawnTs(script, env, { stdio: ['ignore', out, out], detached: true });
}

export function saveState(state: StackState): void {
  writeFileSync(STATE, JSON.stringify(state));
}

export function loadState(): StackState | null {
  return existsSync(STATE) ? (JSON.parse(readFileSync(STATE, 'utf8')) as StackState) : null;
}

export async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 120_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch {
      // not yet
    }
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}
