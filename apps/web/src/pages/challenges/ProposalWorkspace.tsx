import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Breadcrumb, Button, Card, Flex, Form, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { useSession } from '../../auth/session';
import { errorMessage } from '../../components/api-errors';
import { dateText } from '../../components/labels';
import {
  type Challenge,
  Muted,
  type Proposal,
  ProposalStatusTag,
  ToneTag,
  useOrganizationName,
  windowState,
  windowText,
  UNDERLINE,
} from './ChallengeShared';
import ProposalAttachments from './ProposalAttachments';
import ProposalForm, { applyProposalErrors, toBody, toValues, type ProposalValues } from './ProposalForm';
import ProposalOutcome from './ProposalOutcome';
import ProposalSummary from './ProposalSummary';

interface Page {
  items: Proposal[];
  total: number;
  page: number;
  pageSize: number;
}

interface Props {
  challenge: Challenge;
  proposal: Proposal | null;
  /** A proposal of another organization this one joined as a partner. */
  joined?: Proposal | null;
  onCreated?: (p: Proposal) => void;
}

/** One proposal: its form (editable by the lead organization until the deadline), attachments, submission and outcome. */
export default function ProposalWorkspace({ challenge: c, proposal: p, joined, onCreated }: Props) {
  const { me, isBureau } = useSession();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProposalValues>();
  const [error, setError] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  // The form starts from the proposal as loaded; later answers never overwrite what is being typed.
  const [initial] = useState(() => toValues(c, p));
  const leadName = useOrganizationName(p && p.organizationId !== me?.organization.id ? p.organizationId : null);

  const owner = !!me && !isBureau && (!p || p.organizationId === me.organization.id);
  const open = windowState(c) === 'open';
  const editable = owner && me?.organization.status === 'verified' && open && (!p || ['draft', 'submitted'].includes(p.status));

  /** Puts the API's answer where both routes read it, then refreshes the lists. */
  const store = (saved: Proposal) => {
    qc.setQueryData(['proposal', saved.id], saved);
    qc.setQueryData<Page>(['challenge-proposals', c.id, 'mine'], (old) => {
      if (!old) return old;
      const has = old.items.some((x) => x.id === saved.id);
      return {
        ...old,
        items: has ? old.items.map((x) => (x.id === saved.id ? saved : x)) : [saved, ...old.items],
        total: old.total + (has ? 0 : 1),
      };
    });
    void qc.invalidateQueries({ queryKey: ['challenge-proposals', c.id] });
  };

  const save = useMutation({
    mutationFn: async (v: ProposalValues) => {
      const body = toBody(v);
      if (p) return unwrap(await api.PATCH('/api/proposals/{id}', { params: { path: { id: p.id } }, body }));
      return unwrap(await api.POST('/api/challenges/{id}/proposals', { params: { path: { id: c.id } }, body }));
    },
  });
  const withdraw = useMutation({
    mutationFn: async (id: string) => unwrap(await api.POST('/api/proposals/{id}/withdraw', { params: { path: { id } } })),
    onMutate: () => setError(null),
    onSuccess: (saved) => {
      store(saved);
      message.success('揭榜申请已撤回');
    },
    onError: (err) => setError(errorMessage(err)),
  });

  const showFieldErrors = (err: unknown) => {
    setError(applyProposalErrors(form, err) ?? '请按标红处的提示修改后再保存');
    const first = form.getFieldsError().find((f) => f.errors.length);
    if (first) form.scrollToField(first.name, { block: 'center' });
  };

  /** Creates the draft on the first save, then updates it; the values stay in the form on a refusal. */
  const persist = async (v: ProposalValues): Promise<Proposal | null> => {
    setError(null);
    try {
      const saved = await save.mutateAsync(v);
      store(saved);
      if (!p) onCreated?.(saved);
      setDirty(false);
      return saved;
    } catch (err) {
      showFieldErrors(err);
      return null;
    }
  };

  const onSave = async (v: ProposalValues) => {
    if (await persist(v)) message.success(p ? '已保存修改' : '草稿已保存，可继续上传附件并提交');
  };

  const onSubmit = async () => {
    let v: ProposalValues;
    try {
      v = await form.validateFields();
    } catch {
      setError('请按标红处的提示补全申请后再提交');
      const first = form.getFieldsError().find((f) => f.errors.length);
      if (first) form.scrollToField(first.name, { block: 'center' });
      return;
    }
    setSubmitting(true);
    try {
      const saved = !p || dirty ? await persist(v) : p;
      if (!saved) return;
      const submitted = unwrap(await api.POST('/api/proposals/{id}/submit', { params: { path: { id: saved.id } } }));
      store(submitted);
      message.success('揭榜申请已提交');
    } catch (err) {
      showFieldErrors(err);
    } finally {
      setSubmitting(false);
    }
  };

  const showForm = !!p || editable;
  return (
    <div style={{ maxWidth: 1000, margin: '0 auto' }}>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { title: <Link to="/challenges">揭榜挂帅</Link> },
          { title: <Link to={`/challenges/${c.id}`}>{c.title}</Link> },
          { title: '揭榜申请' },
        ]}
      />
      <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
        {owner ? '我的揭榜申请' : '揭榜申请'}
      </Typography.Title>
      <Flex vertical gap={16}>
        <Space wrap size={[12, 8]}>
          <span>
            榜单：
            <Link to={`/challenges/${c.id}`} style={UNDERLINE}>
              {c.title}
            </Link>
          </span>
          <span>
            申请状态：
            {p ? (
              <ProposalStatusTag status={p.status} testId="proposal-status" />
            ) : (
              <ToneTag tone="grey" testId="proposal-status">
                未保存
              </ToneTag>
            )}
          </span>
          {dirty && editable && <ToneTag tone="orange">有未保存的修改</ToneTag>}
          {p && <Muted>最近保存于 {dateText(p.updatedAt)}</Muted>}
          <Muted>{windowText(c)}</Muted>
        </Space>
        {p && !owner && <Alert type="info" showIcon title={`牵头单位：${leadName.data ?? '加载中…'}。本页只读，由牵头单位填写和提交。`} />}
        {joined && (
          <Alert
            type="info"
            showIcon
            title={
              <span>
                本单位已作为联合体成员参与一份申请（
                <ProposalStatusTag status={joined.status} />
                ）。
                <Link to={`/proposals/${joined.id}`} style={UNDERLINE}>
                  查看该申请
                </Link>
              </span>
            }
          />
        )}
        <ProposalOutcome proposal={p} challenge={c} />
        {owner && me?.organization.status !== 'verified' && <Alert type="warning" showIcon title="本单位通过科技局认证后才能揭榜。" />}
        {error && <Alert type="error" showIcon title={error} role="alert" closable={{ onClose: () => setError(null) }} />}

        {editable ? (
          <Form
            form={form}
            layout="vertical"
            data-testid="proposal-form"
            initialValues={initial}
            onFinish={onSave}
            onFinishFailed={({ errorFields }) => errorFields[0] && form.scrollToField(errorFields[0].name, { block: 'center' })}
            onValuesChange={() => setDirty(true)}
            validateTrigger={['onChange', 'onBlur']}
          >
            <Flex vertical gap={16}>
              <ProposalForm form={form} challenge={c} leadId={p?.organizationId ?? me?.organization.id ?? ''} disabled={false} />
            </Flex>
          </Form>
        ) : (
          p && <ProposalSummary challenge={c} proposal={p} />
        )}
        {showForm && <ProposalAttachments proposalId={p?.id ?? null} editable={editable && !!p} />}

        {editable && (
          <Card size="small" style={{ position: 'sticky', bottom: 0, zIndex: 2 }}>
            <Flex gap={12} wrap align="center">
              <Button data-testid="proposal-save" loading={save.isPending && !submitting} onClick={() => form.submit()}>
                {p ? '保存修改' : '保存草稿'}
              </Button>
              {(!p || p.status === 'draft') && (
                <Button type="primary" data-testid="proposal-submit" loading={submitting} onClick={() => void onSubmit()}>
                  提交申请
                </Button>
              )}
              {p && (
                <Popconfirm
                  title="确定撤回本揭榜申请？"
                  description="撤回后不能恢复，本单位也不能再就本榜单提交申请。"
                  okText="确定撤回"
                  cancelText="取消"
                  okButtonProps={{ danger: true }}
                  onConfirm={() => withdraw.mutateAsync(p.id).catch(() => undefined)}
                >
                  <Button danger loading={withdraw.isPending} data-testid="proposal-withdraw">
                    撤回申请
                  </Button>
                </Popconfirm>
              )}
              <Muted>截止时间 {dateText(c.closesAt)}（北京时间）</Muted>
            </Flex>
          </Card>
        )}
      </Flex>
    </div>
  );
}
