import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { STATUS_LABELS } from '@app/catalog';
import { unmappedRegionItems } from '@app/catalog/io/region-report';
import { dataSourceOptions, loadConfigOrExit } from '@app/core';

/**
 * `npm run regions:report`: the needs and results whose region is not in the region reference
 * (libs/catalog/src/regions.ts) and could not be mapped by the migration, one tab-separated line
 * each (organization, type, status, region, title, id), for the bureau to correct. Exit code 0
 * either way; the count goes to stderr.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const ds = new DataSource(dataSourceOptions(config, { poolSize: 1 }));
  await ds.initialize();
  try {
    const items = await unmappedRegionItems(ds);
    const ids = [...new Set(items.map((i) => i.organizationId))];
    const orgs: { id: string; name: string }[] = ids.length
      ? await ds.query(`SELECT id, name FROM organization WHERE id = ANY($1::uuid[])`, [ids])
      : [];
    const names = new Map(orgs.map((o) => [o.id, o.name]));
    const cell = (s: string): string => s.replace(/[\t\r\n]+/g, ' ');
    process.stdout.write(['单位', '类型', '状态', '所在地区', '名称', '编号'].join('\t') + '\n');
    for (const i of items) {
      const line = [
        names.get(i.organizationId) ?? i.organizationId,
        i.type === 'need' ? '技术需求' : '科技成果',
        STATUS_LABELS[i.status as keyof typeof STATUS_LABELS] ?? i.status,
        i.region,
        i.title,
        i.id,
      ];
      process.stdout.write(line.map(cell).join('\t') + '\n');
    }
    process.stderr.write(
      items.length
        ? `${items.length} 条需求或成果的所在地区不在地区列表中，请逐条更正（已发布的由科技局更正，其余由本单位修改）\n`
        : '所有需求和成果的所在地区都在地区列表中\n',
    );
  } finally {
    await ds.destroy();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`regions report failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
