import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Flex, Form, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import type { components, operations } from '../../api/schema';
import { useSession } from '../../auth/session';
import { errorMessage } from '../../components/api-errors';
import { dayText, wan } from '../../components/labels';
import { useReference } from '../../components/reference';
import { daysUntil, deadlineText } from '../catalog/PublicFormat';
import PublicTheme from '../catalog/PublicTheme';

type Challenge = components['schemas']['ChallengeViewDto'];
type Query = NonNullable<operations['ChallengesController_list']['parameters']['query']>;
type Status = NonNullable<Query['status']>;
type Field = NonNullable<Query['field']>;

const STATUS: Record<Status, { label: string; color: string }> = {
  draft: { label: '草稿', color: 'default' },
  published: { label: '揭榜中', color: 'processing' },
  reviewing: { label: '评审中', color: 'purple' },
  awarded: { label: '公示中', color: 'warning' },
  in_progress: { label: '攻关中', color: 'geekblue' },
  completed: { label: '已验收', color: 'success' },
  failed: { label: '未通过验收', color: 'error' },
  cancelled: { label: '已撤榜', color: 'default' },
};
const PUBLIC: Status[] = ['published', 'reviewing', 'awarded', 'in_progress', 'completed', 'failed'];
const PAGE_SIZES = [10, 20, 50];

/** Where the application window stands: not open yet, days left, or closed. */
function windowText(c: Challenge, now = Date.now()): string {
  if (c.status === 'draft') return '尚未发布';
  if (c.status === 'cancelled') return '已撤榜';
  if (c.status !== 'published') return '申报已截止';
  if (new Date(c.opensAt).getTime() > now) return `${daysUntil(c.opensAt, now)} 天后开始申报`;
  return deadlineText(c.closesAt, now);
}

const columns: ColumnsType<Challenge> = [
  {
    title: '榜单名称',
    dataIndex: 'title',
    render: (t: string, c) => (
      <Link to={`/challenges/${c.id}`} data-testid="challenge-link">
        {t}
      </Link>
    ),
  },
  { title: '产业领域', dataIndex: 'field', width: 120 },
  { title: '财政资金上限', dataIndex: 'budgetCapYuan', width: 130, render: (v: number) => wan(v) },
  {
    title: '申报时间',
    key: 'window',
    width: 200,
    render: (_, c) => (
      <>
        {dayText(c.opensAt)} 至 {dayText(c.closesAt)}
        <br />
        <Typography.Text strong={c.status === 'published'} style={{ color: 'rgba(0,0,0,0.75)' }}>
          {windowText(c)}
        </Typography.Text>
      </>
    ),
  },
  { title: '实施周期', dataIndex: 'durationMonths', width: 100, render: (v: number) => `${v} 个月` },
  {
    title: '状态',
    dataIndex: 'status',
    width: 110,
    render: (s: Status, c) => <Tag color={STATUS[s]?.color}>{c.statusLabel || STATUS[s]?.label}</Tag>,
  },
];

/** 揭榜挂帅: the open calls, filterable by state and field, paged from the API. */
export default function ChallengeListPage() {
  const { isBureau } = useSession();
  const { data: ref } = useReference();
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') || undefined) as Status | undefined;
  const field = (params.get('field') || undefined) as Field | undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSizeParam = Number(params.get('pageSize'));
  const pageSize = PAGE_SIZES.includes(pageSizeParam) ? pageSizeParam : 10;

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
    queryKey: ['challenges', 'list', query],
    queryFn: async () => unwrap(await api.GET('/api/challenges', { params: { query } })),
    placeholderData: keepPreviousData,
  });

  useEffect(() => {
    document.title = '揭榜挂帅 - 科技成果转化供需对接平台';
  }, []);

  const statuses = isBureau ? (Object.keys(STATUS) as Status[]) : PUBLIC;
  const filtered = !!status || !!field;

  return (
    <PublicTheme>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        揭榜挂帅
      </Typography.Title>
      <Typography.Paragraph style={{ color: 'rgba(0,0,0,0.75)' }}>
        科技局围绕企业关键技术难题张榜，面向高校、科研院所和企业公开征集攻关团队，“不论资历、不设门槛，谁有本事谁揭榜”。
      </Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="inline" component="div">
          <Form.Item label="状态" htmlFor="challenge-status">
            <Select<Status>
              id="challenge-status"
              allowClear
              placeholder="全部状态"
              style={{ width: 160 }}
              value={status}
              onChange={(v) => set({ status: v, page: 1 })}
              options={statuses.map((s) => ({ value: s, label: STATUS[s].label }))}
            />
          </Form.Item>
          <Form.Item label="产业领域" htmlFor="challenge-field">
            <Select<Field>
              id="challenge-field"
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
          scroll={{ x: 860 }}
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
                description={
                  filtered
                    ? '没有符合条件的榜单，可以清除筛选条件查看全部榜单。'
                    : '目前还没有公开的榜单。科技局发布新榜单后会在这里公布，敬请关注。'
                }
              >
                <Flex justify="center" gap={8}>
                  {filtered && <Button onClick={() => set({ status: undefined, field: undefined, page: 1 })}>清除筛选</Button>}
                  <Link to="/search?type=need">浏览企业技术需求</Link>
                </Flex>
              </Empty>
            ),
          }}
        />
      )}
    </PublicTheme>
  );
}
