import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfigOrExit } from '@app/core';
import { SearchIndexService } from '@app/matching';
import { WorkerModule } from './worker.module';

/**
 * `npm run search:rebuild [need|result]` fills fresh indexes from PostgreSQL and swaps them in;
 * `npm run search:reconcile [need|result]` finds and fixes drift and prints the counts.
 */
async function main(): Promise<void> {
  const [command, only] = process.argv.slice(2);
  if (command !== 'rebuild' && command !== 'reconcile') throw new Error('usage: search-index.cli (rebuild|reconcile) [need|result]');
  if (only && only !== 'need' && only !== 'result') throw new Error(`unknown index type ${only}: need or result`);
  const config = loadConfigOrExit({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    const index = app.get(SearchIndexService);
    for (const type of only ? [only] : (['need', 'result'] as const)) {
      const report =
        command === 'rebuild' ? await index.rebuild(type as 'need' | 'result') : await index.reconcile(type as 'need' | 'result');
      process.stdout.write(`${JSON.stringify({ command, type, ...report })}\n`);
    }
  } finally {
    await app.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
