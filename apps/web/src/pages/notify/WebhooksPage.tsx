import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Empty, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { useSession } from '../../auth/session';
import { errorMessage } from '../../components/api-errors';
import { dateText } from '../../components/labels';
import { eventLabel, MUTED } from './event-labels';
import { SecretModal, WebhookCreateModal } from './WebhookCreateModal';
import { WebhookDeliveries } from './WebhookDeliveries';
import { ReadableTag } from './ReadableTag';

type Endpoint = components['schemas']['WebhookEndpointDto'];
type Registered = components['schemas']['RegisteredWebhookDto'];

export default function WebhooksPage() {
  const { me, isAdmin } = useSession();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);
  const [secretOf, setSecretOf] = useState<Registered | null>(null);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);

  const { data, isLoading, error } = useQuery({
    queryKey: ['webhooks', 'list'],
    enabled: isAdmin,
    queryFn: async () => unwrap(await api.GET('/api/webhooks')),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['webhooks', 'list'] });

  const remove = useMutation({
    mutationFn: async (id: string) => unwrap(await api.DELETE('/api/webhooks/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      message.success('Webhook 地址已删除');
      void refresh();
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  const enable = useMutation({
    mutationFn: async (id: string) => unwrap(await api.POST('/api/webhooks/{id}/enable', { params: { path: { id } } })),
    onSuccess: () => {
      message.success('Webhook 地址已重新启用');
      void refresh();
    },
    onError: (err) => message.error(errorMessage(err)),
  });

  if (!isAdmin) {
    return (
      <div>
        <Typography.Title level={1} style={{ fontSize: 24 }}>
          Webhook
        </Typography.Title>
        <Alert
          type="info"
          showIcon
          title="仅本单位管理员可以管理 Webhook"
          description={`如需把平台通知推送到${me?.organization.name ?? '本单位'}的业务系统，请联系本单位管理员登记 Webhook 地址。`}
        />
      </div>
    );
  }

  const columns: TableColumnsType<Endpoint> = [
    {
      title: '接收地址',
      dataIndex: 'url',
      key: 'url',
      render: (url: string, w) => (
        <div>
          <Typography.Text code style={{ wordBreak: 'break-all' }}>
            {url}
          </Typography.Text>
          {w.description && <div style={MUTED}>{w.description}</div>}
        </div>
      ),
    },
    {
      title: '事件',
      dataIndex: 'eventTypes',
      key: 'eventTypes',
      render: (types: string[]) =>
        types.length === 0 ? (
          '所有事件'
        ) : (
          <Space size={[4, 4]} wrap>
            {types.map((t) => (
              <Tag key={t}>{eventLabel(t)}</Tag>
            ))}
          </Space>
        ),
    },
    {
      title: '状态',
      key: 'enabled',
      render: (_, w) =>
        w.enabled ? (
          <ReadableTag color="success">启用</ReadableTag>
        ) : (
          <div>
            <ReadableTag color="error">已停用</ReadableTag>
            <div style={MUTED}>
              {dateText(w.disabledAt)}
              {w.disabledReason && `：${w.disabledReason}`}
            </div>
          </div>
        ),
    },
    { title: '连续失败', dataIndex: 'consecutiveFailures', key: 'consecutiveFailures', width: 90 },
    { title: '登记时间', dataIndex: 'createdAt', key: 'createdAt', render: (v: string) => dateText(v) },
    {
      title: '操作',
      key: 'actions',
      render: (_, w) => (
        <Space wrap>
          {!w.enabled && (
            <Button size="small" onClick={() => enable.mutate(w.id)} loading={enable.isPending && enable.variables === w.id}>
              重新启用
            </Button>
          )}
          <Popconfirm
            title="删除该 Webhook 地址？"
            description="删除后平台不再向该地址发送通知，投递记录一并删除。"
            okText="删除"
            okButtonProps={{ danger: true }}
            cancelText="取消"
            onConfirm={() => remove.mutateAsync(w.id).catch(() => undefined)}
          >
            <Button size="small" danger loading={remove.isPending && remove.variables === w.id}>
              删除
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  const items = data ?? [];
  return (
    <div>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        Webhook
      </Typography.Title>
      <Typography.Paragraph style={MUTED}>
        登记本单位业务系统的接收地址，平台会在审核、对接、匹配等事件发生时推送通知。每个地址的投递记录可在展开行中查看。
      </Typography.Paragraph>
      <Button
        type="primary"
        icon={<PlusOutlined />}
        onClick={() => setCreating(true)}
        style={{ marginBottom: 16 }}
        data-testid="webhook-create"
      >
        登记 Webhook
      </Button>
      {error && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} />}
      <Table<Endpoint>
        rowKey="id"
        columns={columns}
        dataSource={items}
        loading={isLoading}
        expandable={{
          expandedRowRender: (w) => <WebhookDeliveries webhookId={w.id} />,
          expandIcon: ({ expanded, onExpand, record }) => (
            <Button size="small" type="link" onClick={(e) => onExpand(record, e)} aria-expanded={expanded}>
              {expanded ? '收起记录' : '投递记录'}
            </Button>
          ),
        }}
        locale={{
          emptyText: (
            <Empty
              description={
                <span style={MUTED}>本单位还没有登记 Webhook 地址。点击“登记 Webhook”填写接收地址，即可把平台通知推送到业务系统。</span>
              }
            />
          ),
        }}
        pagination={{
          current: page,
          pageSize,
          total: items.length,
          hideOnSinglePage: true,
          onChange: (p, ps) => {
            setPage(p);
            setPageSize(ps);
          },
        }}
      />
      <WebhookCreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(w) => {
          setCreating(false);
          setSecretOf(w);
          void refresh();
        }}
      />
      <SecretModal webhook={secretOf} onClose={() => setSecretOf(null)} />
    </div>
  );
}
