import { Adoption } from '../adoption.entity';
import {
  ADOPTION_STATUS_LABELS,
  AdoptionStatus,
  BENEFIT_LABELS,
  BenefitKind,
  CONTRACT_KINDS,
  ContractKind,
  TEXT_LIMITS,
} from '../catalog.constants';
import { fenToYuan } from '@app/core';
import { REGISTRATION_NO, REGISTRATION_NO_MESSAGE } from '../dto/adoption.dto';
import type { OrgRef } from '../organization-directory';
import { Result } from '../result.entity';
import { orgMaps, SheetDef } from './sheet-def';
import type { CellValue } from './sheet-io';

const A = {
  resultTitle: '成果名称',
  resultOrg: '成果单位',
  enterprise: '应用企业',
  creditCode: '企业统一社会信用代码',
  contractKind: '合同类型',
  amount: '合同金额（元）',
  signedOn: '签订日期',
  registrationNo: '技术合同登记号',
  benefitKind: '效益类型',
  benefit: '效益说明',
  benefitAmount: '效益金额（元）',
  status: '状态',
  rejectReason: '驳回原因',
} as const;

const invert = <K extends string>(labels: Record<K, string>): Record<string, K> =>
  Object.fromEntries(Object.entries(labels).map(([k, v]) => [v, k as K])) as Record<string, K>;
const STATUS_BY_LABEL = invert(ADOPTION_STATUS_LABELS);
const BENEFIT_BY_LABEL = invert(BENEFIT_LABELS);
const KIND_BY_LABEL = Object.fromEntries(CONTRACT_KINDS.map((k) => [k, k])) as Record<string, ContractKind>;

interface AdoptionRow {
  resultId: string;
  resultOrganizationId: string;
  enterpriseId: string;
  contractKind: ContractKind;
  amountFen: number;
  signedOn: string;
  contractRegistrationNo: string | null;
  benefitKind: BenefitKind | null;
  benefit: string | null;
  benefitAmountFen: number | null;
  status: AdoptionStatus;
  rejectReason: string | null;
}

export const resultKey = (organizationId: string, title: string): string => `${organizationId}\u0000${title}`;

/**
 * The same adoption, as far as an import is concerned: the same result put to use by the same
 * enterprise under the same kind of contract, signed the same day for the same amount. (Its
 * registration number is left out: it is often added later, by the contract registration.)
 */
const adoptionKey = (a: {
  resultId: string;
  enterpriseId: string;
  contractKind: string;
  signedOn: string;
  amountFen: number | string;
}): string => [a.resultId, a.enterpriseId, a.contractKind, a.signedOn, String(a.amountFen)].join('\u0000');

export const ADOPTION_SHEET: SheetDef<AdoptionRow> = {
  list: 'adoptions',
  label: '成果转化应用清单',
  noun: '成果转化应用',
  // The bureau's only: an organization enters its adoptions one by one, and the bureau confirms them.
  owners: null,
  columns: [
    {
      header: A.resultTitle,
      required: true,
      note: '须为平台上已发布的成果，名称完全一致',
      example: '高性能磷酸铁锂正极材料低成本制备技术',
    },
    { header: A.resultOrg, required: true, note: '成果所属高校或院所，名称完全一致', example: '荆楚理工学院' },
    { header: A.enterprise, required: true, note: '须为平台上已认证的企业', example: '荆门市某新能源材料有限公司' },
    { header: A.creditCode, note: '填写时按信用代码识别企业', example: '' },
    { header: A.contractKind, required: true, note: `可选：${CONTRACT_KINDS.join('、')}`, example: '技术转让' },
    { header: A.amount, required: true, note: '整数，单位元', example: '1200000' },
    { header: A.signedOn, required: true, note: 'YYYY-MM-DD，不晚于今天', example: '2026-03-18' },
    {
      header: A.registrationNo,
      note: '16 位数字：年份 4 位 + 登记机构行政区划代码 6 位 + 序号 6 位，不可重复',
      example: '2026420800000123',
    },
    { header: A.benefitKind, note: `可选：${Object.values(BENEFIT_LABELS).join('、')}`, example: '预期' },
    { header: A.benefit, note: `不超过 ${TEXT_LIMITS.benefit} 字`, example: '预计新增产值 8000 万元/年' },
    { header: A.benefitAmount, note: '整数，单位元', example: '80000000' },
    { header: A.status, note: `可选：${Object.values(ADOPTION_STATUS_LABELS).join('、')}；不填为“已确认”`, example: '已确认' },
    { header: A.rejectReason, note: '状态为“已驳回”时必填', example: '' },
  ],
  exportOnly: ['编号', '产业领域'],
  async lookups(tx, orgs) {
    const results = await tx
      .repo(Result)
      .createQueryBuilder('r')
      .select(['r.id', 'r.organizationId', 'r.title'])
      .where(`r.published_at IS NOT NULL AND r.status IN ('published', 'closed')`)
      .getMany();
    const adoptions: {
      id: string;
      resultId: string;
      enterpriseId: string;
      contractKind: string;
      signedOn: string;
      amountFen: string;
      no: string | null;
    }[] = await tx.manager.query(
      `SELECT id, result_id AS "resultId", enterprise_id AS "enterpriseId", contract_kind AS "contractKind",
                signed_on::text AS "signedOn", amount_fen AS "amountFen", contract_registration_no AS no FROM adoption`,
    );
    const existing = new Map<string, string>();
    const registrationNos = new Map<string, string>();
    for (const a of adoptions) {
      const key = adoptionKey(a);
      if (!existing.has(key)) existing.set(key, a.id);
      if (a.no) registrationNos.set(a.no, key);
    }
    return {
      orgs: orgMaps(await orgs.verified(['enterprise', 'university', 'institute'])),
      existing,
      results: new Map(results.map((r) => [resultKey(r.organizationId, r.title), { id: r.id, organizationId: r.organizationId }])),
      registrationNos,
    };
  },
  parse(ctx, lookups) {
    const title = ctx.text(A.resultTitle, TEXT_LIMITS.title, true);
    const resultOrgName = ctx.text(A.resultOrg, 100, true);
    const resultOrg = resultOrgName ? lookups.orgs.byName.get(resultOrgName) : undefined;
    if (resultOrgName && (!resultOrg || resultOrg.kind === 'enterprise'))
      ctx.problem(A.resultOrg, `单位“${resultOrgName}”不存在、未认证或不是高校院所`);
    const result = resultOrg && title ? lookups.results?.get(resultKey(resultOrg.id, title)) : undefined;
    if (resultOrg && title && !result) ctx.problem(A.resultTitle, `“${resultOrgName}”没有名为“${title}”的已发布成果`);
    const code = ctx.raw(A.creditCode).toUpperCase();
    const enterpriseName = ctx.text(A.enterprise, 100, true);
    const enterprise = code ? lookups.orgs.byCode.get(code) : enterpriseName ? lookups.orgs.byName.get(enterpriseName) : undefined;
    if ((code || enterpriseName) && (!enterprise || enterprise.kind !== 'enterprise')) {
      ctx.problem(code ? A.creditCode : A.enterprise, `企业“${code || enterpriseName}”不存在或未认证`);
    }
    const contractKind = ctx.oneOf(A.contractKind, KIND_BY_LABEL, null, true);
    const amountFen = ctx.fen(A.amount, true);
    const signedOn = ctx.date(A.signedOn, 'past', true);
    const registrationNo = ctx.pattern(A.registrationNo, REGISTRATION_NO, REGISTRATION_NO_MESSAGE);
    if (registrationNo) {
      // The number held by this same adoption (on the platform, or an earlier row) is a duplicate row, skipped, not a clash.
      const key =
        result && enterprise && contractKind && signedOn && amountFen !== null
          ? adoptionKey({ resultId: result.id, enterpriseId: enterprise.id, contractKind, signedOn, amountFen })
          : null;
      const holder = lookups.registrationNos?.get(registrationNo);
      if (holder !== undefined && holder !== key)
        ctx.problem(A.registrationNo, `技术合同登记号“${registrationNo}”已被登记或在本文件中重复`);
      if (holder === undefined) lookups.registrationNos?.set(registrationNo, key ?? `row ${ctx.row}`);
    }
    const benefitKind = ctx.oneOf(A.benefitKind, BENEFIT_BY_LABEL, null);
    const benefit = ctx.text(A.benefit, TEXT_LIMITS.benefit);
    const benefitAmountFen = ctx.fen(A.benefitAmount);
    const status = ctx.oneOf(A.status, STATUS_BY_LABEL, 'confirmed');
    const rejectReason = ctx.text(A.rejectReason, TEXT_LIMITS.reason);
    if (status === 'rejected' && !rejectReason) ctx.problem(A.rejectReason, '状态为“已驳回”时必须填写驳回原因');
    if (ctx.problems.length || !result || !enterprise || !contractKind || amountFen === null || !signedOn || !status) return null;
    return {
      resultId: result.id,
      resultOrganizationId: result.organizationId,
      enterpriseId: enterprise.id,
      contractKind,
      amountFen,
      signedOn,
      contractRegistrationNo: registrationNo,
      benefitKind,
      benefit,
      benefitAmountFen,
      status,
      rejectReason,
    };
  },
  identity: { key: adoptionKey, description: '同一成果、同一企业、合同类型、签订日期和金额相同', column: A.resultTitle },
  bulk: {
    table: 'adoption',
    entityType: 'adoption',
    columns: [
      { name: 'result_id', type: 'uuid' },
      { name: 'result_organization_id', type: 'uuid' },
      { name: 'enterprise_id', type: 'uuid' },
      { name: 'contract_kind', type: 'text' },
      { name: 'amount_fen', type: 'int8' },
      { name: 'signed_on', type: 'date' },
      { name: 'contract_registration_no', type: 'text' },
      { name: 'benefit_kind', type: 'text' },
      { name: 'benefit', type: 'text' },
      { name: 'benefit_amount_fen', type: 'int8' },
      { name: 'status', type: 'text' },
      { name: 'reject_reason', type: 'text' },
    ],
    computed: [
      { name: 'entered_by_organization_id', expr: '$actorOrg' },
      { name: 'confirmed_at', expr: `CASE WHEN u.status = 'confirmed' THEN now() END` },
    ],
    returning: ['id', 'status', 'enterprise_id', 'result_organization_id'],
    event: {
      type: 'adoption.confirmed',
      payload: `jsonb_build_object('adoptionId', ins.id, 'organizationIds', jsonb_build_array(ins.enterprise_id, ins.result_organization_id), 'actorUserId', $actor)`,
      where: `ins.status = 'confirmed'`,
    },
  },
  toColumns: (v) => [
    v.resultId,
    v.resultOrganizationId,
    v.enterpriseId,
    v.contractKind,
    v.amountFen,
    v.signedOn,
    v.contractRegistrationNo,
    v.benefitKind,
    v.benefit,
    v.benefitAmountFen,
    v.status,
    v.rejectReason,
  ],
};

export function adoptionExportRow(
  a: Adoption,
  result: Pick<Result, 'title' | 'field'> | undefined,
  orgs: Map<string, OrgRef>,
): CellValue[] {
  const enterprise = orgs.get(a.enterpriseId);
  return [
    result?.title ?? null,
    orgs.get(a.resultOrganizationId)?.name ?? null,
    enterprise?.name ?? null,
    enterprise?.creditCode ?? null,
    a.contractKind,
    fenToYuan(a.amountFen),
    a.signedOn,
    a.contractRegistrationNo,
    a.benefitKind ? BENEFIT_LABELS[a.benefitKind] : null,
    a.benefit,
    fenToYuan(a.benefitAmountFen),
    ADOPTION_STATUS_LABELS[a.status],
    a.rejectReason,
    a.id,
    result?.field ?? null,
  ];
}
