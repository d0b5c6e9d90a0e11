import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Select, Space, Spin, Switch, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { errorMessage } from '../../components/api-errors';
import { EVENT_LABELS, MUTED, type SubscribableEventType } from './event-labels';

type Setting = components['schemas']['PreferenceSettingDto'];
type Mode = Setting['mode'];
type Channel = Setting['channel'];

interface Row {
  eventType: SubscribableEventType;
  group: string;
  label: string;
  inbox: Mode;
  email: Mode;
  digestAllowed: boolean;
  /** Rows the group cell spans (0: covered by the row above). */
  groupSpan?: number;
}

const key = (eventType: string, channel: Channel) => `${eventType}\u0001${channel}`;

/** One row per event from the API's flat list of (event, channel, mode). */
function toRows(items: Setting[], edits: Map<string, Mode>): Row[] {
  const rows = new Map<string, Row>();
  for (const s of items) {
    const names = EVENT_LABELS[s.eventType] ?? { group: '其他', label: s.eventType };
    const row = rows.get(s.eventType) ?? {
      eventType: s.eventType,
      group: names.group,
      label: names.label,
      inbox: 'instant' as Mode,
      email: 'instant' as Mode,
      digestAllowed: false,
    };
    row[s.channel] = edits.get(key(s.eventType, s.channel)) ?? s.mode;
    if (s.channel === 'email') row.digestAllowed = s.digestAllowed;
    rows.set(s.eventType, row);
  }
  // Grouped as in EVENT_LABELS (the API lists them in its own order); the first of a group spans it.
  const order = Object.keys(EVENT_LABELS);
  const groups = [...new Set(order.map((k) => EVENT_LABELS[k as SubscribableEventType].group))];
  const sorted = [...rows.values()].sort(
    (x, y) => groups.indexOf(x.group) - groups.indexOf(y.group) || order.indexOf(x.eventType) - order.indexOf(y.eventType),
  );
  const span = (i: number): number => {
    if (i > 0 && sorted[i - 1].group === sorted[i].group) return 0;
    let n = 1;
    while (i + n < sorted.length && sorted[i + n].group === sorted[i].group) n += 1;
    return n;
  };
  return sorted.map((r, i) => ({ ...r, groupSpan: span(i) }));
}

export default function PreferencesPage() {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [edits, setEdits] = useState<Map<string, Mode>>(new Map());
  const [saveError, setSaveError] = useState<string | null>(null);

  const { data, isLoading, error } = useQuery({
    queryKey: ['notifications', 'preferences'],
    queryFn: async () => unwrap(await api.GET('/api/notifications/preferences')),
  });

  const stored = useMemo(() => new Map((data?.items ?? []).map((s) => [key(s.eventType, s.channel), s.mode])), [data]);
  const changed = [...edits].filter(([k, mode]) => stored.get(k) !== mode);
  const rows = useMemo(() => toRows(data?.items ?? [], edits), [data, edits]);

  const set = (eventType: string, channel: Channel, mode: Mode) => setEdits((prev) => new Map(prev).set(key(eventType, channel), mode));

  const save = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.PUT('/api/notifications/preferences', {
          body: {
            items: changed.map(([k, mode]) => {
              const [eventType, channel] = k.split('\u0001') as [SubscribableEventType, Channel];
              return { eventType, channel, mode };
            }),
          },
        }),
      ),
    onSuccess: (saved) => {
      qc.setQueryData(['notifications', 'preferences'], saved);
      setEdits(new Map());
      setSaveError(null);
      message.success('通知设置已保存');
    },
    onError: (err) => setSaveError(errorMessage(err)),
  });

  const columns: TableColumnsType<Row> = [
    { title: '类别', dataIndex: 'group', key: 'group', width: 130, onCell: (r) => ({ rowSpan: r.groupSpan }) },
    { title: '通知', dataIndex: 'label', key: 'label' },
    {
      title: '站内信',
      key: 'inbox',
      width: 120,
      render: (_, r) => (
        <Switch
          checked={r.inbox !== 'off'}
          onChange={(on) => set(r.eventType, 'inbox', on ? 'instant' : 'off')}
          aria-label={`${r.label}：站内信`}
          checkedChildren="接收"
          unCheckedChildren="不接收"
        />
      ),
    },
    {
      title: '邮件',
      key: 'email',
      width: 200,
      render: (_, r) => (
        <Select<Mode>
          value={r.email}
          onChange={(mode) => set(r.eventType, 'email', mode)}
          aria-label={`${r.label}：邮件`}
          style={{ width: 160 }}
          options={[
            { value: 'instant', label: '即时发送' },
            ...(r.digestAllowed ? [{ value: 'digest' as Mode, label: '每日汇总' }] : []),
            { value: 'off', label: '不接收' },
          ]}
        />
      ),
    },
  ];

  return (
    <div>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        通知设置
      </Typography.Title>
      <Typography.Paragraph style={MUTED}>
        按通知类型选择是否接收站内信、邮件，以及邮件的发送方式。“每日汇总”仅适用于供需匹配通知的邮件：当天的匹配合并成一封邮件发送。
        单位对接外部系统请使用{' '}
        <Link style={{ textDecoration: 'underline' }} to="/webhooks">
          Webhook
        </Link>
        。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} />}
      {saveError && <Alert type="error" showIcon title={saveError} style={{ marginBottom: 16 }} role="alert" />}
      {isLoading ? (
        <Spin style={{ display: 'block', margin: '48px auto' }} />
      ) : (
        <Table<Row> rowKey="eventType" columns={columns} dataSource={rows} pagination={false} size="middle" />
      )}
      <Space
        style={{
          position: 'sticky',
          bottom: 0,
          zIndex: 2,
          width: '100%',
          marginTop: 16,
          padding: '12px 0',
          background: '#f5f5f5',
        }}
      >
        <Button
          type="primary"
          onClick={() => save.mutate()}
          loading={save.isPending}
          disabled={changed.length === 0}
          data-testid="preferences-save"
        >
          保存设置
        </Button>
        <Button onClick={() => setEdits(new Map())} disabled={changed.length === 0 || save.isPending}>
          撤销修改
        </Button>
        {changed.length > 0 && <span style={MUTED}>有 {changed.length} 项修改尚未保存</span>}
      </Space>
    </div>
  );
}
