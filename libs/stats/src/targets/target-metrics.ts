/**
 * What a target measures. Most are counted from the platform's own records; the rest
 * (高新技术企业, 中试基地 …) are figures the bureau reports itself, year by year.
 * `annual`: the value of one year (this year's so far); `stock`: a level reached at a moment.
 */
export const TARGET_METRICS = [
  'contract_tech_amount',
  'contract_count',
  'challenges_supported',
  'results_published',
  'verified_enterprises',
  'reported_annual',
  'reported_stock',
] as const;
export type TargetMetric = (typeof TARGET_METRICS)[number];

export interface MetricInfo {
  label: string;
  aggregation: 'annual' | 'stock';
  /** The unit of a computed metric; reported metrics take the target's own. */
  unit: string | null;
  reported: boolean;
  description: string;
}

export const METRIC_INFO: Record<TargetMetric, MetricInfo> = {
  contract_tech_amount: {
    label: '技术合同成交额',
    aggregation: 'annual',
    unit: '元',
    reported: false,
    description: '当年经认定登记的技术合同的技术交易额之和（按登记日期、买方所在地）',
  },
  contract_count: {
    label: '技术合同认定登记数',
    aggregation: 'annual',
    unit: '项',
    reported: false,
    description: '当年经认定登记的技术合同数',
  },
  challenges_supported: {
    label: '揭榜挂帅重点支持项目数',
    aggregation: 'annual',
    unit: '个',
    reported: false,
    description: '当年确认揭榜结果（公示期满）的榜单数',
  },
  results_published: {
    label: '新发布科技成果数',
    aggregation: 'annual',
    unit: '项',
    reported: false,
    description: '当年新发布的科技成果数（按成果所在地）',
  },
  verified_enterprises: {
    label: '已认证企业数',
    aggregation: 'stock',
    unit: '家',
    reported: false,
    description: '平台上已通过认证的企业数（按企业所在地）',
  },
  reported_annual: {
    label: '科技局填报（年度值）',
    aggregation: 'annual',
    unit: null,
    reported: true,
    description: '平台无法统计、由科技局按年填报的年度值',
  },
  reported_stock: {
    label: '科技局填报（累计值）',
    aggregation: 'stock',
    unit: null,
    reported: true,
    description: '平台无法统计、由科技局按年填报的年末累计值（如高新技术企业数、中试基地数）',
  },
};
