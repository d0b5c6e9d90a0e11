import { applicationCheckChar } from '@app/catalog';

/** Request bodies that pass validation, for tests to change only what they are about. */

const DAY = 86_400_000;

/** A calendar date (YYYY-MM-DD, Beijing) `days` from today. */
export const inDays = (days: number): string => new Date(Date.now() + 8 * 3600_000 + days * DAY).toISOString().slice(0, 10);

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

/** The review criteria of `challengeBody`: weights 50 / 30 / 20. */
export const CRITERIA = [
  { key: 'tech', name: '技术方案', weight: 50 },
  { key: 'team', name: '团队实力', weight: 30 },
  { key: 'budget', name: '经费合理性', weight: 20 },
];

/**
 * A 揭榜挂帅 call with a 5,000,000 yuan cap, its window open from an hour before `now` until
 * five days after (pass the server's clock: tests move it forward).
 */
export const challengeBody = (now: Date, over: Record<string, unknown> = {}): Record<string, unknown> => ({
  title: '高比能磷酸锰铁锂正极材料关键技术攻关',
  background: '荆门市动力储能电池产业链需要突破高压实磷酸锰铁锂正极材料的量产工艺。',
  field: '动力储能电池',
  objectives: [
    { indicator: '克容量', target: '≥155', unit: 'mAh/g' },
    { indicator: '压实密度', target: '≥2.6', unit: 'g/cm3' },
  ],
  budgetCapYuan: 5_000_000,
  matchingFundsYuan: 2_000_000,
  opensAt: new Date(now.getTime() - 3600_000).toISOString(),
  closesAt: new Date(now.getTime() + 5 * DAY).toISOString(),
  durationMonths: 24,
  eligibleKinds: ['enterprise', 'university', 'institute'],
  deliverables: '中试线一条、发明专利 3 项、产品检测报告',
  criteria: CRITERIA,
  publicityDays: 7,
  ...over,
});

export const proposalBody = (budgetYuan: number, over: Record<string, unknown> = {}): Record<string, unknown> => ({
  leaderName: '李挂帅',
  leaderTitle: '教授',
  team: [{ name: '王工', title: '高级工程师', role: '工艺' }],
  approach: '采用共沉淀法制备前驱体，碳包覆与离子掺杂协同改性。',
  commitments: [
    { objectiveIndex: 0, value: '158 mAh/g' },
    { objectiveIndex: 1, value: '2.65 g/cm3' },
  ],
  requestedBudgetYuan: budgetYuan,
  schedule: [{ phase: '小试', months: 6, deliverable: '小试样品' }],
  ...over,
});

/** `n` milestones sharing the award equally, due on the last days of March, April, … 2027. */
export const milestonePlan = (n: number): { title: string; deliverable: string; dueDate: string; sharePct: number }[] =>
  Array.from({ length: n }, (_, i) => ({
    title: `阶段${i + 1}`,
    deliverable: `交付物${i + 1}`,
    dueDate: `2027-0${i + 3}-30`,
    sharePct: 100 / n,
  }));

/** Scores on every criterion of `CRITERIA` (a weighted total equal to `score`), each with a comment. */
export const scoresOf = (score: number, comment: string | null = '意见') =>
  CRITERIA.map((k) => ({ criterion: k.key, score, ...(comment === null ? {} : { comment }) }));
