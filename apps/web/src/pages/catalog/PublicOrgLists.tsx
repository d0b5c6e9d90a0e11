import { useQuery } from '@tanstack/react-query';
import { Alert, Empty, Table, Tabs } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { errorMessage } from '../../components/api-errors';
import { dayText, TRL_TEXT, wan } from '../../components/labels';
import { budgetText, priceText } from './PublicFormat';

type Need = components['schemas']['NeedViewDto'];
type Res = components['schemas']['ResultViewDto'];
type Adoption = components['schemas']['AdoptionViewDto'];

const PAGE_SIZE = 10;

function usePaged() {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(PAGE_SIZE);
  const pagination = (total: number | undefined) => ({
    current: page,
    pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: [10, 20, 50],
    showTotal: (t: number) => `共 ${t} 项`,
    hideOnSinglePage: false,
    onChange: (p: number, s: number) => {
      setPage(s !== pageSize ? 1 : p);
      setPageSize(s);
    },
  });
  return { page, pageSize, pagination };
}

const common = {
  field: { title: '产业领域', dataIndex: 'field', render: (v: string | null) => v ?? '未填写' },
  region: { title: '所在地', dataIndex: 'region' },
  trl: { title: '技术成熟度', dataIndex: 'trl', render: (v: number | null) => TRL_TEXT(v) },
  published: { title: '发布时间', dataIndex: 'publishedAt', render: (v: string | null) => dayText(v) },
};

const needColumns: ColumnsType<Need> = [
  { title: '需求名称', dataIndex: 'title', render: (t: string, n) => <Link to={`/needs/${n.id}`}>{t}</Link> },
  common.field,
  common.region,
  common.trl,
  { title: '预算', key: 'budget', render: (_, n) => budgetText(n.budgetMinYuan, n.budgetMaxYuan) },
  common.published,
];

const resultColumns: ColumnsType<Res> = [
  { title: '成果名称', dataIndex: 'title', render: (t: string, r) => <Link to={`/results/${r.id}`}>{t}</Link> },
  common.field,
  common.region,
  common.trl,
  { title: '转让价格', key: 'price', render: (_, r) => priceText(r.askingPriceYuan, r.priceNegotiable) },
  common.published,
];

const adoptionColumns: ColumnsType<Adoption> = [
  { title: '成果', dataIndex: 'resultTitle', render: (t: string, a) => <Link to={`/results/${a.resultId}`}>{t}</Link> },
  { title: '成果单位', dataIndex: 'resultOrganizationName' },
  { title: '应用企业', dataIndex: 'enterpriseName' },
  { title: '合同类型', dataIndex: 'contractKind' },
  { title: '合同金额', dataIndex: 'amountYuan', render: (v: number) => wan(v) },
  { title: '签订日期', dataIndex: 'signedOn' },
];

function NeedsTab({ organizationId }: { organizationId: string }) {
  const { page, pageSize, pagination } = usePaged();
  const q = useQuery({
    queryKey: ['needs', 'organization', organizationId, page, pageSize],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/needs', {
          params: { query: { organizationId, status: 'published', sort: 'publishedAt', order: 'desc', page, pageSize } },
        }),
      ),
  });
  if (q.error) return <Alert type="error" showIcon title={`技术需求加载失败：${errorMessage(q.error)}`} />;
  return (
    <Table<Need>
      rowKey="id"
      size="middle"
      loading={q.isPending}
      columns={needColumns}
      dataSource={q.data?.items}
      pagination={pagination(q.data?.total)}
      scroll={{ x: 720 }}
      locale={{ emptyText: <Empty description="该单位暂无已发布的技术需求。可以到“找需求”浏览其他单位的需求。" /> }}
    />
  );
}

function ResultsTab({ organizationId }: { organizationId: string }) {
  const { page, pageSize, pagination } = usePaged();
  const q = useQuery({
    queryKey: ['results', 'organization', organizationId, page, pageSize],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/results', {
          params: { query: { organizationId, status: 'published', sort: 'publishedAt', order: 'desc', page, pageSize } },
        }),
      ),
  });
  if (q.error) return <Alert type="error" showIcon title={`科技成果加载失败：${errorMessage(q.error)}`} />;
  return (
    <Table<Res>
      rowKey="id"
      size="middle"
      loading={q.isPending}
      columns={resultColumns}
      dataSource={q.data?.items}
      pagination={pagination(q.data?.total)}
      scroll={{ x: 720 }}
      locale={{ emptyText: <Empty description="该单位暂无已发布的科技成果。可以到“找成果”浏览其他单位的成果。" /> }}
    />
  );
}

function AdoptionsTab({ organizationId }: { organizationId: string }) {
  const { page, pageSize, pagination } = usePaged();
  const q = useQuery({
    queryKey: ['adoptions', 'organization', organizationId, page, pageSize],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/adoptions', {
          params: { query: { organizationId, status: 'confirmed', sort: 'signedOn', order: 'desc', page, pageSize } },
        }),
      ),
  });
  if (q.error) return <Alert type="error" showIcon title={`转化应用加载失败：${errorMessage(q.error)}`} />;
  return (
    <Table<Adoption>
      rowKey="id"
      size="middle"
      loading={q.isPending}
      columns={adoptionColumns}
      dataSource={q.data?.items}
      pagination={pagination(q.data?.total)}
      scroll={{ x: 720 }}
      locale={{ emptyText: <Empty description="该单位暂无经科技局确认的成果转化应用。" /> }}
    />
  );
}

/** An organization's published needs and results, and its confirmed adoptions, each paged from the API. */
export default function PublicOrgLists({ organizationId, needsFirst }: { organizationId: string; needsFirst: boolean }) {
  return (
    <Tabs
      defaultActiveKey={needsFirst ? 'needs' : 'results'}
      items={[
        { key: 'results', label: '科技成果', children: <ResultsTab organizationId={organizationId} /> },
        { key: 'needs', label: '技术需求', children: <NeedsTab organizationId={organizationId} /> },
        { key: 'adoptions', label: '成果转化应用', children: <AdoptionsTab organizationId={organizationId} /> },
      ]}
    />
  );
}
