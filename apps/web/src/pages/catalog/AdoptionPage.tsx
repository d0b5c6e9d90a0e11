import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Empty, Result, Spin, Timeline, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, ApiRequestError, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { useSession } from '../../auth/session';
import { errorMessage } from '../../components/api-errors';
import { dateText, dayText, wan } from '../../components/labels';
import { AdoptionContractCard } from './AdoptionContractCard';
import { AdoptionEditModal } from './AdoptionEditModal';
import { AdoptionNeedLink, AdoptionStatusTag, BENEFIT_KIND_LABELS, MUTED } from './AdoptionParts';

type HistoryEntry = components['schemas']['CatalogHistoryEntryDto'];

function who(h: HistoryEntry): string {
  if (!h.actorName && !h.actorOrganizationName) return '系统';
  return [h.actorOrganizationName, h.actorName].filter(Boolean).join(' · ');
}

export default function AdoptionPage() {
  const { id = '' } = useParams();
  const { me, isBureau } = useSession();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);

  const {
    data: a,
    error,
    isLoading,
  } = useQuery({
    queryKey: ['adoption', id],
    queryFn: async () => unwrap(await api.GET('/api/adoptions/{id}', { params: { path: { id } } })),
  });
  const orgId = me?.organization.id;
  const party = !!a && (a.enterpriseId === orgId || a.resultOrganizationId === orgId);
  const history = useQuery({
    queryKey: ['adoption', id, 'history'],
    enabled: !!a && (party || isBureau),
    queryFn: async () => unwrap(await api.GET('/api/adoptions/{id}/history', { params: { path: { id } } })),
  });
  if (isLoading) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (error || !a) {
    const notFound = error instanceof ApiRequestError && error.body.statusCode === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? '成果转化应用不存在，或您无权查看' : '加载失败'}
        subTitle={errorMessage(error)}
        extra={<Link to="/my/adoptions">返回成果转化应用</Link>}
      />
    );
  }

  const items: DescriptionsProps['items'] = [
    { key: 'status', label: '状态', children: <AdoptionStatusTag status={a.status} label={a.statusLabel} testId="adoption-status" /> },
    {
      key: 'result',
      label: '科技成果',
      children: <Link to={`/results/${a.resultId}`}>{a.resultTitle ?? '（成果已不可查看）'}</Link>,
    },
    { key: 'field', label: '产业领域', children: a.resultField ?? '—' },
    {
      key: 'resultOrg',
      label: '成果单位',
      children: <Link to={`/organizations/${a.resultOrganizationId}`}>{a.resultOrganizationName ?? '成果单位'}</Link>,
    },
    {
      key: 'enterprise',
      label: '应用企业',
      children: <Link to={`/organizations/${a.enterpriseId}`}>{a.enterpriseName ?? '应用企业'}</Link>,
    },
    { key: 'contractKind', label: '合同类型', children: a.contractKind },
    { key: 'amount', label: '合同金额', children: wan(a.amountYuan) },
    { key: 'signedOn', label: '签订日期', children: dayText(a.signedOn) },
    {
      key: 'regNo',
      label: '技术合同登记号',
      children:
        a.contractStatus === 'certified'
          ? a.contractRegistrationNo
          : `${a.contractStatusLabel}${a.contractRegistrationNo ? `（申报：${a.contractRegistrationNo}）` : ''}`,
    },
    { key: 'benefitKind', label: '效益类型', children: a.benefitKind ? BENEFIT_KIND_LABELS[a.benefitKind] : '未填写' },
    { key: 'benefitAmount', label: '效益金额', children: a.benefitAmountYuan === null ? '未填写' : wan(a.benefitAmountYuan) },
    { key: 'benefit', label: '经济社会效益', span: 'filled', children: a.benefit ?? '未填写' },
    { key: 'createdAt', label: '登记时间', children: dateText(a.createdAt) },
    { key: 'confirmedAt', label: '科技局确认时间', children: dateText(a.confirmedAt) },
  ];
  if (a.engagementId) {
    items.push({ key: 'need', label: '技术需求', children: <AdoptionNeedLink engagementId={a.engagementId} /> });
    items.push({ key: 'engagement', label: '来源对接', children: <Link to={`/engagements/${a.engagementId}`}>查看对接过程</Link> });
  }

  const editable = party && a.status !== 'confirmed';
  return (
    <div>
      <Link to="/my/adoptions">← 返回成果转化应用</Link>
      <Typography.Title level={1} style={{ fontSize: 24, marginTop: 12 }}>
        成果转化应用：{a.resultTitle ?? '科技成果'}
      </Typography.Title>
      {a.status === 'pending' && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title="已登记，等待科技局核实确认。确认后列入成果转化应用清单并公开。" />
      )}
      {a.status === 'rejected' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`科技局未予确认：${a.rejectReason ?? '未写明原因'}`}
          description={editable ? '请核对合同信息，修改后重新提交确认。' : undefined}
        />
      )}
      <Card
        title="合同信息"
        style={{ marginBottom: 16 }}
        extra={
          editable && (
            <Button onClick={() => setEditing(true)} data-testid="adoption-edit">
              {a.status === 'rejected' ? '修改并重新提交' : '修改'}
            </Button>
          )
        }
      >
        <Descriptions bordered column={{ xs: 1, md: 2 }} items={items} />
      </Card>
      {(party || isBureau) && <AdoptionContractCard adoptionId={id} canEdit={party || isBureau} />}
      {(party || isBureau) && (
        <Card title="状态变更记录">
          {history.error ? (
            <Alert type="error" showIcon title={errorMessage(history.error)} />
          ) : history.isLoading ? (
            <Spin />
          ) : (history.data ?? []).length === 0 ? (
            <Empty description={<span style={MUTED}>暂无记录</span>} />
          ) : (
            <Timeline
              data-testid="adoption-history"
              items={(history.data ?? []).map((h, i) => ({
                key: i,
                content: (
                  <div>
                    <div style={MUTED}>
                      <time dateTime={h.at}>{dateText(h.at)}</time>
                    </div>
                    <strong>{h.actionLabel}</strong>
                    {h.toLabel && <span>：{h.fromLabel ? `${h.fromLabel} → ${h.toLabel}` : h.toLabel}</span>}
                    <div style={MUTED}>操作人：{who(h)}</div>
                    {h.reason && <div>原因：{h.reason}</div>}
                  </div>
                ),
              }))}
            />
          )}
        </Card>
      )}
      {editable && (
        <AdoptionEditModal
          adoption={a}
          open={editing}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            qc.setQueryData(['adoption', id], saved);
            void qc.invalidateQueries({ queryKey: ['adoption', id, 'history'] });
            void qc.invalidateQueries({ queryKey: ['adoptions'] });
            message.success('已保存，等待科技局确认');
          }}
        />
      )}
    </div>
  );
}
