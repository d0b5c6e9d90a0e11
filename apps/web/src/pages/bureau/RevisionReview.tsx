import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../components/api-errors';
import { dateText } from '../../components/labels';
import RevisionChanges from '../catalog/RevisionChanges';
import { approveRevision, getRevision, rejectRevision, type RevisionView } from './ReviewApi';
import RejectReasonForm from './RejectReasonForm';
import ReviewQueueTable, { openColumn, type QueuePageProps } from './ReviewQueueTable';

const itemLink = (r: RevisionView) => `/${r.itemType === 'need' ? 'needs' : 'results'}/${r.itemId}`;

/** After a decision: the revision queue and its count, the item (its page, lists and search), its history. */
const invalidateDecided = (qc: ReturnType<typeof useQueryClient>, r: RevisionView) =>
  qc.invalidateQueries({
    predicate: (q) =>
      q.queryKey[0] === 'review-revisions' ||
      q.queryKey.includes(r.itemId) ||
      q.queryKey.some((k) => typeof k === 'string' && (k.includes(r.itemType === 'need' ? 'needs' : 'results') || k.includes('search'))),
  });

/** The revisions waiting for the bureau: which item, whose, which fields, since when. */
export function RevisionTable(props: QueuePageProps<RevisionView>) {
  return (
    <ReviewQueueTable<RevisionView>
      {...props}
      empty="没有待审核的修改，发布单位修改已发布的需求或成果后会出现在这里"
      rowTestId="revision-row"
      columns={[
        openColumn('条目', 'itemTitle', props.onOpen),
        { title: '类型', dataIndex: 'itemTypeLabel', render: (v: string) => <Tag>{v}</Tag> },
        { title: '发布单位', dataIndex: 'organizationName', render: (v: string | null) => v ?? '—' },
        { title: '修改的字段', key: 'fields', render: (_: unknown, r) => r.changes.map((c) => c.label).join('、') },
        { title: '提交时间', dataIndex: 'updatedAt', render: (v: string) => dateText(v) },
      ]}
    />
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
          {pending && rejecting && (
            <RejectReasonForm
              testId="revision-reject"
              placeholder="说明哪些修改不能接受，便于对方调整后重新提交"
              onReject={async (reason) => {
                await rejectRevision(r.id, reason);
                message.success('已驳回修改，公开内容不变，发布单位会收到驳回原因');
                await invalidateDecided(qc, r);
              }}
              onDone={close}
            />
          )}
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
