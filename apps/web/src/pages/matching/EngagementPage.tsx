import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Result, Space, Spin, Steps, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, ApiRequestError, unwrap } from '../../api/client';
import { useSession } from '../../auth/session';
import { errorMessage } from '../../components/api-errors';
import { dateText } from '../../components/labels';
import { EngagementContacts, engagementSteps } from './EngagementProgress';
import { DealModal } from './EngagementDealModal';
import { type Engagement, EngagementStatusTag, ItemLink, MUTED, OrganizationLink, sideOf } from './EngagementParts';
import { AbandonModal, DeclineModal } from './EngagementReasonModals';

type Dialog = 'decline' | 'abandon' | 'deal' | null;

export default function EngagementPage() {
  const { id = '' } = useParams();
  const { me } = useSession();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  const {
    data: e,
    error,
    isLoading,
  } = useQuery({
    queryKey: ['engagement', id],
    queryFn: async () => unwrap(await api.GET('/api/engagements/{id}', { params: { path: { id } } })),
  });
  const { data: adoption } = useQuery({
    queryKey: ['adoption', e?.adoptionId],
    enabled: !!e?.adoptionId,
    queryFn: async () => unwrap(await api.GET('/api/adoptions/{id}', { params: { path: { id: e?.adoptionId as string } } })),
  });

  const updated = (next: Engagement, text: string) => {
    qc.setQueryData(['engagement', id], next);
    void qc.invalidateQueries({ queryKey: ['engagements'] });
    setActionError(null);
    message.success(text);
  };

  const step = useMutation({
    mutationFn: async (action: 'accept' | 'negotiate') => {
      const path = { params: { path: { id } } };
      return action === 'accept'
        ? unwrap(await api.POST('/api/engagements/{id}/accept', path))
        : unwrap(await api.POST('/api/engagements/{id}/negotiate', path));
    },
    onSuccess: (next, action) => updated(next, action === 'accept' ? '已接受对接请求，现在可以查看对方联系人' : '已进入洽谈'),
    onError: (err) => {
      setActionError(errorMessage(err));
      message.error(errorMessage(err));
    },
  });

  if (isLoading) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (error || !e) {
    const notFound = error instanceof ApiRequestError && error.body.statusCode === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? '对接不存在，或您无权查看' : '加载失败'}
        subTitle={errorMessage(error)}
        extra={<Link to="/engagements">返回对接列表</Link>}
      />
    );
  }

  const side = sideOf(e, me?.organization.id);
  const s = e.status;
  const canAbandon = side !== null && (s === 'accepted' || s === 'negotiating' || (s === 'requested' && side === 'requester'));

  const info: DescriptionsProps['items'] = [
    { key: 'status', label: '状态', children: <EngagementStatusTag status={s} testId="engagement-status" /> },
    ...(e.needId ? [{ key: 'need', label: '技术需求', children: <ItemLink type="need" id={e.needId} title={e.needTitle} /> }] : []),
    ...(e.resultId
      ? [{ key: 'result', label: '科技成果', children: <ItemLink type="result" id={e.resultId} title={e.resultTitle} /> }]
      : []),
    {
      key: 'requester',
      label: '发起方',
      children: (
        <>
          <OrganizationLink id={e.requesterOrganizationId} name={e.requesterOrganizationName} />
          {side === 'requester' && '（本单位）'}
        </>
      ),
    },
    {
      key: 'receiver',
      label: '被邀请方',
      children: (
        <>
          <OrganizationLink id={e.receiverOrganizationId} name={e.receiverOrganizationName} />
          {side === 'receiver' && '（本单位）'}
        </>
      ),
    },
    { key: 'createdAt', label: '发起时间', children: dateText(e.createdAt) },
    { key: 'message', label: '发起方留言', span: 'filled', children: <div style={{ whiteSpace: 'pre-wrap' }}>{e.message}</div> },
  ];
  if (s === 'declined')
    info.push({ key: 'reason', label: '婉拒原因', span: 'filled', children: [e.reason, e.reasonNote].filter(Boolean).join('：') || '—' });
  if (s === 'abandoned') info.push({ key: 'reason', label: '终止原因', span: 'filled', children: e.reasonNote ?? '—' });
  if (e.adoptionId)
    info.push({
      key: 'adoption',
      label: '成果转化应用',
      span: 'filled',
      children: (
        <Link to={`/adoptions/${e.adoptionId}`} data-testid="engagement-adoption-link">
          查看成果转化应用{adoption ? `（${adoption.statusLabel}）` : ''}
        </Link>
      ),
    });

  const actions = (
    <Space wrap>
      {side === 'receiver' && s === 'requested' && (
        <>
          <Button
            type="primary"
            loading={step.isPending && step.variables === 'accept'}
            onClick={() => step.mutate('accept')}
            data-testid="engagement-accept"
          >
            接受
          </Button>
          <Button onClick={() => setDialog('decline')} data-testid="engagement-decline">
            婉拒
          </Button>
        </>
      )}
      {side && s === 'accepted' && (
        <Button
          type="primary"
          loading={step.isPending && step.variables === 'negotiate'}
          onClick={() => step.mutate('negotiate')}
          data-testid="engagement-negotiate"
        >
          进入洽谈
        </Button>
      )}
      {side && s === 'negotiating' && (
        <Button type="primary" onClick={() => setDialog('deal')} data-testid="engagement-deal">
          成交
        </Button>
      )}
      {canAbandon && (
        <Button danger onClick={() => setDialog('abandon')} data-testid="engagement-abandon">
          终止对接
        </Button>
      )}
    </Space>
  );
  const hasActions = (side === 'receiver' && s === 'requested') || (side && (s === 'accepted' || s === 'negotiating')) || canAbandon;

  return (
    <div>
      <Link to="/engagements">← 返回对接列表</Link>
      <Typography.Title level={1} style={{ fontSize: 24, marginTop: 12 }}>
        对接详情
      </Typography.Title>
      {actionError && (
        <Alert type="error" showIcon title={actionError} closable={{ onClose: () => setActionError(null) }} style={{ marginBottom: 16 }} />
      )}
      <Card style={{ marginBottom: 16 }}>
        <Descriptions bordered column={{ xs: 1, md: 2 }} items={info} />
      </Card>
      <Card title="进展" style={{ marginBottom: 16 }}>
        <Steps items={engagementSteps(e, adoption?.createdAt ?? null)} />
      </Card>
      <EngagementContacts engagement={e} side={side} />
      {side === null && <Alert type="info" showIcon title="您正以科技局身份查看此对接，答复和洽谈由双方单位操作。" />}
      {hasActions && (
        <Card title="操作">
          <Typography.Paragraph style={MUTED}>
            {s === 'requested' && side === 'receiver' && '对方希望与本单位开展对接，请接受或婉拒。接受后双方可以看到彼此的联系人。'}
            {s === 'requested' && side === 'requester' && '等待对方答复。如不再需要，可以终止对接。'}
            {s === 'accepted' && '对方已接受。双方联系沟通后，可以进入洽谈阶段。'}
            {s === 'negotiating' && '洽谈中。签订技术合同后请登记成交，平台将生成成果转化应用供科技局确认。'}
          </Typography.Paragraph>
          {actions}
        </Card>
      )}
      <DeclineModal
        engagement={e}
        open={dialog === 'decline'}
        onClose={() => setDialog(null)}
        onDone={(next) => {
          setDialog(null);
          updated(next, '已婉拒对接请求');
        }}
      />
      <AbandonModal
        engagement={e}
        open={dialog === 'abandon'}
        onClose={() => setDialog(null)}
        onDone={(next) => {
          setDialog(null);
          updated(next, '对接已终止');
        }}
      />
      <DealModal
        engagement={e}
        open={dialog === 'deal'}
        onClose={() => setDialog(null)}
        onDone={(next) => {
          updated(next, '已成交，成果转化应用已登记');
          void qc.invalidateQueries({ queryKey: ['adoptions'] });
        }}
      />
    </div>
  );
}
