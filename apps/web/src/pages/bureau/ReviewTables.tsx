import { Space, Typography } from 'antd';
import { dateText, dayText, wan } from '../../components/labels';
import { ToneTag } from '../catalog/ItemTags';
import { QualityScoreText } from './ReviewContent';
import type { AdoptionView, NeedView, ResultView, ReviewItem, ReviewKind } from './ReviewApi';
import ReviewQueueTable, { openColumn, type QueuePageProps } from './ReviewQueueTable';

export type { PageData } from './ReviewQueueTable';

interface Props<T> extends QueuePageProps<T> {
  kind: ReviewKind;
  empty: string;
  published?: boolean;
}

function Hints({ item }: { item: NeedView | ResultView }) {
  const hints = item.qualityHints ?? [];
  if (!hints.length) return <span>无</span>;
  const errors = hints.filter((h) => h.severity === 'error').length;
  return (
    <Space direction="vertical" size={2}>
      {errors > 0 && <ToneTag tone="red">{errors} 条必须修改</ToneTag>}
      <Typography.Text>{hints[0].message}</Typography.Text>
      {hints.length > 1 && <Typography.Text>等 {hints.length} 条建议</Typography.Text>}
    </Space>
  );
}

/** A page of needs or results (the queue, or the published ones for corrections). */
export function ItemTable({ kind, onOpen, published, ...page }: Props<NeedView | ResultView>) {
  return (
    <ReviewQueueTable<NeedView | ResultView>
      {...page}
      onOpen={onOpen}
      rowTestId="review-row"
      columns={[
        openColumn('标题', 'title', onOpen),
        { title: kind === 'needs' ? '发布企业' : '发布单位', dataIndex: 'organizationName', render: (v: string | null) => v ?? '—' },
        { title: '产业领域', dataIndex: 'field', render: (v: string | null) => v ?? '—' },
        { title: '质量评分', dataIndex: 'qualityScore', render: (v: number | undefined) => <QualityScoreText score={v} /> },
        ...(published
          ? [{ title: '发布时间', dataIndex: 'publishedAt', render: (v: string | null) => dateText(v) }]
          : [
              { title: '修改建议', key: 'hints', render: (_: unknown, r: NeedView | ResultView) => <Hints item={r} /> },
              { title: '提交时间', dataIndex: 'submittedAt', render: (v: string | null) => dateText(v) },
            ]),
      ]}
    />
  );
}

/** A page of the adoptions waiting for confirmation. */
export function AdoptionTable({ onOpen, ...page }: QueuePageProps<AdoptionView> & { empty: string }) {
  return (
    <ReviewQueueTable<AdoptionView>
      {...page}
      onOpen={onOpen}
      rowTestId="review-row"
      columns={[
        openColumn('应用的成果', 'resultTitle', onOpen, '（成果）'),
        { title: '成果所属单位', dataIndex: 'resultOrganizationName', render: (v: string | null) => v ?? '—' },
        { title: '应用企业', dataIndex: 'enterpriseName', render: (v: string | null) => v ?? '—' },
        { title: '合同类型', dataIndex: 'contractKind' },
        { title: '合同金额', dataIndex: 'amountYuan', render: (v: number) => wan(v) },
        { title: '签订日期', dataIndex: 'signedOn', render: (v: string) => dayText(v) },
        { title: '登记时间', dataIndex: 'createdAt', render: (v: string) => dateText(v) },
      ]}
    />
  );
}

export type { ReviewItem };
