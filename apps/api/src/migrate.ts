import 'reflect-metadata';
import { loadConfigOrExit, runMigrations } from '@app/core';
import { ALL_MIGRATIONS } from './migrations';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const ran = await runMigrations(config, ALL_MIGRATIONS);
  process.stdout.write(ran.length ? `migrations applied: ${ran.join(', ')}\n` : 'database schema is up to date\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`migration failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
