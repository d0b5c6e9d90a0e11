import { useQueries, useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Flex, Skeleton, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { errorMessage } from '../../components/api-errors';
import { dateText, wan } from '../../components/labels';
import {
  type Challenge,
  ChallengeStatusTag,
  Muted,
  type Proposal,
  ReadableTheme,
  UNDERLINE,
  useOrganizationName,
} from '../challenges/ChallengeShared';
import { ReviewTodo, useMyReview } from './expert-review-state';

function OrgName({ id }: { id: string }) {
  const name = useOrganizationName(id);
  return <>{name.data ?? '—'}</>;
}

function RowAction({ proposal: p, challenge }: { proposal: Proposal; challenge?: Challenge }) {
  const review = useMyReview(p.id).data;
  const label = challenge?.status === 'reviewing' && review?.status !== 'submitted' ? '去评审' : '查看';
  return (
    <Link to={`/expert/proposals/${p.id}`} style={UNDERLINE} aria-label={`${label}：${p.leaderName} 挂帅的申请`}>
      {label}
    </Link>
  );
}

/** The proposals of one open call that are mine to review. */
function CallGroup({ challengeId, challenge, proposals }: { challengeId: string; challenge?: Challenge; proposals: Proposal[] }) {
  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center" wrap>
          <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
            {challenge?.title ?? '揭榜挂帅榜单'}
          </Typography.Title>
          {challenge && <ChallengeStatusTag challenge={challenge} />}
        </Flex>
      }
      extra={
        <Link to={`/challenges/${challengeId}`} style={UNDERLINE}>
          查看榜单
        </Link>
      }
    >
      {challenge && (
        <Typography.Paragraph style={{ marginBottom: 8 }}>
          <Muted>
            {challenge.status === 'reviewing'
              ? `评审进行中：请对每份申请逐项评分（${challenge.criteria.map((k) => `${k.name} ${k.weight}%`).join('、')}），写明意见后提交。`
              : `榜单当前为“${challenge.statusLabel}”，${challenge.status === 'published' ? '申报截止并完成形式审查后才能评分。' : '评审阶段已结束。'}`}{' '}
            申报截止：{dateText(challenge.closesAt)}。科技局未设定评审截止时间时，以通知为准。
          </Muted>
        </Typography.Paragraph>
      )}
      <Table<Proposal>
        size="small"
        rowKey="id"
        dataSource={proposals}
        pagination={proposals.length > 10 ? { pageSize: 10, showTotal: (t) => `共 ${t} 份` } : false}
        onRow={() => ({ 'data-testid': 'er-row' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: '申报单位', key: 'org', render: (_v, p) => <OrgName id={p.organizationId} /> },
          { title: '挂帅人', dataIndex: 'leaderName' },
          { title: '申请经费', key: 'budget', render: (_v, p) => wan(p.requestedBudgetYuan) },
          { title: '提交时间', key: 'submitted', render: (_v, p) => dateText(p.submittedAt) },
          { title: '待办', key: 'todo', render: (_v, p) => <ReviewTodo proposalId={p.id} challenge={challenge} /> },
          {
            title: '操作',
            key: 'action',
            render: (_v, p) => <RowAction proposal={p} challenge={challenge} />,
          },
        ]}
      />
    </Card>
  );
}

/** An expert's workspace: the shortlisted proposals assigned to me, grouped by open call. */
export default function ExpertReviewsPage() {
  const assigned = useQuery({
    queryKey: ['reviews-assigned'],
    queryFn: async () => unwrap(await api.GET('/api/reviews/assigned')),
  });
  const proposals = assigned.data ?? [];
  const challengeIds = [...new Set(proposals.map((p) => p.challengeId))];
  const challenges = useQueries({
    queries: challengeIds.map((id) => ({
      queryKey: ['challenge', id],
      queryFn: async () => unwrap(await api.GET('/api/challenges/{id}', { params: { path: { id } } })),
    })),
  });
  const byId = new Map(challenges.flatMap((q) => (q.data ? [[q.data.id, q.data] as const] : [])));
  // Calls under review first: those are the ones with work to do.
  const ordered = [...challengeIds].sort(
    (a, b) => Number(byId.get(b)?.status === 'reviewing') - Number(byId.get(a)?.status === 'reviewing'),
  );

  return (
    <ReadableTheme>
      <Flex vertical gap={16}>
        <div>
          <Typography.Title level={1} style={{ fontSize: 24 }}>
            我的评审任务
          </Typography.Title>
          <Typography.Paragraph>
            <Muted>以下是科技局指派给您评审、已通过形式审查的揭榜申请（本单位参与的申请和您声明利益冲突的申请不在其中）。</Muted>
          </Typography.Paragraph>
        </div>
        {assigned.isLoading ? (
          <Skeleton active />
        ) : assigned.isError ? (
          <Alert type="error" showIcon message="评审任务加载失败" description={errorMessage(assigned.error)} />
        ) : proposals.length === 0 ? (
          <Card>
            <Empty description="目前没有分配给您的评审任务。科技局指派后，您会收到站内通知，届时在此处开始评审。">
              <Link to="/notifications" style={UNDERLINE}>
                查看站内通知
              </Link>
            </Empty>
          </Card>
        ) : (
          <>
            <Typography.Paragraph style={{ marginBottom: 0 }}>
              共 {proposals.length} 份申请，分属 {challengeIds.length} 个榜单。
            </Typography.Paragraph>
            {ordered.map((id) => (
              <CallGroup key={id} challengeId={id} challenge={byId.get(id)} proposals={proposals.filter((p) => p.challengeId === id)} />
            ))}
          </>
        )}
      </Flex>
    </ReadableTheme>
  );
}
