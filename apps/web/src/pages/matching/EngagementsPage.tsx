import { useQuery } from '@tanstack/react-query';
import { Alert, Empty, Select, Space, Table, Tabs, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { useSession } from '../../auth/session';
import { errorMessage } from '../../components/api-errors';
import { dateText, ENGAGEMENT_STATUS } from '../../components/labels';
import { type Engagement, type EngagementStatus, EngagementStatusTag, ItemLink, MUTED, OrganizationLink } from './EngagementParts';

type Role = 'sent' | 'received';

const STATUS_OPTIONS = (Object.keys(ENGAGEMENT_STATUS) as EngagementStatus[]).map((value) => ({
  value,
  label: ENGAGEMENT_STATUS[value].label,
}));

export default function EngagementsPage() {
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const role: Role = params.get('role') === 'received' ? 'received' : 'sent';
  const status = (params.get('status') as EngagementStatus | null) ?? undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.min(100, Math.max(1, Number(params.get('pageSize')) || 10));

  const update = (next: Record<string, string | undefined>) => {
    const merged = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v === undefined || v === '') merged.delete(k);
      else merged.set(k, v);
    }
    setParams(merged, { replace: true });
  };

  const { data, isLoading, error } = useQuery({
    queryKey: ['engagements', 'list', { role, status, page, pageSize }],
    queryFn: async () => unwrap(await api.GET('/api/engagements', { params: { query: { role, status, page, pageSize } } })),
  });

  const columns: TableColumnsType<Engagement> = [
    {
      title: '对接项目',
      key: 'items',
      render: (_, e) => (
        <Space orientation="vertical" size={2}>
          {e.needId && <ItemLink type="need" id={e.needId} title={e.needTitle} prefix />}
          {e.resultId && <ItemLink type="result" id={e.resultId} title={e.resultTitle} prefix />}
        </Space>
      ),
    },
    {
      title: role === 'sent' ? '被邀请方' : '发起方',
      key: 'counterpart',
      render: (_, e) =>
        role === 'sent' ? (
          <OrganizationLink id={e.receiverOrganizationId} name={e.receiverOrganizationName} />
        ) : (
          <OrganizationLink id={e.requesterOrganizationId} name={e.requesterOrganizationName} />
        ),
    },
    { title: '状态', dataIndex: 'status', key: 'status', render: (s: EngagementStatus) => <EngagementStatusTag status={s} /> },
    { title: '发起时间', dataIndex: 'createdAt', key: 'createdAt', render: (v: string) => dateText(v) },
    { title: '答复时间', dataIndex: 'respondedAt', key: 'respondedAt', render: (v: string | null) => dateText(v) },
    {
      title: '操作',
      key: 'actions',
      render: (_, e) => (
        <Link to={`/engagements/${e.id}`} aria-label={`查看对接详情（${dateText(e.createdAt)} 发起）`}>
          查看详情
        </Link>
      ),
    },
  ];

  const emptyText =
    role === 'sent' ? (
      <Empty
        description={
          <span style={MUTED}>
            {status ? '没有该状态的对接。' : '本单位还没有发起对接。'}
            可以在
            <Link style={{ textDecoration: 'underline' }} to="/search?type=result">
              找成果
            </Link>
            或
            <Link style={{ textDecoration: 'underline' }} to="/search?type=need">
              找需求
            </Link>
            中找到合适的项目，在其页面上发起对接；也可以从本单位需求或成果的匹配结果中发起。
          </span>
        }
      />
    ) : (
      <Empty
        description={
          <span style={MUTED}>
            {status ? '没有该状态的对接。' : '本单位还没有收到对接请求。'}
            发布并通过审核的
            <Link style={{ textDecoration: 'underline' }} to="/my/needs">
              需求
            </Link>
            和
            <Link style={{ textDecoration: 'underline' }} to="/my/results">
              成果
            </Link>
            会被其他单位看到并发起对接。
          </span>
        }
      />
    );

  return (
    <div>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        对接
      </Typography.Title>
      <Typography.Paragraph style={MUTED}>
        {me?.organization.name ?? '本单位'}发出和收到的对接请求。对方接受后，双方可在对接详情中看到彼此的联系人。
      </Typography.Paragraph>
      <Tabs
        activeKey={role}
        onChange={(key) => update({ role: key, page: undefined })}
        items={[
          { key: 'sent', label: '我发出的' },
          { key: 'received', label: '我收到的' },
        ]}
      />
      <Space style={{ marginBottom: 16 }} wrap>
        <label htmlFor="engagement-status-filter">状态</label>
        <Select
          id="engagement-status-filter"
          aria-label="按状态筛选"
          style={{ width: 160 }}
          value={status ?? ''}
          options={[{ value: '', label: '全部状态' }, ...STATUS_OPTIONS]}
          onChange={(v: string) => update({ status: v || undefined, page: undefined })}
        />
      </Space>
      {error && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} />}
      <Table<Engagement>
        rowKey="id"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={isLoading}
        locale={{ emptyText }}
        pagination={{
          current: data?.page ?? page,
          pageSize: data?.pageSize ?? pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50],
          showTotal: (total) => `共 ${total} 条`,
          onChange: (p, ps) => update({ page: String(p), pageSize: String(ps) }),
        }}
      />
    </div>
  );
}
