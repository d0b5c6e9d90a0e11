import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Badge, Button, Empty, List, Radio, Space, Tag, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { errorMessage } from '../../components/api-errors';
import { dateText } from '../../components/labels';
import { eventLabel, MUTED } from './event-labels';
import { ReadableTag } from './ReadableTag';

type Notification = components['schemas']['NotificationDto'];

/** The API links to the portal's own pages with absolute URLs: stay in the app. */
function inAppPath(link: string): string {
  try {
    const url = new URL(link, window.location.origin);
    return url.pathname + url.search + url.hash;
  } catch {
    return link;
  }
}

export default function InboxPage() {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get('unread') === '1';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.min(100, Math.max(1, Number(params.get('pageSize')) || 20));

  const setQuery = (next: Record<string, string | undefined>) => {
    const merged = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v === undefined) merged.delete(k);
      else merged.set(k, v);
    }
    setParams(merged, { replace: true });
  };

  const { data, isLoading, error } = useQuery({
    queryKey: ['notifications', 'list', { unreadOnly, page, pageSize }],
    queryFn: async () =>
      unwrap(await api.GET('/api/notifications', { params: { query: { unreadOnly: unreadOnly || undefined, page, pageSize } } })),
  });

  // Every key under ['notifications'] — the list and the header bell's ['notifications', 'unread-count'].
  const refresh = () => qc.invalidateQueries({ queryKey: ['notifications'] });

  const markRead = useMutation({
    mutationFn: async (id: string) => unwrap(await api.POST('/api/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: () => refresh(),
    onError: (err) => message.error(errorMessage(err)),
  });
  const markAll = useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/notifications/read-all')),
    onSuccess: (r) => {
      message.success(r.updated ? `已将 ${r.updated} 条通知标为已读` : '没有未读通知');
      void refresh();
    },
    onError: (err) => message.error(errorMessage(err)),
  });

  const open = (n: Notification) => {
    if (!n.link) return;
    if (!n.read) markRead.mutate(n.id);
    navigate(inAppPath(n.link));
  };

  return (
    <div>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        通知
      </Typography.Title>
      <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <Radio.Group
          aria-label="显示范围"
          optionType="button"
          value={unreadOnly ? 'unread' : 'all'}
          onChange={(ev) => setQuery({ unread: ev.target.value === 'unread' ? '1' : undefined, page: undefined })}
          options={[
            { value: 'all', label: '全部通知' },
            { value: 'unread', label: '仅未读' },
          ]}
        />
        <Space wrap>
          <Button onClick={() => markAll.mutate()} loading={markAll.isPending} data-testid="notifications-read-all">
            全部标为已读
          </Button>
          <Link to="/notifications/preferences">通知设置</Link>
        </Space>
      </Space>
      {error && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} />}
      <List<Notification>
        bordered
        loading={isLoading}
        dataSource={data?.items ?? []}
        locale={{
          emptyText: (
            <Empty
              description={
                <span style={MUTED}>
                  {unreadOnly ? '没有未读通知，可以切换到“全部通知”查看以往的通知。' : '还没有通知。'}
                  审核结果、对接请求、供需匹配等消息会出现在这里；可以在
                  <Link to="/notifications/preferences" style={{ textDecoration: 'underline' }}>
                    通知设置
                  </Link>
                  中选择接收哪些通知。
                </span>
              }
            />
          ),
        }}
        pagination={{
          current: data?.page ?? page,
          pageSize: data?.pageSize ?? pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50],
          showTotal: (total) => `共 ${total} 条`,
          onChange: (p, ps) => setQuery({ page: String(p), pageSize: String(ps) }),
        }}
        renderItem={(n) => (
          <List.Item
            data-testid="notification-item"
            style={{ background: n.read ? undefined : '#f0f6ff', alignItems: 'flex-start' }}
            actions={[
              n.link ? (
                <Button key="open" type="link" onClick={() => open(n)} aria-label={`查看：${n.title}`}>
                  查看
                </Button>
              ) : null,
              !n.read ? (
                <Button
                  key="read"
                  type="link"
                  loading={markRead.isPending && markRead.variables === n.id}
                  onClick={() => markRead.mutate(n.id)}
                  aria-label={`标为已读：${n.title}`}
                >
                  标为已读
                </Button>
              ) : null,
            ].filter(Boolean)}
          >
            <List.Item.Meta
              title={
                <Space size={8} wrap>
                  {!n.read && <Badge status="processing" aria-hidden />}
                  <span style={{ fontWeight: n.read ? 400 : 600 }}>{n.title}</span>
                  {!n.read && <ReadableTag color="blue">未读</ReadableTag>}
                  <Tag>{eventLabel(n.eventType)}</Tag>
                </Space>
              }
              description={
                <div style={{ color: 'rgba(0, 0, 0, 0.75)' }}>
                  <div style={{ whiteSpace: 'pre-wrap' }}>{n.body}</div>
                  <div style={{ ...MUTED, marginTop: 4 }}>
                    <time dateTime={n.createdAt}>{dateText(n.createdAt)}</time>
                    {n.read && n.readAt && ` · 已读于 ${dateText(n.readAt)}`}
                  </div>
                </div>
              }
            />
          </List.Item>
        )}
      />
    </div>
  );
}
