/**
 * The automatic completeness and clarity check of a need or a result: deterministic rules, each
 * with a concrete hint in Chinese and a weight; the score is 100 minus the weights of the rules
 * that fire (never below 0). Hints with severity "error" block submission; "warning" hints are
 * advice, shown to the owner before submitting and to the bureau in the review queue.
 */
export interface QualityHint {
  code: string;
  field: string;
  severity: 'error' | 'warning';
  message: string;
}

export interface QualityReport {
  score: number;
  hints: QualityHint[];
}

export interface NeedQualityInput {
  title: string;
  description: string;
  keywords: string[];
  field: string | null;
  trl: number | null;
  budgetMinYuan: number | null;
  budgetMaxYuan: number | null;
  cooperationModes: string[];
  deadline: string | null;
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
}

export interface ResultQualityInput {
  title: string;
  summary: string;
  keywords: string[];
  field: string | null;
  trl: number | null;
  patents: unknown[];
  cooperationModes: string[];
  askingPriceYuan: number | null;
  priceNegotiable: boolean;
  teamLead: string | null;
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
}

interface Rule<T> {
  code: string;
  field: string;
  severity: 'error' | 'warning';
  weight: number;
  fires(x: T): boolean;
  message(x: T): string;
}

export const MIN_DESCRIPTION = 80;
const MIN_TITLE = 8;
const MIN_KEYWORDS = 3;

/** A number with a unit or a comparison: 99.5%, ≥ 200 MPa, 5 万吨/年, 降低 20%, 3 个月内. */
const QUANTIFIED =
  /(\d+(\.\d+)?\s*(%|％|‰|℃|°C|万|亿|吨|千克|kg|g|克|mg|毫克|L|升|mL|m|米|mm|毫米|μm|微米|nm|纳米|km|公里|MPa|GPa|Pa|kW|千瓦|W|瓦|V|伏|A|安|Hz|小时|h|天|个月|年|次|倍|ppm|dB|分贝|元|台|套|件|片|万吨|亩|级))|([≥≤><]\s*\d)|(不低于|不高于|不少于|不超过|达到|提高|降低|提升|减少|小于|大于)\s*\d/i;
const VAGUE = /(等等|相关技术|各类技术|先进技术|一些技术|有关技术)/;

const len = (s: string | null | undefined): number => (s ?? '').trim().length;
const hasContact = (x: { contactName: string | null; contactPhone: string | null; contactEmail: string | null }): boolean =>
  len(x.contactName) > 0 && (len(x.contactPhone) > 0 || len(x.contactEmail) > 0);

function run<T>(rules: Rule<T>[], input: T): QualityReport {
  // An item not saved yet has no column defaults: absent lists count as empty.
  const lists = input as { keywords?: unknown; cooperationModes?: unknown; patents?: unknown };
  const x = { ...input, keywords: lists.keywords ?? [], cooperationModes: lists.cooperationModes ?? [], patents: lists.patents ?? [] } as T;
  const hints: QualityHint[] = [];
  let score = 100;
  for (const r of rules) {
    if (!r.fires(x)) continue;
    score -= r.weight;
    hints.push({ code: r.code, field: r.field, severity: r.severity, message: r.message(x) });
  }
  return { score: Math.max(0, score), hints };
}

const NEED_RULES: Rule<NeedQualityInput>[] = [
  {
    code: 'FIELD_MISSING',
    field: 'field',
    severity: 'error',
    weight: 15,
    fires: (x) => !x.field,
    message: () => '未选择产业领域，需求无法按领域推送给高校院所，请从产业领域列表中选择',
  },
  {
    code: 'CONTACT_MISSING',
    field: 'contactName',
    severity: 'error',
    weight: 10,
    fires: (x) => !hasContact(x),
    message: () => '未填写联系人及联系电话或邮箱，对接方无法与您取得联系（联系方式不公开，仅科技局和对接成功方可见）',
  },
  {
    code: 'DESCRIPTION_THIN',
    field: 'description',
    severity: 'warning',
    weight: 20,
    fires: (x) => len(x.description) < MIN_DESCRIPTION,
    message: (x) =>
      `需求描述过于简略（当前 ${len(x.description)} 字），难以与成果匹配；建议不少于 ${MIN_DESCRIPTION} 字，写清现状、要解决的技术难点、已尝试的办法和期望指标`,
  },
  {
    code: 'NO_QUANTIFIED_TARGET',
    field: 'description',
    severity: 'warning',
    weight: 20,
    fires: (x) => !QUANTIFIED.test(`${x.title} ${x.description}`),
    message: () => '未给出量化的技术指标（如“纯度不低于 99.5%”“能耗降低 20%”“产能 5 万吨/年”），请补充可考核的目标',
  },
  {
    code: 'KEYWORDS_FEW',
    field: 'keywords',
    severity: 'warning',
    weight: 10,
    fires: (x) => x.keywords.length < MIN_KEYWORDS,
    message: (x) =>
      `关键词只有 ${x.keywords.length} 个，建议填写 ${MIN_KEYWORDS}–8 个技术关键词（材料、工艺、设备、产品名称），便于检索和匹配`,
  },
  {
    code: 'BUDGET_MISSING',
    field: 'budgetMaxYuan',
    severity: 'warning',
    weight: 10,
    fires: (x) => x.budgetMinYuan === null && x.budgetMaxYuan === null,
    message: () => '未填写预算范围，高校院所难以判断合作规模；可填写大致区间（元）',
  },
  {
    code: 'TRL_MISSING',
    field: 'trl',
    severity: 'warning',
    weight: 5,
    fires: (x) => x.trl === null,
    message: () => '未填写期望的技术成熟度（1–9 级），例如需要可直接中试的技术请填 6 级以上',
  },
  {
    code: 'MODES_MISSING',
    field: 'cooperationModes',
    severity: 'warning',
    weight: 5,
    fires: (x) => x.cooperationModes.length === 0,
    message: () => '未选择合作方式（技术转让、技术许可、合作开发、委托开发、技术服务、作价入股）',
  },
  {
    code: 'TITLE_SHORT',
    field: 'title',
    severity: 'warning',
    weight: 5,
    fires: (x) => len(x.title) < MIN_TITLE,
    message: () => `需求名称过短，请用一句话说清要解决的技术问题（建议 ${MIN_TITLE}–40 字）`,
  },
  {
    code: 'VAGUE_WORDING',
    field: 'description',
    severity: 'warning',
    weight: 5,
    fires: (x) => VAGUE.test(x.description),
    message: (x) => `描述中有“${VAGUE.exec(x.description)?.[0] ?? ''}”等笼统说法，请写明具体的技术对象和指标`,
  },
  {
    code: 'DEADLINE_MISSING',
    field: 'deadline',
    severity: 'warning',
    weight: 5,
    fires: (x) => !x.deadline,
    message: () => '未填写需求截止日期，建议写明希望在何时前解决',
  },
];

const RESULT_RULES: Rule<ResultQualityInput>[] = [
  {
    code: 'FIELD_MISSING',
    field: 'field',
    severity: 'error',
    weight: 15,
    fires: (x) => !x.field,
    message: () => '未选择产业领域，成果无法按领域推送给企业，请从产业领域列表中选择',
  },
  {
    code: 'CONTACT_MISSING',
    field: 'contactName',
    severity: 'error',
    weight: 10,
    fires: (x) => !hasContact(x),
    message: () => '未填写联系人及联系电话或邮箱，企业无法与您取得联系（联系方式不公开，仅科技局和对接成功方可见）',
  },
  {
    code: 'SUMMARY_THIN',
    field: 'summary',
    severity: 'warning',
    weight: 20,
    fires: (x) => len(x.summary) < MIN_DESCRIPTION,
    message: (x) =>
      `成果简介过于简略（当前 ${len(x.summary)} 字），建议不少于 ${MIN_DESCRIPTION} 字，写清技术原理、创新点、应用场景和性能指标`,
  },
  {
    code: 'NO_QUANTIFIED_TARGET',
    field: 'summary',
    severity: 'warning',
    weight: 15,
    fires: (x) => !QUANTIFIED.test(`${x.title} ${x.summary}`),
    message: () => '未给出量化的性能指标（如“转化率达到 95%”“成本降低 30%”），企业难以判断成果水平',
  },
  {
    code: 'KEYWORDS_FEW',
    field: 'keywords',
    severity: 'warning',
    weight: 10,
    fires: (x) => x.keywords.length < MIN_KEYWORDS,
    message: (x) => `关键词只有 ${x.keywords.length} 个，建议填写 ${MIN_KEYWORDS}–8 个技术关键词，便于企业检索`,
  },
  {
    code: 'TRL_MISSING',
    field: 'trl',
    severity: 'warning',
    weight: 10,
    fires: (x) => x.trl === null,
    message: () => '未填写技术成熟度（1–9 级），企业需要据此判断能否直接应用',
  },
  {
    code: 'PRICE_MISSING',
    field: 'askingPriceYuan',
    severity: 'warning',
    weight: 5,
    fires: (x) => x.askingPriceYuan === null && !x.priceNegotiable,
    message: () => '未填写转让价格，可填写金额（元）或选择“面议”',
  },
  {
    code: 'MODES_MISSING',
    field: 'cooperationModes',
    severity: 'warning',
    weight: 5,
    fires: (x) => x.cooperationModes.length === 0,
    message: () => '未选择可提供的合作方式',
  },
  {
    code: 'IP_MISSING',
    field: 'patentNumbers',
    severity: 'warning',
    weight: 5,
    fires: (x) => x.patents.length === 0,
    message: () => '未填写知识产权（专利号），有专利的成果更易获得企业信任',
  },
  {
    code: 'TEAM_LEAD_MISSING',
    field: 'teamLead',
    severity: 'warning',
    weight: 5,
    fires: (x) => len(x.teamLead) === 0,
    message: () => '未填写团队负责人',
  },
  {
    code: 'TITLE_SHORT',
    field: 'title',
    severity: 'warning',
    weight: 5,
    fires: (x) => len(x.title) < MIN_TITLE,
    message: () => `成果名称过短（建议 ${MIN_TITLE}–40 字），请体现技术对象和用途`,
  },
];

export function assessNeed(x: NeedQualityInput): QualityReport {
  return run(NEED_RULES, x);
}

export function assessResult(x: ResultQualityInput): QualityReport {
  return run(RESULT_RULES, x);
}
