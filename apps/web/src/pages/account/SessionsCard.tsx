import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Popconfirm, Space, Table, Tag, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import { useNavigate } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { useSession } from '../../auth/session';
import { errorMessage } from '../../components/api-errors';
import { dateText } from '../../components/labels';
import { deviceName } from './user-agent';

type Session = components['schemas']['SessionViewDto'];

/** Where the account is signed in; any device can be signed out from here (this one too). */
export function SessionsCard() {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const { data, isLoading, error } = useQuery({
    queryKey: ['auth', 'sessions'],
    queryFn: async () => unwrap(await api.GET('/api/auth/sessions')),
  });

  const revoke = useMutation({
    mutationFn: async (s: Session) => {
      unwrap(await api.DELETE('/api/auth/sessions/{id}', { params: { path: { id: s.id } } }));
      return s;
    },
    onSuccess: async (s) => {
      if (s.current) {
        await signOut();
        navigate('/login', { replace: true });
        return;
      }
      message.success(`已退出${deviceName(s.userAgent)}上的登录`);
      await qc.invalidateQueries({ queryKey: ['auth', 'sessions'] });
    },
    onError: (err) => message.error(errorMessage(err)),
  });

  const columns: TableColumnsType<Session> = [
    {
      title: '设备',
      key: 'device',
      render: (_v, s) => (
        <Space size={4} wrap>
          <Tooltip title={s.userAgent ?? '未记录'}>
            <span>{deviceName(s.userAgent)}</span>
          </Tooltip>
          {s.current && <Tag color="blue">本机</Tag>}
        </Space>
      ),
    },
    { title: '网络地址', dataIndex: 'ip', key: 'ip', render: (v: string | null) => v ?? '—' },
    { title: '登录时间', dataIndex: 'createdAt', key: 'createdAt', render: (v: string) => dateText(v) },
    { title: '最近使用', dataIndex: 'lastUsedAt', key: 'lastUsedAt', render: (v: string) => dateText(v) },
    {
      title: '操作',
      key: 'actions',
      render: (_v, s) => (
        <Popconfirm
          title={s.current ? '退出本机的登录？' : `退出${deviceName(s.userAgent)}上的登录？`}
          description={s.current ? '退出后需要重新登录。' : '该设备需要重新登录才能继续使用。'}
          okText="退出"
          cancelText="取消"
          onConfirm={() => revoke.mutateAsync(s).catch(() => undefined)}
        >
          <Button size="small" danger loading={revoke.isPending && revoke.variables?.id === s.id}>
            退出登录
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <Card title="登录设备">
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title="以下是当前账号的有效登录。如有不认识的设备，请将其退出并修改密码。" />
      {error && <Alert type="error" showIcon role="alert" title={errorMessage(error)} style={{ marginBottom: 16 }} />}
      <Table<Session>
        rowKey="id"
        size="middle"
        loading={isLoading}
        columns={columns}
        dataSource={data ?? []}
        pagination={false}
        scroll={{ x: 720 }}
        locale={{ emptyText: '没有有效的登录' }}
        data-testid="sessions"
      />
    </Card>
  );
}
