import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Empty, Table } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { errorMessage } from '../../components/api-errors';
import { ReadableTag } from '../notify/ReadableTag';
import OrgReasonModal from './OrgReasonModal';

type Member = components['schemas']['MemberViewDto'];

/** An organization's accounts; the bureau may disable one (with a reason) or enable it again. */
export default function OrgMembersDrawer({ org, onClose }: { org: { id: string; name: string } | null; onClose: () => void }) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [disabling, setDisabling] = useState<Member | null>(null);
  const qc = useQueryClient();
  const { message } = App.useApp();
  const key = ['org-members', org?.id, page, pageSize];
  const members = useQuery({
    queryKey: key,
    enabled: !!org,
    placeholderData: keepPreviousData,
    queryFn: async () =>
      unwrap(await api.GET('/api/organizations/{id}/members', { params: { path: { id: org!.id }, query: { page, pageSize } } })),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['org-members', org?.id] });
  const enable = useMutation({
    mutationFn: async (id: string) => unwrap(await api.POST('/api/users/{id}/enable', { params: { path: { id } } })),
    onSuccess: async () => {
      message.success('账号已启用');
      await refresh();
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  const disable = async (reason: string) => {
    unwrap(await api.POST('/api/users/{id}/disable', { params: { path: { id: disabling!.id } }, body: { reason } }));
    message.success('账号已停用，该账号的登录已失效');
    await refresh();
  };

  return (
    <Drawer
      open={!!org}
      onClose={() => {
        setPage(1);
        onClose();
      }}
      title={org ? `${org.name}的账号` : '账号'}
      size="min(900px, 100vw)"
      destroyOnHidden
    >
      {members.isError && <Alert type="error" showIcon title={errorMessage(members.error)} role="alert" />}
      <Table<Member>
        rowKey="id"
        loading={members.isFetching}
        dataSource={members.data?.items ?? []}
        locale={{ emptyText: <Empty description="该单位还没有账号" /> }}
        pagination={{
          current: page,
          pageSize,
          total: members.data?.total ?? 0,
          showTotal: (t) => `共 ${t} 个账号`,
          onChange: (p, ps) => {
            setPage(ps !== pageSize ? 1 : p);
            setPageSize(ps);
          },
        }}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          { title: '邮箱', dataIndex: 'email' },
          { title: '电话', dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
          { title: '角色', dataIndex: 'role', render: (v: string) => (v === 'admin' ? '管理员' : '成员') },
          { title: '专家', dataIndex: 'isExpert', render: (v: boolean) => (v ? '是' : '否') },
          {
            title: '状态',
            dataIndex: 'active',
            render: (v: boolean) => <ReadableTag color={v ? 'success' : 'error'}>{v ? '启用' : '已停用'}</ReadableTag>,
          },
          {
            title: '操作',
            key: 'actions',
            render: (_, m) =>
              m.active ? (
                <Button danger size="small" onClick={() => setDisabling(m)} data-testid="org-member-disable">
                  停用账号
                </Button>
              ) : (
                <Button
                  size="small"
                  loading={enable.isPending && enable.variables === m.id}
                  onClick={() => enable.mutate(m.id)}
                  data-testid="org-member-enable"
                >
                  启用
                </Button>
              ),
          },
        ]}
      />
      <OrgReasonModal
        open={!!disabling}
        title={disabling ? `停用账号：${disabling.name}（${disabling.email}）` : '停用账号'}
        label="停用原因（记入操作记录）"
        okText="停用"
        testId="org-member-disable"
        onSubmit={disable}
        onClose={() => setDisabling(null)}
      />
    </Drawer>
  );
}
