import { Button, Empty, Space, Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { dateText, dayText, wan } from '../../components/labels';
import { ToneTag } from '../catalog/ItemTags';
import { QualityScoreText } from './ReviewContent';
import type { AdoptionView, NeedView, ResultView, ReviewItem, ReviewKind } from './ReviewApi';

export interface PageData<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

interface Props<T> {
  kind: ReviewKind;
  data: PageData<T> | undefined;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
  onOpen: (item: T) => void;
  empty: string;
  published?: boolean;
}

const rowProps = (onClick: () => void) =>
  ({ 'data-testid': 'review-row', onClick, style: { cursor: 'pointer' } }) as HTMLAttributes<HTMLElement>;

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
export function ItemTable({ kind, data, loading, page, pageSize, onPage, onOpen, empty, published }: Props<NeedView | ResultView>) {
  return (
    <Table<NeedView | ResultView>
      rowKey="id"
      loading={loading}
      dataSource={data?.items ?? []}
      locale={{ emptyText: <Empty description={empty} /> }}
      onRow={(r) => rowProps(() => onOpen(r))}
      pagination={{
        current: page,
        pageSize,
        total: data?.total ?? 0,
        showSizeChanger: true,
        onChange: onPage,
        showTotal: (t) => `共 ${t} 条`,
      }}
      columns={[
        {
          title: '标题',
          dataIndex: 'title',
          render: (t: string, r) => (
            <Button
              type="link"
              style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
              onClick={(e) => {
                e.stopPropagation();
                onOpen(r);
              }}
            >
              {t}
            </Button>
          ),
        },
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
export function AdoptionTable({ data, loading, page, pageSize, onPage, onOpen, empty }: Props<AdoptionView>) {
  return (
    <Table<AdoptionView>
      rowKey="id"
      loading={loading}
      dataSource={data?.items ?? []}
      locale={{ emptyText: <Empty description={empty} /> }}
      onRow={(r) => rowProps(() => onOpen(r))}
      pagination={{
        current: page,
        pageSize,
        total: data?.total ?? 0,
        showSizeChanger: true,
        onChange: onPage,
        showTotal: (t) => `共 ${t} 条`,
      }}
      columns={[
        {
          title: '应用的成果',
          dataIndex: 'resultTitle',
          render: (t: string | null, r) => (
            <Button
              type="link"
              style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
              onClick={(e) => {
                e.stopPropagation();
                onOpen(r);
              }}
            >
              {t ?? '（成果）'}
            </Button>
          ),
        },
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
