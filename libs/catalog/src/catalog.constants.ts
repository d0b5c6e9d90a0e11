/**
 * Maintained reference data of the three lists. The industry fields are drawn from the city plans
 * of Jingmen, Tianmen and Jingzhou (../shared/seeds): their leading and emerging industries.
 * Adding a field is a code change here; nothing in the database has to move.
 */
export const INDUSTRY_FIELDS = [
  '石油化工',
  '磷化工',
  '精细化工',
  '动力储能电池',
  '新能源',
  '高端装备制造',
  '汽车及零部件',
  '泵阀制造',
  '通用航空',
  '现代农业',
  '农产品加工',
  '食品加工',
  '生物医药',
  '医疗器械',
  '电子信息',
  '数字经济',
  '新材料',
  '再生资源循环利用',
  '纺织服装',
  '节能环保',
  '建筑建材',
  '现代物流',
] as const;
export type IndustryField = (typeof INDUSTRY_FIELDS)[number];

/** Cooperation modes a need asks for or a result offers. */
export const COOPERATION_MODES = ['技术转让', '技术许可', '合作开发', '委托开发', '技术服务', '作价入股'] as const;
export type CooperationMode = (typeof COOPERATION_MODES)[number];

/**
 * Contract kinds of an adoption, as the parties name their deal. Each is one of the four kinds of
 * technology contract that 认定登记 knows (see `TECH_CONTRACT_CATEGORIES`).
 */
export const CONTRACT_KINDS = ['技术转让', '技术许可', '作价投资', '技术开发', '技术服务', '技术咨询'] as const;
export type ContractKind = (typeof CONTRACT_KINDS)[number];

/**
 * The four kinds of technology contract (技术合同类别) that registration (认定登记) counts: 技术开发,
 * 技术转让, 技术咨询, 技术服务. A licence (技术许可) and a contribution of technology as capital
 * (作价投资, 技术入股) are registered as 技术转让, as the registration rules treat them.
 */
export const TECH_CONTRACT_CATEGORIES = ['技术开发', '技术转让', '技术咨询', '技术服务'] as const;
export type TechContractCategory = (typeof TECH_CONTRACT_CATEGORIES)[number];
export const CONTRACT_CATEGORY_OF: Record<ContractKind, TechContractCategory> = {
  技术转让: '技术转让',
  技术许可: '技术转让',
  作价投资: '技术转让',
  技术开发: '技术开发',
  技术服务: '技术服务',
  技术咨询: '技术咨询',
};

/**
 * 技术合同认定登记 of an adoption's contract: not yet registered → submitted by a party (with the
 * signed PDF) → certified by the bureau (with its registration number and date) or returned with a
 * reason (then corrected and submitted again). Only certified contracts count in the figures.
 */
export const CONTRACT_STATUSES = ['unregistered', 'submitted', 'certified', 'returned'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];
export const CONTRACT_STATUS_LABELS: Record<ContractStatus, string> = {
  unregistered: '未登记',
  submitted: '待认定',
  certified: '已认定登记',
  returned: '已退回',
};

export const ITEM_STATUSES = ['draft', 'submitted', 'published', 'rejected', 'closed'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export const ADOPTION_STATUSES = ['pending', 'confirmed', 'rejected'] as const;
export type AdoptionStatus = (typeof ADOPTION_STATUSES)[number];

export const BENEFIT_KINDS = ['expected', 'realized'] as const;
export type BenefitKind = (typeof BENEFIT_KINDS)[number];

export const STATUS_LABELS: Record<ItemStatus, string> = {
  draft: '草稿',
  submitted: '待审核',
  published: '已发布',
  rejected: '已驳回',
  closed: '已关闭',
};
export const ADOPTION_STATUS_LABELS: Record<AdoptionStatus, string> = { pending: '待确认', confirmed: '已确认', rejected: '已驳回' };
export const BENEFIT_LABELS: Record<BenefitKind, string> = { expected: '预期', realized: '已实现' };

/** City or county (市/县/区/州…), e.g. 荆门市, 京山市, 沙洋县, 东宝区. */
export const REGION_PATTERN = /^[\u4e00-\u9fa5]{1,20}(省|市|县|区|州|盟|旗|自治县)$/;
export const REGION_MESSAGE = '应为市或县（区）名称，如“荆门市”“沙洋县”';

export const TEXT_LIMITS = {
  title: 100,
  description: 5000,
  keyword: 20,
  keywords: 10,
  name: 50,
  phone: 30,
  email: 100,
  reason: 500,
  benefit: 1000,
  patents: 50,
} as const;

/** Largest money value in yuan accepted anywhere (one trillion yuan): beyond it, a typo. */
export const MAX_YUAN = 1_000_000_000_000;

/** A spreadsheet may hold at most this many data rows. */
export const IMPORT_MAX_ROWS = 100_000;
