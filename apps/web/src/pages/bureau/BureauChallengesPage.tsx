import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Flex, Form, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import type { components, operations } from '../../api/schema';
import { errorMessage } from '../../components/api-errors';
import { dateText, wan } from '../../components/labels';
import { useReference } from '../../components/reference';
import { ChallengeStatusTag, ReadableTheme } from '../challenges/ChallengeShared';

type Challenge = components['schemas']['ChallengeViewDto'];
type Query = NonNullable<operations['ChallengesController_list']['parameters']['query']>;
type Status = NonNullable<Query['status']>;
type Field = NonNullable<Query['field']>;

const STATUS_LABELS: Record<Status, string> = {
  draft: '草稿',
  published: '揭榜中',
  reviewing: '评审中',
  awarded: '公示中',
  in_progress: '攻关中',
  completed: '已验收',
  failed: '未通过验收',
  cancelled: '已撤榜',
};
const PAGE_SIZES = [10, 20, 50];

/** The bureau's open calls (揭榜挂帅), drafts and cancelled ones included. */
export default function BureauChallengesPage() {
  const navigate = useNavigate();
  const { data: ref } = useReference();
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') || undefined) as Status | undefined;
  const field = (params.get('field') || undefined) as Field | undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = PAGE_SIZES.includes(Number(params.get('pageSize'))) ? Number(params.get('pageSize')) : 10;

  const set = (patch: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '' || (k === 'page' && v === 1) || (k === 'pageSize' && v === 10)) next.delete(k);
      else next.set(k, String(v));
    }
    setParams(next);
  };

  const query: Query = { status, field, page, pageSize };
  const { data, error, isFetching, refetch } = useQuery({
    queryKey: ['challenges', 'bureau-list', query],
    queryFn: async () => unwrap(await api.GET('/api/challenges', { params: { query } })),
    placeholderData: keepPreviousData,
  });

  useEffect(() => {
    document.title = '榜单管理 - 科技局';
  }, []);

  const columns: ColumnsType<Challenge> = [
    {
      title: '榜单名称',
      dataIndex: 'title',
      render: (t: string, c) => <Link to={`/bureau/challenges/${c.id}`}>{t}</Link>,
    },
    { title: '产业领域', dataIndex: 'field', width: 130 },
    { title: '状态', dataIndex: 'status', width: 120, render: (_: unknown, c) => <ChallengeStatusTag challenge={c} /> },
    { title: '财政资金上限', dataIndex: 'budgetCapYuan', width: 130, render: (v: number) => wan(v) },
    {
      title: '申报时间（北京时间）',
      key: 'window',
      width: 230,
      render: (_: unknown, c) => (
        <>
          {dateText(c.opensAt)}
          <br />至 {dateText(c.closesAt)}
        </>
      ),
    },
    {
      title: '公示截止',
      dataIndex: 'noticeEndsAt',
      width: 170,
      render: (v: string | null) => (v ? dateText(v) : '—'),
    },
  ];

  const filtered = !!status || !!field;

  return (
    <ReadableTheme>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          揭榜挂帅榜单管理
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} data-testid="bc-new" onClick={() => navigate('/bureau/challenges/new')}>
          新建榜单
        </Button>
      </Flex>
      <Typography.Paragraph style={{ marginTop: 12 }}>
        全部榜单（含草稿和已撤榜的）。点击榜单名称进入管理：发布、形式审查、专家评审、评定中榜、公示与验收。
      </Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="inline" component="div">
          <Form.Item label="状态" htmlFor="bc-status">
            <Select<Status>
              id="bc-status"
              allowClear
              placeholder="全部状态"
              style={{ width: 160 }}
              value={status}
              onChange={(v) => set({ status: v, page: 1 })}
              options={(Object.keys(STATUS_LABELS) as Status[]).map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
            />
          </Form.Item>
          <Form.Item label="产业领域" htmlFor="bc-field">
            <Select<Field>
              id="bc-field"
              allowClear
              showSearch
              placeholder="全部领域"
              style={{ width: 200 }}
              value={field}
              onChange={(v) => set({ field: v, page: 1 })}
              options={(ref?.fields ?? []).map((f) => ({ value: f, label: f }))}
            />
          </Form.Item>
        </Form>
      </Card>
      {error ? (
        <Alert
          type="error"
          showIcon
          title={`榜单加载失败：${errorMessage(error)}`}
          action={
            <Button size="small" onClick={() => void refetch()}>
              重试
            </Button>
          }
        />
      ) : (
        <Table<Challenge>
          rowKey="id"
          loading={isFetching && !data}
          columns={columns}
          dataSource={data?.items}
          scroll={{ x: 900 }}
          onRow={(c) => ({
            'data-testid': 'bc-row',
            style: { cursor: 'pointer' },
            onClick: (e) => {
              if ((e.target as HTMLElement).closest('a')) return;
              navigate(`/bureau/challenges/${c.id}`);
            },
          })}
          pagination={{
            current: data?.page ?? page,
            pageSize: data?.pageSize ?? pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: PAGE_SIZES,
            showTotal: (t) => `共 ${t} 个榜单`,
            onChange: (p, s) => set({ page: s !== pageSize ? 1 : p, pageSize: s }),
          }}
          locale={{
            emptyText: (
              <Empty
                description={filtered ? '没有符合条件的榜单，可清除筛选条件查看全部。' : '还没有榜单，点击“新建榜单”张榜征集攻关团队。'}
              >
                {filtered ? (
                  <Button onClick={() => set({ status: undefined, field: undefined, page: 1 })}>清除筛选</Button>
                ) : (
                  <Button type="primary" onClick={() => navigate('/bureau/challenges/new')}>
                    新建榜单
                  </Button>
                )}
              </Empty>
            ),
          }}
        />
      )}
    </ReadableTheme>
  );
}
