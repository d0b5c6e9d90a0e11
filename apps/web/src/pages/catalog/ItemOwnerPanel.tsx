import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useSession } from '../../auth/session';
import { errorMessage } from '../../components/api-errors';
import { dateText } from '../../components/labels';
import {
  closeItem,
  editable,
  getItem,
  getQuality,
  invalidateItem,
  itemKey,
  historyKey,
  itemPath,
  KIND_TEXT,
  latestRevision,
  qualityKey,
  revisable,
  revisionKey,
  submitItem,
  withdrawRevision,
  type ItemKind,
  type RevisionView,
} from './ItemApi';
import ItemHistory from './ItemHistory';
import RevisionChanges from './RevisionChanges';
import { QualityHints, QualityScore } from './ItemQuality';
import ItemTheme from './ItemTheme';
import { StatusTag } from './ItemTags';

/**
 * Below a need's or result's public details, for its own organization (and the bureau): its
 * state, why it was rejected, its quality check, what can be done next, and its history.
 */
export default function ItemOwnerPanel({ kind, id }: { kind: 'need' | 'result'; id: string }) {
  const { me, isBureau } = useSession();
  const item = useQuery({ queryKey: itemKey(kind, id), queryFn: () => getItem(kind, id), enabled: !!me });
  const data = item.data;
  const owner = !!me && !!data && data.organizationId === me.organization.id;
  if (!data || !(owner || isBureau)) return null;
  return <Panel kind={kind} id={id} owner={owner} />;
}

function Panel({ kind, id, owner }: { kind: ItemKind; id: string; owner: boolean }) {
  const t = KIND_TEXT[kind];
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [closing, setClosing] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [form] = Form.useForm<{ reason?: string }>();
  const item = useQuery({ queryKey: itemKey(kind, id), queryFn: () => getItem(kind, id) });
  const status = item.data?.status ?? 'draft';
  const quality = useQuery({ queryKey: qualityKey(kind, id), queryFn: () => getQuality(kind, id), enabled: status !== 'closed' });
  const revision = useQuery({ queryKey: revisionKey(kind, id), queryFn: () => latestRevision(kind, id), enabled: revisable(status) });

  const submit = useMutation({
    mutationFn: () => submitItem(kind, id),
    onMutate: () => setSubmitError(null),
    onSuccess: async (done) => {
      qc.setQueryData(itemKey(kind, id), done);
      await invalidateItem(qc, kind, id);
      message.success('已提交审核，科技局审核通过后将公开发布');
    },
    onError: (err) => {
      setSubmitError(errorMessage(err));
      void qc.invalidateQueries({ queryKey: qualityKey(kind, id) });
    },
  });
  const close = useMutation({
    mutationFn: (reason?: string) => closeItem(kind, id, reason),
    onSuccess: async (done) => {
      qc.setQueryData(itemKey(kind, id), done);
      await invalidateItem(qc, kind, id);
      setClosing(false);
      form.resetFields();
      message.success(`${t.noun}已关闭`);
    },
  });

  const data = item.data;
  if (!data) return null;
  const canClose = owner ? status !== 'closed' : status === 'published';
  return (
    <ItemTheme>
      <Card title={owner ? `本单位的${t.noun}管理` : `${t.noun}管理（科技局）`} style={{ marginTop: 24 }} data-testid="item-owner-panel">
        <Descriptions column={{ xs: 1, md: 2 }} size="small" style={{ marginBottom: 16 }}>
          <Descriptions.Item label="当前状态">
            <StatusTag status={status} label={data.statusLabel} data-testid="item-status" />
          </Descriptions.Item>
          <Descriptions.Item label="最后修改">{dateText(data.updatedAt)}</Descriptions.Item>
          {data.submittedAt && <Descriptions.Item label="提交审核">{dateText(data.submittedAt)}</Descriptions.Item>}
          {data.publishedAt && <Descriptions.Item label="发布时间">{dateText(data.publishedAt)}</Descriptions.Item>}
          {data.closedAt && <Descriptions.Item label="关闭时间">{dateText(data.closedAt)}</Descriptions.Item>}
        </Descriptions>
        {status === 'rejected' && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title="科技局驳回了这条内容"
            description={`驳回原因：${data.rejectReason ?? '未写明'}。请按原因修改后重新提交审核。`}
          />
        )}
        {status === 'submitted' && (
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title="正在等待科技局审核，审核期间不能修改；通过后即公开发布。" />
        )}
        {revisable(status) && revision.data && <RevisionNotice kind={kind} id={id} revision={revision.data} owner={owner} />}
        {quality.data && status !== 'closed' && (
          <div style={{ marginBottom: 16 }}>
            <QualityScore report={quality.data} size={88} beforeSubmit={editable(status)} />
            <div style={{ marginTop: 8 }}>
              <QualityHints hints={quality.data.hints} />
            </div>
          </div>
        )}
        {submitError && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={submitError}
            style={{ marginBottom: 16 }}
            closable={{ onClose: () => setSubmitError(null) }}
          />
        )}
        <Space wrap style={{ marginBottom: 24 }}>
          {owner && (editable(status) || revisable(status)) && (
            <Button onClick={() => navigate(`${itemPath(kind, id)}/edit`)} data-testid="owner-edit">
              {revisable(status) ? (revision.data?.status === 'pending' ? '继续修改' : '修改（需审核）') : '编辑'}
            </Button>
          )}
          {owner && editable(status) && (
            <Button type="primary" loading={submit.isPending} onClick={() => submit.mutate()} data-testid="owner-submit">
              提交审核
            </Button>
          )}
          {status === 'published' && (
            <Button
              type={owner ? 'primary' : 'default'}
              onClick={() => navigate(`${itemPath(kind, id)}/matches`)}
              data-testid="owner-matches"
            >
              查看匹配
            </Button>
          )}
          {canClose && (
            <Button danger onClick={() => setClosing(true)} data-testid="owner-close">
              关闭
            </Button>
          )}
          {owner && <Link to={t.mine}>返回{t.myTitle}</Link>}
        </Space>
        <Typography.Title level={2} style={{ fontSize: 16 }}>
          变更记录
        </Typography.Title>
        <ItemHistory kind={kind} id={id} />
      </Card>
      <Modal
        title={`关闭${t.noun}`}
        open={closing}
        okText="确认关闭"
        okButtonProps={{ danger: true, loading: close.isPending }}
        cancelText="取消"
        onOk={() =>
          form
            .validateFields()
            .then((v) => close.mutate(v.reason))
            .catch(() => undefined)
        }
        onCancel={() => {
          setClosing(false);
          close.reset();
        }}
        forceRender
      >
        <Typography.Paragraph>关闭后{t.noun}不再参与匹配，也不能重新打开。</Typography.Paragraph>
        {close.isError && <Alert type="error" showIcon title={errorMessage(close.error)} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical">
          <Form.Item name="reason" label="关闭原因（选填）" rules={[{ max: 500, message: '不能超过 500 个字符' }]}>
            <Input.TextArea rows={3} maxLength={500} showCount placeholder={kind === 'need' ? '如：需求已解决' : '如：成果已转让'} />
          </Form.Item>
        </Form>
      </Modal>
    </ItemTheme>
  );
}

/**
 * A published item's revision (修改): pending — the owner sees what it changes and may withdraw it,
 * the bureau is sent to its queue — or, last turned down, why.
 */
function RevisionNotice({ kind, id, revision, owner }: { kind: ItemKind; id: string; revision: RevisionView; owner: boolean }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const withdraw = useMutation({
    mutationFn: () => withdrawRevision(revision.id),
    onSuccess: async (done) => {
      qc.setQueryData(revisionKey(kind, id), done);
      await qc.invalidateQueries({ queryKey: historyKey(kind, id) });
      message.success('已撤回修改，公开内容保持不变');
    },
  });
  if (revision.status === 'rejected') {
    return (
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="revision-rejected"
        title={`最近一次修改未通过科技局审核（${dateText(revision.decidedAt)}），公开的仍是原内容`}
        description={`驳回原因：${revision.rejectReason ?? '未写明'}。可以修改后重新提交审核。`}
      />
    );
  }
  if (revision.status !== 'pending') return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="revision-pending"
      title={owner ? '有待审核的修改：科技局审核通过前，公开的仍是原内容' : '发布单位提交了修改，等待审核'}
      description={
        <>
          <Typography.Paragraph style={{ marginBottom: 8 }}>提交于 {dateText(revision.updatedAt)}，修改的内容：</Typography.Paragraph>
          <RevisionChanges changes={revision.changes} />
          {withdraw.isError && <Alert type="error" showIcon title={errorMessage(withdraw.error)} style={{ marginTop: 8 }} />}
          <Space style={{ marginTop: 8 }}>
            {owner ? (
              <Button onClick={() => withdraw.mutate()} loading={withdraw.isPending} data-testid="revision-withdraw">
                撤回修改
              </Button>
            ) : (
              <Link to={`/bureau/review?tab=revisions&open=${revision.id}`}>去审核这份修改</Link>
            )}
          </Space>
        </>
      }
    />
  );
}
