import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runEnv, runScript, saveState, startProcess, waitFor } from './stack';

/**
 * Starts the product as users meet it: migrations and the demo city on a fresh schema, then the
 * mail catcher, the worker and the api (serving the built portal) as their own processes.
 */
export default async function globalSetup(): Promise<void> {
  if (!existsSync(join(ROOT, 'dist', 'web', 'index.html'))) throw new Error('build the portal first: npm run build:web');
  const env = runEnv();
  await runScript('apps/api/src/migrate.ts', env);
  await runScript('scripts/seed-demo.ts', env);
  const mail = startProcess('mail', 'scripts/mail-sink.ts', env);
  const worker = startProcess('worker', 'apps/worker/src/main.ts', env);
  const apiProc = startProcess('api', 'apps/api/src/main.ts', env);
  const baseUrl = env.PUBLIC_BASE_URL;
  saveState({ pids: [apiProc.pid!, worker.pid!, mail.pid!], env, baseUrl });
  process.env.WEB_BASE_URL = baseUrl;
  await waitFor('the api', async () => (await fetch(`${baseUrl}/api/health`)).ok);
  // The demo's published results reach the search index through the worker.
  await waitFor(
    'the demo results to be searchable',
    async () => {
      const res = await fetch(`${baseUrl}/api/search?type=result&q=${encodeURIComponent('锂电池')}`);
      const body = (await res.json()) as { total?: number };
      return res.ok && (body.total ?? 0) > 0;
    },
    240_000,
  );
}
