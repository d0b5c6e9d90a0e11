import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { STATUS_LABELS } from '@app/catalog';
import { unmappedRegionItems, unmappedRegionOrganizations } from '@app/catalog/io/region-report';
import { dataSourceOptions, loadConfigOrExit } from '@app/core';

const ORGANIZATION_STATUS_LABELS: Record<string, string> = { pending: '待认证', verified: '已认证', rejected: '未通过认证' };

/**
 * `npm run regions:report`: the organizations, needs and results whose region is not in the
 * region reference (libs/core/src/regions) and could not be mapped by the migrations, one
 * tab-separated line each (organization, type, status, region, title, id; an organization's own
 * line has type 单位 and its name as title), for the bureau to correct. Exit code 0 either way;
 * the counts go to stderr.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const ds = new DataSource(dataSourceOptions(config, { poolSize: 1 }));
  await ds.initialize();
  try {
    const organizations = await unmappedRegionOrganizations(ds);
    const items = await unmappedRegionItems(ds);
    const ids = [...new Set(items.map((i) => i.organizationId))];
    const orgs: { id: string; name: string }[] = ids.length
      ? await ds.query(`SELECT id, name FROM organization WHERE id = ANY($1::uuid[])`, [ids])
      : [];
    const names = new Map(orgs.map((o) => [o.id, o.name]));
    const cell = (s: string): string => s.replace(/[\t\r\n]+/g, ' ');
    const line = (cells: string[]): void => {
      process.stdout.write(cells.map(cell).join('\t') + '\n');
    };
    line(['单位', '类型', '状态', '所在地区', '名称', '编号']);
    for (const o of organizations) line([o.name, '单位', ORGANIZATION_STATUS_LABELS[o.status] ?? o.status, o.region, o.name, o.id]);
    for (const i of items) {
      line([
        names.get(i.organizationId) ?? i.organizationId,
        i.type === 'need' ? '技术需求' : '科技成果',
        STATUS_LABELS[i.status as keyof typeof STATUS_LABELS] ?? i.status,
        i.region,
        i.title,
        i.id,
      ]);
    }
    process.stderr.write(
      organizations.length
        ? `${organizations.length} 个单位的所在地区不在地区列表中，请逐个更正（已认证的由科技局更正，其余由本单位修改）\n`
        : '所有单位的所在地区都在地区列表中\n',
    );
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
