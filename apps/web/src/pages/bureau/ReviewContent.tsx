import { Descriptions, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { dateText, dayText, TRL_TEXT, wan } from '../../components/labels';
import { QualityHints } from '../catalog/ItemQuality';
import type { AdoptionView, NeedView, ResultView, ReviewItem, ReviewKind } from './ReviewApi';

const BENEFIT_KIND: Record<string, string> = { expected: '预期效益', realized: '已实现效益' };

/** Score text in a colour that keeps 4.5:1 contrast on white. */
export function QualityScoreText({ score }: { score: number | undefined }) {
  if (score === undefined) return <span>—</span>;
  const color = score >= 80 ? '#237804' : score >= 60 ? '#7a4500' : '#a8071a';
  return <span style={{ color, fontWeight: 600 }}>{score} 分</span>;
}

const text = (v: string | null | undefined): ReactNode => (v ? v : '—');
const long = (v: string | null | undefined): ReactNode =>
  v ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{v}</Typography.Paragraph> : '—';

function budget(n: NeedView): string {
  if (n.budgetMinYuan == null && n.budgetMaxYuan == null) return '面议';
  if (n.budgetMinYuan != null && n.budgetMaxYuan != null) return `${wan(n.budgetMinYuan)} – ${wan(n.budgetMaxYuan)}`;
  return n.budgetMinYuan != null ? `不低于 ${wan(n.budgetMinYuan)}` : `不超过 ${wan(n.budgetMaxYuan)}`;
}

function ItemContent({ kind, item }: { kind: 'needs' | 'results'; item: NeedView | ResultView }) {
  const need = kind === 'needs' ? (item as NeedView) : null;
  const result = kind === 'results' ? (item as ResultView) : null;
  const items = [
    { key: 'org', label: '发布单位', children: text(item.organizationName) },
    { key: 'status', label: '状态', children: item.statusLabel },
    { key: 'field', label: '产业领域', children: text(item.field) },
    { key: 'trl', label: '技术成熟度', children: TRL_TEXT(item.trl) },
    { key: 'region', label: '所在地', children: text(item.region) },
    { key: 'modes', label: '合作方式', children: item.cooperationModes.length ? item.cooperationModes.join('、') : '—' },
    {
      key: 'kw',
      label: '关键词',
      children: item.keywords.length ? (
        <Space size={[4, 4]} wrap>
          {item.keywords.map((k) => (
            <Tag key={k}>{k}</Tag>
          ))}
        </Space>
      ) : (
        '—'
      ),
    },
    ...(need
      ? [
          { key: 'budget', label: '预算', children: budget(need) },
          { key: 'deadline', label: '截止日期', children: dayText(need.deadline) },
          { key: 'desc', label: '需求描述', children: long(need.description) },
        ]
      : []),
    ...(result
      ? [
          { key: 'price', label: '转让价格', children: result.priceNegotiable ? '面议' : wan(result.askingPriceYuan) },
          { key: 'lead', label: '团队负责人', children: text(result.teamLead) },
          {
            key: 'patents',
            label: '相关专利',
            children: result.patents.length ? result.patents.map((p) => `${p.number}（${p.kindLabel}）`).join('；') : '—',
          },
          { key: 'summary', label: '成果简介', children: long(result.summary) },
        ]
      : []),
    {
      key: 'contact',
      label: '联系方式',
      children: item.contact ? [item.contact.name, item.contact.phone, item.contact.email].filter(Boolean).join(' / ') || '—' : '—',
    },
    { key: 'submitted', label: '提交审核时间', children: dateText(item.submittedAt) },
    { key: 'published', label: '发布时间', children: dateText(item.publishedAt) },
    ...(item.rejectReason ? [{ key: 'rej', label: '上次驳回原因', children: item.rejectReason }] : []),
  ];
  return (
    <>
      <Descriptions column={1} size="small" bordered items={items} />
      {item.qualityScore !== undefined && (
        <section style={{ marginTop: 16 }} aria-label="质量检查">
          <Typography.Title level={3} style={{ fontSize: 15 }}>
            质量评分：
            <QualityScoreText score={item.qualityScore} />
          </Typography.Title>
          <QualityHints hints={item.qualityHints ?? []} />
        </section>
      )}
    </>
  );
}

function AdoptionContent({ item }: { item: AdoptionView }) {
  const items = [
    { key: 'status', label: '状态', children: item.statusLabel },
    { key: 'result', label: '应用的成果', children: text(item.resultTitle) },
    { key: 'field', label: '成果领域', children: text(item.resultField) },
    { key: 'resultOrg', label: '成果所属单位', children: text(item.resultOrganizationName) },
    { key: 'ent', label: '应用企业', children: text(item.enterpriseName) },
    { key: 'kind', label: '合同类型', children: item.contractKind },
    { key: 'amount', label: '合同金额', children: wan(item.amountYuan) },
    { key: 'signed', label: '签订日期', children: dayText(item.signedOn) },
    { key: 'regno', label: '技术合同登记号', children: text(item.contractRegistrationNo) },
    { key: 'bk', label: '效益类型', children: item.benefitKind ? BENEFIT_KIND[item.benefitKind] : '—' },
    { key: 'benefit', label: '效益说明', children: long(item.benefit) },
    { key: 'ba', label: '效益金额', children: item.benefitAmountYuan == null ? '—' : wan(item.benefitAmountYuan) },
    { key: 'created', label: '登记时间', children: dateText(item.createdAt) },
    { key: 'confirmed', label: '确认时间', children: dateText(item.confirmedAt) },
    ...(item.rejectReason ? [{ key: 'rej', label: '上次驳回原因', children: item.rejectReason }] : []),
  ];
  return <Descriptions column={1} size="small" bordered items={items} />;
}

/** The whole of an item under review, as the bureau needs it to decide. */
export default function ReviewContent({ kind, item }: { kind: ReviewKind; item: ReviewItem }) {
  if (kind === 'adoptions') return <AdoptionContent item={item as AdoptionView} />;
  return <ItemContent kind={kind} item={item as NeedView | ResultView} />;
}
