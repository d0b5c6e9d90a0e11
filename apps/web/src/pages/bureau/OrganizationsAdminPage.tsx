import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Empty, Input, Select, Space, Table, Tabs, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { errorMessage } from '../../components/api-errors';
import { dateText, ORG_KIND, ORG_STATUS } from '../../components/labels';
import { ReadableTag } from '../notify/ReadableTag';
import OrgCodeCheck from './OrgCodeCheck';
import OrgMembersDrawer from './OrgMembersDrawer';
import OrgReasonModal from './OrgReasonModal';

type Org = components['schemas']['OrganizationDetailDto'];
type Status = Org['status'];
type Kind = Org['kind'];
const TABS = ['pending', 'verified', 'rejected', 'all'] as const;
type Tab = (typeof TABS)[number];
const TAB_LABEL: Record<Tab, string> = { pending: '待认证', verified: '已认证', rejected: '已驳回', all: '全部' };

/** The bureau verifies organizations (oldest first), rejects them with a reason, and manages their accounts. */
export default function OrganizationsAdminPage() {
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.includes(params.get('tab') as Tab) ? (params.get('tab') as Tab) : 'pending';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.min(100, Math.max(1, Number(params.get('pageSize')) || 20));
  const kind = (params.get('kind') as Kind | null) ?? undefined;
  const q = params.get('q') ?? '';
  const [rejecting, setRejecting] = useState<Org | null>(null);
  const [membersOf, setMembersOf] = useState<Org | null>(null);
  const qc = useQueryClient();
  const { message } = App.useApp();

  const update = (patch: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    setParams(next);
  };

  const list = useQuery({
    queryKey: ['bureau-organizations', tab, page, pageSize, kind, q],
    // Keep the rows while paging, never another tab's rows under this tab.
    placeholderData: (prev, prevQuery) => (prevQuery?.queryKey[1] === tab ? prev : undefined),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/organizations', {
          params: { query: { page, pageSize, status: tab === 'all' ? undefined : (tab as Status), kind, q: q || undefined } },
        }),
      ),
  });
  const pendingCount = useQuery({
    queryKey: ['bureau-organizations', 'pending', 'count'],
    queryFn: async () => unwrap(await api.GET('/api/organizations', { params: { query: { status: 'pending', pageSize: 1 } } })).total,
  });
  const refresh = () =>
    qc.invalidateQueries({
      predicate: (x) => x.queryKey.some((k) => typeof k === 'string' && (k.includes('organization') || k.includes('dashboard'))),
    });
  const verify = useMutation({
    mutationFn: async (id: string) => unwrap(await api.POST('/api/organizations/{id}/verify', { params: { path: { id } } })),
    onSuccess: async (o) => {
      message.success(`已认证：${o.name}`);
      await refresh();
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  const reject = async (reason: string) => {
    const o = unwrap(await api.POST('/api/organizations/{id}/reject', { params: { path: { id: rejecting!.id } }, body: { reason } }));
    message.success(`已驳回：${o.name}，对方会收到驳回原因`);
    await refresh();
  };

  const items = (list.data?.items ?? []) as Org[];
  const emptyText =
    q || kind ? '没有符合条件的单位，换个名称或类型试试' : tab === 'pending' ? '没有待认证的单位，新单位注册后会出现在这里' : '暂无单位';

  return (
    <div>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        单位认证与账号管理
      </Typography.Title>
      <Typography.Paragraph>
        核对单位名称、统一社会信用代码和联系人后认证；驳回须写明原因，单位修改后会重新进入待认证。
      </Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(k) => update({ tab: k, page: 1 })}
        items={TABS.map((t) => ({
          key: t,
          label: t === 'pending' && pendingCount.data ? `${TAB_LABEL[t]}（${pendingCount.data}）` : TAB_LABEL[t],
        }))}
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label="单位类型"
          placeholder="全部类型"
          allowClear
          value={kind}
          onChange={(v?: string) => update({ kind: v, page: 1 })}
          style={{ width: 160 }}
          options={Object.entries(ORG_KIND).map(([value, label]) => ({ value, label }))}
        />
        <Input.Search
          aria-label="按单位名称搜索"
          placeholder="按单位名称搜索"
          allowClear
          key={q}
          defaultValue={q}
          onSearch={(v) => update({ q: v.trim(), page: 1 })}
          style={{ width: 280 }}
        />
      </Space>
      {list.isError && <Alert type="error" showIcon title={errorMessage(list.error)} role="alert" style={{ marginBottom: 12 }} />}
      <Table<Org>
        rowKey="id"
        loading={list.isFetching}
        dataSource={items}
        locale={{ emptyText: <Empty description={emptyText} /> }}
        onRow={() => ({ 'data-testid': 'org-row' }) as HTMLAttributes<HTMLElement>}
        scroll={{ x: 1100 }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (t) => `共 ${t} 个单位`,
          onChange: (p, ps) => update({ page: ps !== pageSize ? 1 : p, pageSize: ps }),
        }}
        columns={[
          {
            title: '单位名称',
            dataIndex: 'name',
            width: 220,
            render: (name: string, o) => (
              <div>
                <Typography.Text strong>{name}</Typography.Text>
                {o.rejectReason && o.status !== 'verified' && <div>上次驳回原因：{o.rejectReason}</div>}
              </div>
            ),
          },
          { title: '类型', dataIndex: 'kind', render: (k: string) => ORG_KIND[k] ?? k },
          {
            title: '统一社会信用代码',
            dataIndex: 'creditCode',
            width: 220,
            render: (c: string | null, o) => <OrgCodeCheck code={c} kind={o.kind} />,
          },
          { title: '所在地', dataIndex: 'region' },
          {
            title: '联系人',
            key: 'contact',
            width: 220,
            render: (_, o) => (
              <div>
                <div>{o.contactName ?? '—'}</div>
                {o.contactPhone && <div>{o.contactPhone}</div>}
                {o.contactEmail && <div style={{ wordBreak: 'break-all' }}>{o.contactEmail}</div>}
              </div>
            ),
          },
          { title: '注册时间', dataIndex: 'createdAt', render: (v: string) => dateText(v) },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: Status, o) => (
              <div>
                <ReadableTag color={ORG_STATUS[s]?.color}>{ORG_STATUS[s]?.label ?? s}</ReadableTag>
                {o.verifiedAt && <div>{dateText(o.verifiedAt)}</div>}
              </div>
            ),
          },
          {
            title: '操作',
            key: 'actions',
            fixed: 'right',
            render: (_, o) => (
              <Space direction="vertical" size={4}>
                {o.status !== 'verified' && (
                  <Button
                    type="primary"
                    size="small"
                    loading={verify.isPending && verify.variables === o.id}
                    onClick={() => verify.mutate(o.id)}
                    data-testid="org-verify"
                  >
                    认证通过
                  </Button>
                )}
                {o.status !== 'rejected' && o.kind !== 'bureau' && (
                  <Button danger size="small" onClick={() => setRejecting(o)} data-testid="org-reject">
                    驳回
                  </Button>
                )}
                <Button size="small" onClick={() => setMembersOf(o)} data-testid="org-members">
                  账号
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <OrgReasonModal
        open={!!rejecting}
        title={rejecting ? `驳回认证：${rejecting.name}` : '驳回认证'}
        label="驳回原因（单位会看到）"
        okText="确认驳回"
        testId="org-reject"
        onSubmit={reject}
        onClose={() => setRejecting(null)}
      />
      <OrgMembersDrawer org={membersOf} onClose={() => setMembersOf(null)} />
    </div>
  );
}
