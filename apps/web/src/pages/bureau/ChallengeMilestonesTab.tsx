import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Flex, List, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { errorMessage } from '../../components/api-errors';
import { dateText, dayText, wan } from '../../components/labels';
import { type Challenge, MILESTONE_STATUS, type Milestone, ToneTag } from '../challenges/ChallengeShared';
import { beijingToday, OrgName, ReasonModal, useRefreshChallenge } from './BureauChallengeShared';

/** 里程碑与验收: each winner's milestones with evidence, accepted or returned; then the final acceptance. */
export default function ChallengeMilestonesTab({ challenge: c }: { challenge: Challenge }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const refresh = useRefreshChallenge(c.id);
  const [busy, setBusy] = useState<string | null>(null);
  const [returning, setReturning] = useState<Milestone | null>(null);
  const [failing, setFailing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ['bureau-challenge', c.id, 'milestones'],
    queryFn: async () => unwrap(await api.GET('/api/challenges/{id}/milestones', { params: { path: { id: c.id } } })),
  });
  const items = list.data ?? [];
  const active = c.status === 'in_progress';
  const today = beijingToday();
  const invalidate = () => qc.invalidateQueries({ queryKey: ['bureau-challenge', c.id, 'milestones'] });

  const accept = async (m: Milestone) => {
    setBusy(m.id);
    try {
      unwrap(await api.POST('/api/milestones/{id}/accept', { params: { path: { id: m.id } } }));
      message.success(`里程碑“${m.title}”已通过`);
      await invalidate();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  const complete = async () => {
    setBusy('complete');
    setError(null);
    try {
      unwrap(await api.POST('/api/challenges/{id}/complete', { params: { path: { id: c.id } } }));
      message.success('榜单已验收通过');
      await refresh();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  if (!['awarded', 'in_progress', 'completed', 'failed'].includes(c.status)) {
    return <Empty description="评定中榜单位时安排里程碑；确认立项后，中榜单位按里程碑提交完成材料，在此验收。" />;
  }

  const winners = [...new Set(items.map((m) => m.proposalId))];
  const accepted = items.filter((m) => m.status === 'accepted').length;

  return (
    <Flex vertical gap={16}>
      {!active && c.status === 'awarded' && <Alert type="info" showIcon title="公示期满并确认立项后，才能验收里程碑。" />}
      {list.error && <Alert type="error" showIcon title={`里程碑加载失败：${errorMessage(list.error)}`} />}
      {winners.map((pid) => {
        const ms = items.filter((m) => m.proposalId === pid);
        const winner = c.winners.find((w) => w.proposalId === pid);
        return (
          <Card
            key={pid}
            size="small"
            title={winner ? (winner.organizationName ?? <OrgName id={winner.organizationId} />) : '中榜单位'}
            extra={winner ? `核定经费 ${wan(winner.awardedBudgetYuan)}` : undefined}
          >
            <List<Milestone>
              dataSource={ms}
              pagination={ms.length > 10 ? { pageSize: 10 } : false}
              renderItem={(m) => {
                const overdue = m.status !== 'accepted' && m.dueDate < today;
                const s = MILESTONE_STATUS[m.status] ?? { label: m.status, tone: 'grey' as const };
                return (
                  <List.Item key={m.id} data-testid="cm-milestone">
                    <Flex vertical gap={4} style={{ width: '100%' }}>
                      <Flex gap={8} wrap align="center">
                        <Typography.Text strong>
                          {m.seq}. {m.title}
                        </Typography.Text>
                        <ToneTag tone={s.tone}>{s.label}</ToneTag>
                        {overdue && <ToneTag tone="red">已逾期</ToneTag>}
                      </Flex>
                      <Typography.Text>
                        交付物：{m.deliverable} · 到期日 {dayText(`${m.dueDate}T12:00:00+08:00`)} · 拨付 {m.fundSharePct}%（
                        {wan(m.amountYuan)}）
                      </Typography.Text>
                      {m.evidence ? (
                        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0, background: '#f6f6f6', padding: 8 }}>
                          完成材料（{dateText(m.submittedAt)}）：{m.evidence}
                        </Typography.Paragraph>
                      ) : (
                        <Typography.Text>尚未提交完成材料</Typography.Text>
                      )}
                      {m.returnReason && <Typography.Text style={{ color: '#a8071a' }}>退回原因：{m.returnReason}</Typography.Text>}
                      {m.acceptedAt && <Typography.Text>通过于 {dateText(m.acceptedAt)}</Typography.Text>}
                      {active && m.status === 'submitted' && (
                        <Flex gap={8}>
                          <Button
                            size="small"
                            type="primary"
                            data-testid="cm-milestone-accept"
                            loading={busy === m.id}
                            onClick={() => void accept(m)}
                          >
                            通过
                          </Button>
                          <Button size="small" danger data-testid="cm-milestone-return" onClick={() => setReturning(m)}>
                            退回
                          </Button>
                        </Flex>
                      )}
                    </Flex>
                  </List.Item>
                );
              }}
            />
          </Card>
        );
      })}
      {!list.isLoading && items.length === 0 && <Empty description="没有里程碑。" />}
      <Card size="small" title="最终验收">
        <Typography.Paragraph>
          已通过 {accepted} / {items.length} 个里程碑。全部里程碑通过后方可验收通过；未能完成的，记录验收不通过并写明原因。
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} data-testid="cm-complete-error" />}
        {active ? (
          <Flex gap={8}>
            <Button type="primary" data-testid="cm-complete" loading={busy === 'complete'} onClick={() => void complete()}>
              验收通过
            </Button>
            <Button danger data-testid="cm-fail" onClick={() => setFailing(true)}>
              验收不通过
            </Button>
          </Flex>
        ) : (
          <Typography.Text>{c.status === 'completed' ? `已于 ${dateText(c.completedAt)} 验收通过。` : c.statusLabel}</Typography.Text>
        )}
      </Card>
      <ReasonModal
        open={!!returning}
        title={`退回里程碑：${returning?.title ?? ''}`}
        label="退回原因"
        okText="确认退回"
        danger
        inputTestId="cm-milestone-return-reason"
        submitTestId="cm-milestone-return-submit"
        onClose={() => setReturning(null)}
        onSubmit={async (reason) => {
          if (!returning) return;
          unwrap(await api.POST('/api/milestones/{id}/return', { params: { path: { id: returning.id } }, body: { reason } }));
          message.success('已退回，中榜单位将收到原因');
          await invalidate();
        }}
      />
      <ReasonModal
        open={failing}
        title="验收不通过"
        label="不通过的原因"
        okText="确认验收不通过"
        danger
        inputTestId="cm-fail-reason"
        submitTestId="cm-fail-submit"
        onClose={() => setFailing(false)}
        onSubmit={async (reason) => {
          unwrap(await api.POST('/api/challenges/{id}/fail', { params: { path: { id: c.id } }, body: { reason } }));
          message.success('已记录验收不通过');
          await refresh();
        }}
      />
    </Flex>
  );
}
