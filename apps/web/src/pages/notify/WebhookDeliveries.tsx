import { useQuery } from '@tanstack/react-query';
import { Alert, Empty, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { errorMessage } from '../../components/api-errors';
import { dateText } from '../../components/labels';
import { eventLabel, MUTED } from './event-labels';
import { ReadableTag } from './ReadableTag';

type Delivery = components['schemas']['WebhookDeliveryDto'];
type Attempt = components['schemas']['WebhookAttemptDto'];

const DELIVERY_STATUS: Record<Delivery['status'], { label: string; color: string }> = {
  pending: { label: '待投递', color: 'default' },
  sending: { label: '投递中', color: 'processing' },
  sent: { label: '已送达', color: 'success' },
  failed: { label: '失败', color: 'error' },
  unknown: { label: '结果未知', color: 'warning' },
  digest: { label: '并入每日汇总', color: 'default' },
};

const attemptColumns: TableColumnsType<Attempt> = [
  { title: '第几次', dataIndex: 'attempt', key: 'attempt', width: 80 },
  { title: '时间', dataIndex: 'at', key: 'at', render: (v: string) => dateText(v) },
  { title: 'HTTP 状态码', dataIndex: 'statusCode', key: 'statusCode', render: (v: number | null) => v ?? '无响应' },
  { title: '耗时', dataIndex: 'durationMs', key: 'durationMs', render: (v: number) => `${v} 毫秒` },
  { title: '错误', dataIndex: 'error', key: 'error', render: (v: string | null) => v ?? '—' },
];

/** One endpoint's deliveries, newest first as the API answers, each with every attempt. */
export function WebhookDeliveries({ webhookId }: { webhookId: string }) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const { data, isLoading, error } = useQuery({
    queryKey: ['webhooks', webhookId, 'deliveries', { page, pageSize }],
    queryFn: async () =>
      unwrap(await api.GET('/api/webhooks/{id}/deliveries', { params: { path: { id: webhookId }, query: { page, pageSize } } })),
  });

  const columns: TableColumnsType<Delivery> = [
    { title: '事件', dataIndex: 'eventType', key: 'eventType', render: (v: string) => eventLabel(v) },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      render: (v: Delivery['status']) => <ReadableTag color={DELIVERY_STATUS[v]?.color}>{DELIVERY_STATUS[v]?.label ?? v}</ReadableTag>,
    },
    { title: '尝试次数', key: 'attempts', render: (_, d) => d.attempts.length },
    { title: '创建时间', dataIndex: 'createdAt', key: 'createdAt', render: (v: string) => dateText(v) },
    { title: '送达时间', dataIndex: 'deliveredAt', key: 'deliveredAt', render: (v: string | null) => dateText(v) },
    { title: '最近错误', dataIndex: 'lastError', key: 'lastError', render: (v: string | null) => v ?? '—' },
  ];

  if (error) return <Alert type="error" showIcon title={errorMessage(error)} />;
  return (
    <Table<Delivery>
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={data?.items ?? []}
      loading={isLoading}
      data-testid="webhook-deliveries"
      expandable={{
        rowExpandable: (d) => d.attempts.length > 0,
        expandedRowRender: (d) => (
          <Table<Attempt> size="small" rowKey="attempt" columns={attemptColumns} dataSource={d.attempts} pagination={false} />
        ),
      }}
      locale={{
        emptyText: (
          <Empty description={<span style={MUTED}>还没有投递记录。所选事件发生后，平台会向该地址发送通知，投递结果显示在这里。</span>} />
        ),
      }}
      pagination={{
        current: data?.page ?? page,
        pageSize: data?.pageSize ?? pageSize,
        total: data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [10, 20, 50],
        showTotal: (total) => `共 ${total} 次投递`,
        onChange: (p, ps) => {
          setPage(p);
          setPageSize(ps);
        },
      }}
    />
  );
}
