import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Empty, Form, Input, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { applyApiErrors, errorMessage } from '../../components/api-errors';
import { dateText } from '../../components/labels';
import RevisionChanges from '../catalog/RevisionChanges';
import { approveRevision, getRevision, rejectRevision, type RevisionView } from './ReviewApi';
import type { PageData } from './ReviewTables';

const itemLink = (r: RevisionView) => `/${r.itemType === 'need' ? 'needs' : 'results'}/${r.itemId}`;

/** After a decision: the revision queue and its count, the item (its page, lists and search), its history. */
const invalidateDecided = (qc: ReturnType<typeof useQueryClient>, r: RevisionView) =>
  qc.invalidateQueries({
    predicate: (q) =>
      q.queryKey[0] === 'review-revisions' ||
      q.queryKey.includes(r.itemId) ||
      q.queryKey.some((k) => typeof k === 'string' && (k.includes(r.itemType === 'need' ? 'needs' : 'results') || k.includes('search'))),
  });

interface TableProps {
  data: PageData<RevisionView> | undefined;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
  onOpen: (r: RevisionView) => void;
}

/** The revisions waiting for the bureau: which item, whose, which fields, since when. */
export function RevisionTable({ data, loading, page, pageSize, onPage, onOpen }: TableProps) {
  return (
    <Table<RevisionView>
      rowKey="id"
      loading={loading}
      dataSource={data?.items ?? []}
      locale={{ emptyText: <Empty description="没有待审核的修改，发布单位修改已发布的需求或成果后会出现在这里" /> }}
      onRow={(r) => ({ onClick: () => onOpen(r), style: { cursor: 'pointer' }, 'data-testid': 'revision-row' }) as never}
      pagination={{
        current: page,
        pageSize,
        total: data?.total ?? 0,
        showSizeChanger: true,
        onChange: onPage,
        showTotal: (t) => `共 ${t} 条`,
      }}
      columns={[
        {
          title: '条目',
          dataIndex: 'itemTitle',
          render: (t: string, r) => (
            <Button
              type="link"
              style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
              onClick={(e) => {
                e.stopPropagation();
                onOpen(r);
              }}
            >
              {t}
            </Button>
          ),
        },
        { title: '类型', dataIndex: 'itemTypeLabel', render: (v: string) => <Tag>{v}</Tag> },
        { title: '发布单位', dataIndex: 'organizationName', render: (v: string | null) => v ?? '—' },
        { title: '修改的字段', key: 'fields', render: (_: unknown, r) => r.changes.map((c) => c.label).join('、') },
        { title: '提交时间', dataIndex: 'updatedAt', render: (v: string) => dateText(v) },
      ]}
    />
  );
}

function RejectForm({ revision, onDone }: { revision: RevisionView; onDone: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<string | null>(null);
  const qc = useQueryClient();
  const { message } = App.useApp();
  const mutation = useMutation({
    mutationFn: (reason: string) => rejectRevision(revision.id, reason),
    onSuccess: async () => {
      message.success('已驳回修改，公开内容不变，发布单位会收到驳回原因');
      await invalidateDecided(qc, revision);
      onDone();
    },
    onError: (err) => setError(applyApiErrors(form, err)),
  });
  return (
    <Form form={form} layout="vertical" onFinish={(v) => mutation.mutate(v.reason.trim())} style={{ marginTop: 16 }}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
      <Form.Item
        name="reason"
        label="驳回原因（发布单位会看到）"
        rules={[
          { required: true, whitespace: true, message: '请填写驳回原因' },
          { max: 500, message: '驳回原因不超过 500 字' },
        ]}
      >
        <Input.TextArea rows={3} data-testid="revision-reject-reason" placeholder="说明哪些修改不能接受，便于对方调整后重新提交" />
      </Form.Item>
      <Button danger htmlType="submit" loading={mutation.isPending} data-testid="revision-reject-submit">
        确认驳回
      </Button>
    </Form>
  );
}

/** One revision: what the published item says now and what it would say, with the bureau's decision. */
export function RevisionDrawer({ id, initial, onClose }: { id: string | undefined; initial?: RevisionView; onClose: () => void }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [rejecting, setRejecting] = useState(false);
  const revision = useQuery({
    queryKey: ['review-revisions', 'one', id],
    queryFn: () => getRevision(id as string),
    enabled: !!id,
    placeholderData: initial,
  });
  const approval = useMutation({
    mutationFn: () => approveRevision(id as string),
    onSuccess: async (done) => {
      message.success('已通过修改，公开内容已更新，将按新内容重新匹配');
      await invalidateDecided(qc, done);
      close();
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  const close = () => {
    setRejecting(false);
    onClose();
  };
  const r = revision.data;
  const pending = r?.status === 'pending';
  return (
    <Drawer
      open={!!id}
      onClose={close}
      size="min(960px, 100vw)"
      title={r ? `${r.itemTypeLabel}的修改：${r.itemTitle}` : '修改'}
      destroyOnHidden
    >
      {revision.isError && <Alert type="error" showIcon title={errorMessage(revision.error)} role="alert" />}
      {!r && revision.isLoading && <Spin aria-label="正在加载" />}
      {r && (
        <>
          <Space wrap style={{ marginBottom: 16 }}>
            {pending ? (
              <>
                <Button type="primary" loading={approval.isPending} onClick={() => approval.mutate()} data-testid="revision-approve">
                  通过修改
                </Button>
                <Button danger onClick={() => setRejecting((v) => !v)} aria-expanded={rejecting} data-testid="revision-reject">
                  驳回
                </Button>
              </>
            ) : (
              <Typography.Text>当前状态：{r.statusLabel}，无需审核。</Typography.Text>
            )}
            <Link to={itemLink(r)} target="_blank">
              查看公开页面
            </Link>
          </Space>
          {pending && rejecting && <RejectForm revision={r} onDone={close} />}
          <Typography.Paragraph>
            {r.organizationName ?? '发布单位'} 于 {dateText(r.updatedAt)} 提交。通过后公开内容、搜索和匹配随之更新；驳回时公开内容不变。
          </Typography.Paragraph>
          <RevisionChanges changes={r.changes} decided={!pending} />
          {r.rejectReason && <Alert type="warning" showIcon style={{ marginTop: 16 }} title={`驳回原因：${r.rejectReason}`} />}
        </>
      )}
    </Drawer>
  );
}
