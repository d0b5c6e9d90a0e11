import { MailOutlined, UserAddOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Popconfirm, Select, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { errorMessage } from '../../components/api-errors';
import { InviteMemberModal } from './InviteMemberModal';
import { AddMemberModal, DisableMemberModal } from './MemberModals';
import { MUTED, ROLE_LABELS } from './org-fields';
import { ReadableTag } from '../notify/ReadableTag';

type Member = components['schemas']['MemberViewDto'];
type Role = Member['role'];

/**
 * The organization's accounts; its admins invite (or add) members, change roles, disable or enable
 * accounts, revoke invitations not yet accepted and remove members.
 */
export function MembersCard({ organizationId, isAdmin, selfId }: { organizationId: string; isAdmin: boolean; selfId: string }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [adding, setAdding] = useState(false);
  const [inviting, setInviting] = useState(false);
  const [disabling, setDisabling] = useState<Member | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);

  const { data, isLoading, error } = useQuery({
    queryKey: ['organization', organizationId, 'members', { page, pageSize }],
    queryFn: async () =>
      unwrap(await api.GET('/api/organizations/{id}/members', { params: { path: { id: organizationId }, query: { page, pageSize } } })),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['organization', organizationId, 'members'] });
  const refused = (err: unknown) => {
    setRefusal(errorMessage(err));
    message.error(errorMessage(err));
  };

  const changeRole = useMutation({
    mutationFn: async ({ userId, role }: { userId: string; role: Role }) =>
      unwrap(
        await api.PATCH('/api/organizations/{id}/members/{userId}', { params: { path: { id: organizationId, userId } }, body: { role } }),
      ),
    onSuccess: (m) => {
      setRefusal(null);
      message.success(`${m.name} 的角色已改为${ROLE_LABELS[m.role]}`);
      void refresh();
      if (m.id === selfId) void qc.invalidateQueries({ queryKey: ['me'] });
    },
    onError: refused,
  });
  const enable = useMutation({
    mutationFn: async (userId: string) => unwrap(await api.POST('/api/users/{id}/enable', { params: { path: { id: userId } } })),
    onSuccess: (m) => {
      setRefusal(null);
      message.success(`已重新启用 ${m.name} 的账号`);
      void refresh();
    },
    onError: refused,
  });

  const revokeInvite = useMutation({
    mutationFn: async (m: Member) =>
      unwrap(await api.DELETE('/api/organizations/{id}/invitations/{userId}', { params: { path: { id: organizationId, userId: m.id } } })),
    onSuccess: (_r, m) => {
      setRefusal(null);
      message.success(`已撤销对 ${m.email} 的邀请`);
      void refresh();
    },
    onError: refused,
  });
  const remove = useMutation({
    mutationFn: async (m: Member) =>
      unwrap(await api.DELETE('/api/organizations/{id}/members/{userId}', { params: { path: { id: organizationId, userId: m.id } } })),
    onSuccess: (_r, m) => {
      setRefusal(null);
      message.success(`已移除成员 ${m.name}`);
      void refresh();
    },
    onError: refused,
  });

  const columns: TableColumnsType<Member> = [
    {
      title: '姓名',
      dataIndex: 'name',
      key: 'name',
      render: (name: string, m) => (
        <Space size={4} wrap>
          {name || <span style={MUTED}>（待对方填写）</span>}
          {m.id === selfId && <Tag>我</Tag>}
          {m.isExpert && <ReadableTag color="purple">专家</ReadableTag>}
        </Space>
      ),
    },
    { title: '邮箱', dataIndex: 'email', key: 'email' },
    { title: '电话', dataIndex: 'phone', key: 'phone', render: (v: string | null) => v ?? '—' },
    {
      title: '角色',
      dataIndex: 'role',
      key: 'role',
      render: (role: Role, m) =>
        isAdmin && m.active ? (
          <Select<Role>
            value={role}
            style={{ width: 110 }}
            aria-label={`${m.name} 的角色`}
            loading={changeRole.isPending && changeRole.variables?.userId === m.id}
            onChange={(next) => changeRole.mutate({ userId: m.id, role: next })}
            options={[
              { value: 'admin', label: ROLE_LABELS.admin },
              { value: 'member', label: ROLE_LABELS.member },
            ]}
          />
        ) : (
          ROLE_LABELS[role]
        ),
    },
    {
      title: '状态',
      dataIndex: 'active',
      key: 'active',
      render: (active: boolean, m) =>
        m.invited ? (
          <ReadableTag color="processing">已邀请，待接受</ReadableTag>
        ) : active ? (
          <ReadableTag color="success">启用</ReadableTag>
        ) : (
          <Tag color="default">已停用</Tag>
        ),
    },
  ];
  if (isAdmin)
    columns.push({
      title: '操作',
      key: 'actions',
      render: (_, m) =>
        m.id === selfId ? (
          <span style={MUTED}>当前账号</span>
        ) : m.invited ? (
          <Popconfirm
            title={`撤销对 ${m.email} 的邀请？`}
            description="邀请链接随即失效。"
            okText="撤销"
            cancelText="取消"
            onConfirm={() => revokeInvite.mutate(m)}
          >
            <Button
              size="small"
              loading={revokeInvite.isPending && revokeInvite.variables?.id === m.id}
              aria-label={`撤销对 ${m.email} 的邀请`}
            >
              撤销邀请
            </Button>
          </Popconfirm>
        ) : (
          <Space size={4}>
            {m.active ? (
              <Button size="small" danger onClick={() => setDisabling(m)} aria-label={`停用 ${m.name}`}>
                停用
              </Button>
            ) : (
              <Button
                size="small"
                onClick={() => enable.mutate(m.id)}
                loading={enable.isPending && enable.variables === m.id}
                aria-label={`启用 ${m.name}`}
              >
                启用
              </Button>
            )}
            <Popconfirm
              title={`将 ${m.name} 移出本单位？`}
              description="对方将不能再登录，其所有登录立即退出；此操作不能撤回。"
              okText="移除"
              okButtonProps={{ danger: true }}
              cancelText="取消"
              onConfirm={() => remove.mutate(m)}
            >
              <Button
                size="small"
                danger
                type="text"
                loading={remove.isPending && remove.variables?.id === m.id}
                aria-label={`移除 ${m.name}`}
              >
                移除
              </Button>
            </Popconfirm>
          </Space>
        ),
    });

  return (
    <Card
      title="成员"
      extra={
        isAdmin && (
          <Space>
            <Button type="primary" icon={<MailOutlined />} onClick={() => setInviting(true)} data-testid="member-invite">
              邀请成员
            </Button>
            <Button icon={<UserAddOutlined />} onClick={() => setAdding(true)} data-testid="member-add">
              添加成员
            </Button>
          </Space>
        )
      }
    >
      {refusal && (
        <Alert
          type="error"
          showIcon
          title={refusal}
          closable={{ onClose: () => setRefusal(null) }}
          style={{ marginBottom: 16 }}
          role="alert"
        />
      )}
      {error && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} />}
      <Table<Member>
        rowKey="id"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={isLoading}
        onRow={() => ({ 'data-testid': 'member-row' }) as HTMLAttributes<HTMLElement>}
        locale={{
          emptyText: (
            <Empty description={<span style={MUTED}>{isAdmin ? '还没有其他成员，点击“邀请成员”请同事加入。' : '暂无成员信息。'}</span>} />
          ),
        }}
        pagination={{
          current: data?.page ?? page,
          pageSize: data?.pageSize ?? pageSize,
          total: data?.total ?? 0,
          hideOnSinglePage: false,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50],
          showTotal: (total) => `共 ${total} 人`,
          onChange: (p, ps) => {
            setPage(p);
            setPageSize(ps);
          },
        }}
      />
      {isAdmin && (
        <>
          <InviteMemberModal
            organizationId={organizationId}
            open={inviting}
            onClose={() => setInviting(false)}
            onInvited={(m) => {
              setInviting(false);
              message.success(`已向 ${m.email} 发送邀请`);
              void refresh();
            }}
          />
          <AddMemberModal
            organizationId={organizationId}
            open={adding}
            onClose={() => setAdding(false)}
            onAdded={(m) => {
              setAdding(false);
              message.success(`已添加成员 ${m.name}`);
              void refresh();
            }}
          />
          <DisableMemberModal
            member={disabling}
            onClose={() => setDisabling(null)}
            onDone={(m) => {
              setDisabling(null);
              message.success(`已停用 ${m.name} 的账号`);
              void refresh();
            }}
          />
        </>
      )}
    </Card>
  );
}
