import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { AdoptionsService, NeedsService, ResultsService } from '@app/catalog';
import { DEMO_BUREAU, DEMO_PASSWORD, DemoSeeder } from '@app/catalog/demo';
import { loadConfigOrExit } from '@app/core';
import { ProvisioningService } from '@app/identity';
import { createApiApp } from '../apps/api/src/bootstrap';

/**
 * Fills the three lists with a believable city (run by scripts/demo.sh after the migrations).
 * Skips when the demo bureau already exists, so running it twice changes nothing.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit({ LOG_LEVEL: 'warn', ...process.env });
  const app = await createApiApp(config);
  await app.init();
  try {
    const [{ n }] = await app.get(DataSource).query(`SELECT count(*)::int AS n FROM organization WHERE name = $1`, [DEMO_BUREAU.name]);
    if (n > 0) {
      console.log(`[seed] demo data already present; bureau login: ${DEMO_BUREAU.email} / ${DEMO_BUREAU.password}`);
      return;
    }
    const started = Date.now();
    const seeder = new DemoSeeder(app.get(ProvisioningService), app.get(NeedsService), app.get(ResultsService), app.get(AdoptionsService));
    const s = await seeder.run();
    console.log(
      `[seed] ${s.organizations} organizations, ${s.needs.total} needs (${s.needs.published} published), ` +
        `${s.results.total} results (${s.results.published} published), ${s.adoptions.total} adoptions ` +
        `(${s.adoptions.confirmed} confirmed, ${(s.adoptions.amountYuan / 10_000).toLocaleString('zh-CN')} 万元) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    for (const l of s.logins) console.log(`[seed] login ${l.role}: ${l.email} / ${l.password}`);
    console.log(`[seed] every demo organization's password: ${DEMO_PASSWORD}; result texts: libs/catalog/src/demo/ATTRIBUTION.md`);
  } finally {
    await app.close();
  }
}

main().catch((err: unknown) => {
  console.error(`[seed] failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exit(1);
});
