import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { chinaDate, fenToYuan } from '@app/core';
import { UsersService } from '@app/identity';
import { TargetsService } from '@app/stats';
import { ContractRegistrationService } from '../contract-registration.service';
import { DEMO_BUREAU } from './demo-organizations';

/** The plan the demo's targets come from (../shared/seeds/000_aeaafa9e8767f81e.txt, 荆门's plan to 2027). */
const JINGMEN_PLAN = '荆门市科技创新行动方案（到2027年）';
const PLAN_NOTE = '原文见 ../shared/seeds/000_aeaafa9e8767f81e.txt';

/**
 * The 荆门 targets of the plan: 技术合同成交额 150 亿元, 高新技术企业 1,000 家, 揭榜挂帅 about 10 projects
 * supported a year, 5 or more provincial pilot bases (中试基地), all by 2027. The two the platform
 * cannot count carry made-up yearly values, marked as such, so the demo shows their progress.
 */
const TARGETS = [
  { name: '技术合同成交额', metric: 'contract_tech_amount', targetValue: 15_000_000_000, note: PLAN_NOTE },
  {
    name: '高新技术企业',
    metric: 'reported_stock',
    targetValue: 1000,
    unit: '家',
    note: `${PLAN_NOTE}；各年度值为演示数据，非官方统计`,
    values: [
      [2023, 520],
      [2024, 610],
      [2025, 700],
    ],
  },
  {
    name: '揭榜挂帅重点支持项目（每年）',
    metric: 'challenges_supported',
    targetValue: 10,
    note: `${PLAN_NOTE}：每年择优对10个左右项目给予重点支持`,
  },
  {
    name: '省级以上成果转化中试基地',
    metric: 'reported_stock',
    targetValue: 5,
    unit: '家',
    note: `${PLAN_NOTE}；各年度值为演示数据，非官方统计`,
    values: [
      [2024, 2],
      [2025, 3],
    ],
  },
] as const;

/** A small valid PDF standing for a signed contract (one page, its title in ASCII). */
export function demoContractPdf(title: string): Buffer {
  const text = title.replace(/[()\\]/g, '');
  const content = `BT /F1 14 Tf 72 760 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(pdf));
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf);
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

export interface DemoFiguresSummary {
  certified: number;
  submitted: number;
  returned: number;
  targets: number;
}

const DAY = 86_400_000;

/**
 * The demo's technology contracts and 荆门 targets, on top of the demo city (DemoSeeder): of the
 * confirmed adoptions, the enterprises upload and submit eight contracts; the bureau certifies six
 * (registered a week after signing), returns one with a reason and leaves one waiting; the rest stay
 * not yet registered. Running it again changes nothing.
 */
export async function seedDemoFigures(app: INestApplicationContext): Promise<DemoFiguresSummary> {
  const ds = app.get(DataSource);
  const users = app.get(UsersService);
  const contracts = app.get(ContractRegistrationService);
  const targets = app.get(TargetsService);
  const [bureauRow] = await ds.query(`SELECT id FROM app_user WHERE email = $1`, [DEMO_BUREAU.email]);
  const bureau = bureauRow ? await users.load(bureauRow.id) : null;
  if (!bureau) throw new Error('demo bureau missing: run the demo seeder first');
  const summary: DemoFiguresSummary = { certified: 0, submitted: 0, returned: 0, targets: 0 };

  const [{ started }] = await ds.query(`SELECT count(*) > 0 AS started FROM adoption WHERE contract_status <> 'unregistered'`);
  if (!started) {
    const rows: { id: string; enterprise_id: string; amount_fen: string; signed_on: string; title: string }[] = await ds.query(
      `SELECT a.id, a.enterprise_id, a.amount_fen, a.signed_on::text, r.title
         FROM adoption a JOIN result r ON r.id = a.result_id
        WHERE a.status = 'confirmed' ORDER BY a.signed_on, a.id LIMIT 8`,
    );
    const today = chinaDate(new Date());
    for (const [i, a] of rows.entries()) {
      const [member] = await ds.query(`SELECT id FROM app_user WHERE organization_id = $1 ORDER BY created_at LIMIT 1`, [a.enterprise_id]);
      const party = member ? await users.load(member.id) : null;
      if (!party) continue;
      await contracts.upload(
        a.id,
        `技术合同-${i + 1}.pdf`,
        'application/pdf',
        demoContractPdf(`Technology contract ${i + 1} (demo)`),
        party,
      );
      const amountYuan = fenToYuan(a.amount_fen);
      // 技术交易额: 70–100 % of the contract amount, in whole yuan.
      await contracts.submit(a.id, { techAmountYuan: Math.round(amountYuan * (0.7 + (i % 4) * 0.1)) }, party);
      summary.submitted++;
      if (i === 6) {
        await contracts.return(a.id, '技术交易额包含设备购置款，请按技术部分重新核定后提交', bureau);
        summary.returned++;
        summary.submitted--;
      } else if (i < 6) {
        const week = chinaDate(new Date(Date.parse(`${a.signed_on}T00:00:00Z`) + 7 * DAY));
        const registeredOn = week < today ? week : today;
        const no = `${registeredOn.slice(0, 4)}420800${String(500 + i).padStart(6, '0')}`;
        await contracts.certify(a.id, { contractRegistrationNo: no, registeredOn }, bureau);
        summary.certified++;
        summary.submitted--;
      }
    }
  }

  const existing = new Set((await targets.list()).map((t) => t.name));
  for (const t of TARGETS) {
    if (existing.has(t.name)) continue;
    const created = await targets.create(
      {
        name: t.name,
        metric: t.metric,
        place: '荆门市',
        dueYear: 2027,
        targetValue: t.targetValue,
        unit: 'unit' in t ? t.unit : undefined,
        sourceDocument: JINGMEN_PLAN,
        note: t.note,
      },
      bureau,
    );
    if ('values' in t) for (const [year, value] of t.values) await targets.report(created.id, { year, value }, bureau);
    summary.targets++;
  }
  return summary;
}
