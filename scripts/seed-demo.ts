import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { AdoptionsService, NeedsService, ResultsService } from '@app/catalog';
import { DEMO_BUREAU, DEMO_PASSWORD, DemoSeeder } from '@app/catalog/demo';
import { seedDemoFigures } from '@app/catalog/demo/demo-figures';
import { loadConfigOrExit } from '@app/core';
import { ChallengesService } from '@app/challenges';
import { ProvisioningService, UsersService } from '@app/identity';
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
    const challenge = await seedChallenge(app.get(DataSource), app.get(UsersService), app.get(ChallengesService));
    if (challenge) console.log(`[seed] published the open call 《${challenge}》 (揭榜挂帅), made from an enterprise's need`);
    const figures = await seedDemoFigures(app);
    console.log(`[seed] technology contracts and the plan's targets: ${JSON.stringify(figures)}`);
    for (const l of s.logins) console.log(`[seed] login ${l.role}: ${l.email} / ${l.password}`);
    console.log(`[seed] every demo organization's password: ${DEMO_PASSWORD}; result texts: libs/catalog/src/demo/ATTRIBUTION.md`);
  } finally {
    await app.close();
  }
}

/** One open call from a published 磷化工 need, published by the demo bureau (the enterprise co-funds it). */
async function seedChallenge(ds: DataSource, users: UsersService, challenges: ChallengesService): Promise<string | null> {
  const [bureau] = await ds.query(`SELECT id FROM app_user WHERE email = $1`, [DEMO_BUREAU.email]);
  const [need] = await ds.query(
    `SELECT id, title, description FROM need WHERE status = 'published' AND field = '磷化工' ORDER BY created_at LIMIT 1`,
  );
  const actor = bureau ? await users.load(bureau.id) : null;
  if (!actor || !need) return null;
  const day = 86_400_000;
  const c = await challenges.create(
    {
      title: `揭榜挂帅：${need.title}`.slice(0, 100),
      background: need.description,
      field: '磷化工',
      objectives: [
        { indicator: '产品关键性能指标达到需求目标', target: '≥100', unit: '%' },
        { indicator: '中试规模', target: '≥1', unit: '条中试线' },
      ],
      budgetCapYuan: 3_000_000,
      matchingFundsYuan: 1_000_000,
      sourceNeedId: need.id,
      opensAt: new Date(Date.now() - day).toISOString(),
      closesAt: new Date(Date.now() + 30 * day).toISOString(),
      durationMonths: 24,
      eligibleKinds: ['enterprise', 'university', 'institute'],
      deliverables: '中试线一条、检测报告、发明专利申请 2 项',
      criteria: [
        { key: 'tech', name: '技术方案先进性与可行性', weight: 50 },
        { key: 'team', name: '团队实力与前期基础', weight: 30 },
        { key: 'budget', name: '经费预算合理性', weight: 20 },
      ],
      publicityDays: 7,
    },
    actor,
  );
  await challenges.publish(c.id, actor);
  return c.title;
}

main().catch((err: unknown) => {
  console.error(`[seed] failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exit(1);
});
