import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Flex, Form, Input, Modal, Spin, Table, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { useSession } from '../../auth/session';
import { applyApiErrors, errorMessage } from '../../components/api-errors';
import { dateText, dayText, wan } from '../../components/labels';
import { type Challenge, type Milestone, MILESTONE_STATUS, Muted, ToneTag, WINNERS_NAMED } from './ChallengeShared';

/** The winner's evidence for one milestone (完成情况与佐证材料说明). */
function EvidenceModal({ milestone, challengeId, onClose }: { milestone: Milestone; challengeId: string; onClose: () => void }) {
  const [form] = Form.useForm<{ evidence: string }>();
  const [error, setError] = useState<string | null>(null);
  const qc = useQueryClient();
  const { message } = App.useApp();
  const send = useMutation({
    mutationFn: async (v: { evidence: string }) =>
      unwrap(await api.POST('/api/milestones/{id}/evidence', { params: { path: { id: milestone.id } }, body: { evidence: v.evidence } })),
    onMutate: () => setError(null),
    onSuccess: async () => {
      message.success('完成材料已提交，等待科技局验收');
      await qc.invalidateQueries({ queryKey: ['challenge-milestones', challengeId] });
      onClose();
    },
    onError: (err) => setError(applyApiErrors(form, err)),
  });
  return (
    <Modal
      open
      title={`提交完成材料：第 ${milestone.seq} 个里程碑 ${milestone.title}`}
      okText="提交"
      cancelText="取消"
      confirmLoading={send.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {milestone.returnReason && (
        <Alert type="warning" showIcon title={`上次退回原因：${milestone.returnReason}`} style={{ marginBottom: 12 }} />
      )}
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ evidence: milestone.evidence ?? '' }}
        onFinish={(v) => send.mutate(v)}
        validateTrigger={['onChange', 'onBlur']}
      >
        <Form.Item
          name="evidence"
          label="完成情况与佐证材料说明"
          extra={`交付物要求：${milestone.deliverable}`}
          rules={[
            { required: true, whitespace: true, message: '请填写完成情况与佐证材料说明' },
            { max: 5000, message: '不能超过 5000 字' },
          ]}
        >
          <Input.TextArea rows={6} showCount maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 里程碑: the bureau and the winners see them from the award; everyone once the result is confirmed. */
export default function ChallengeMilestones({ challenge: c }: { challenge: Challenge }) {
  const { me } = useSession();
  const [editing, setEditing] = useState<Milestone | null>(null);
  const awarded = WINNERS_NAMED.includes(c.status);
  const { data, isLoading, error } = useQuery({
    queryKey: ['challenge-milestones', c.id, me?.user.id ?? 'public'],
    enabled: awarded,
    queryFn: async () => unwrap(await api.GET('/api/challenges/{id}/milestones', { params: { path: { id: c.id } } })),
  });

  if (!awarded) return <Empty description="评定中榜单位后，将在此列出各中榜单位的里程碑、交付物和拨付计划。" />;
  if (isLoading) return <Spin style={{ display: 'block', margin: '40px auto' }} />;
  if (error) return <Alert type="error" showIcon title={errorMessage(error)} />;
  if (!data?.length) {
    return (
      <Empty description={c.status === 'awarded' ? '公示期内里程碑仅科技局和中榜单位可见；评定结果确认后公开。' : '暂无可查看的里程碑。'} />
    );
  }

  const winners = new Map(c.winners.map((w) => [w.proposalId, w]));
  const groups = [...new Set(data.map((m) => m.proposalId))];
  const inProgress = c.status === 'in_progress';

  return (
    <Flex vertical gap={16}>
      {groups.map((proposalId) => {
        const w = winners.get(proposalId);
        const own = !!me && w?.organizationId === me.organization.id;
        const rows = data.filter((m) => m.proposalId === proposalId);
        return (
          <Card
            key={proposalId}
            size="small"
            title={`${w?.organizationName ?? '中榜单位'}${w ? `（挂帅人：${w.leaderName}）` : ''}`}
            extra={w ? <span>核定经费 {wan(w.awardedBudgetYuan)}</span> : null}
          >
            <Table<Milestone>
              size="small"
              rowKey="id"
              dataSource={rows}
              pagination={rows.length > 10 ? { pageSize: 10 } : false}
              scroll={{ x: 900 }}
              expandable={{
                rowExpandable: (m) => !!(m.evidence || m.returnReason),
                expandedRowRender: (m) => (
                  <Flex vertical gap={4}>
                    {m.evidence && (
                      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                        完成材料：{m.evidence}
                      </Typography.Paragraph>
                    )}
                    {m.returnReason && <Typography.Text>退回原因：{m.returnReason}</Typography.Text>}
                  </Flex>
                ),
              }}
              columns={[
                { title: '序号', dataIndex: 'seq', width: 64 },
                { title: '里程碑', dataIndex: 'title' },
                { title: '交付物', dataIndex: 'deliverable' },
                { title: '到期日', dataIndex: 'dueDate', width: 110, render: (d: string) => dayText(`${d}T00:00:00+08:00`) },
                { title: '拨付比例', dataIndex: 'fundSharePct', width: 90, render: (p: number) => `${p}%` },
                { title: '拨付金额', dataIndex: 'amountYuan', width: 120, render: (y: number) => wan(y) },
                {
                  title: '状态',
                  key: 'status',
                  width: 170,
                  render: (_v, m) => (
                    <Flex vertical gap={2}>
                      <span>
                        <ToneTag tone={MILESTONE_STATUS[m.status]?.tone ?? 'grey'}>{MILESTONE_STATUS[m.status]?.label ?? m.status}</ToneTag>
                      </span>
                      {m.acceptedAt && <Muted>通过于 {dateText(m.acceptedAt)}</Muted>}
                      {!m.acceptedAt && m.submittedAt && <Muted>提交于 {dateText(m.submittedAt)}</Muted>}
                    </Flex>
                  ),
                },
                ...(own && inProgress
                  ? [
                      {
                        title: '操作',
                        key: 'action',
                        width: 120,
                        render: (_v: unknown, m: Milestone) =>
                          ['pending', 'returned'].includes(m.status) ? (
                            <Button size="small" type="primary" onClick={() => setEditing(m)}>
                              提交完成材料
                            </Button>
                          ) : null,
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
        );
      })}
      {editing && <EvidenceModal milestone={editing} challengeId={c.id} onClose={() => setEditing(null)} />}
    </Flex>
  );
}
