import { DataSource } from 'typeorm';
import { applicationCheckChar } from '@app/catalog';
import type { TestApp } from './support/test-app';

export const inDays = (days: number): string => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

/** A valid invention application number for a given serial. */
export const patentNo = (serial: number): string => {
  const digits = `2023101${String(serial).padStart(5, '0')}`;
  return `CN${digits}.${applicationCheckChar(digits)}`;
};

export const needBody = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  title: '磷石膏制备高强度建筑石膏粉工艺优化',
  description:
    '我公司现有磷石膏堆存量约 200 万吨，采用常规煅烧工艺生产的建筑石膏粉 2 小时抗折强度仅 1.8 MPa，可溶磷含量 0.4%，' +
    '产品只能用于低端抹灰石膏。希望与高校院所合作，通过预处理除杂、晶型调控和改性工艺，将抗折强度提高到 3.0 MPa 以上，' +
    '可溶磷含量降至 0.1% 以下，并形成年产 10 万吨的中试生产线方案。',
  keywords: ['磷石膏', '建筑石膏', '晶型调控', '综合利用'],
  field: '磷化工',
  trl: 6,
  budgetMinYuan: 500000,
  budgetMaxYuan: 2000000,
  cooperationModes: ['合作开发', '技术转让'],
  region: '荆门市',
  deadline: inDays(180),
  contactName: '张工',
  contactPhone: '0724-2345678',
  contactEmail: 'zhang@example.com',
  ...over,
});

export const resultBody = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  title: '高性能磷酸铁锂正极材料低成本制备技术',
  summary:
    '采用液相共沉淀与碳包覆一体化工艺制备磷酸铁锂正极材料，以湿法磷酸和工业级硫酸亚铁为原料，省去高纯原料提纯工序。' +
    '材料 0.1C 放电比容量达到 160 mAh/g，循环 2000 次容量保持率 92%，压实密度 2.5 g/cm3，生产成本较传统固相法降低 15%，' +
    '已完成百公斤级中试，适合动力和储能电池正极材料企业产业化。',
  keywords: ['磷酸铁锂', '正极材料', '碳包覆', '共沉淀'],
  field: '动力储能电池',
  trl: 6,
  patentNumbers: [patentNo(23456), 'CN216123456U'],
  cooperationModes: ['技术转让', '技术许可'],
  priceNegotiable: true,
  teamLead: '李教授',
  region: '荆门市',
  contactName: '王老师',
  contactPhone: '13800000000',
  ...over,
});

export const db = (t: TestApp): DataSource => t.app.get(DataSource);

export async function count(t: TestApp, sql: string, params: unknown[] = []): Promise<number> {
  const rows = await db(t).query(`SELECT count(*)::int AS n FROM ${sql}`, params);
  return rows[0].n;
}
