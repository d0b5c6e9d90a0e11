import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, ConfigProvider, Descriptions, Flex, Result, Row, Skeleton, Table, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { api, ApiRequestError, unwrap } from '../../api/client';
import { errorMessage } from '../../components/api-errors';
import { dateText, wan } from '../../components/labels';
import { ChallengeStatusTag, Muted, ReadableTheme, UNDERLINE, useChallenge, useOrganizationName } from '../challenges/ChallengeShared';
import ProposalSummary from '../challenges/ProposalSummary';
import ExpertAttachments from './ExpertAttachments';
import ExpertConflictButton from './ExpertConflictButton';
import ExpertReviewForm from './ExpertReviewForm';
import { useMyReview } from './expert-review-state';

/** One assigned proposal: its text, the criteria, the attachments, and my scores. */
export default function ExpertReviewPage() {
  const { id = '' } = useParams();
  const proposal = useQuery({
    queryKey: ['proposal', id],
    enabled: !!id,
    retry: (n, err) => !(err instanceof ApiRequestError && [403, 404].includes(err.body.statusCode)) && n < 2,
    queryFn: async () => unwrap(await api.GET('/api/proposals/{id}', { params: { path: { id } } })),
  });
  const p = proposal.data;
  const challenge = useChallenge(p?.challengeId);
  const c = challenge.data;
  const orgName = useOrganizationName(p?.organizationId);
  const review = useMyReview(id);

  if (proposal.isError) {
    const denied = proposal.error instanceof ApiRequestError && [403, 404].includes(proposal.error.body.statusCode);
    return denied ? (
      <Result
        status="403"
        title="无权查看"
        subTitle="这份申请不在您的评审任务中（未被指派、属于本单位参与的申请，或您已声明利益冲突）。"
        data-testid="er-forbidden"
        extra={
          <Link to="/expert">
            <Button type="primary">返回我的评审任务</Button>
          </Link>
        }
      />
    ) : (
      <Alert type="error" showIcon message="申请加载失败" description={errorMessage(proposal.error)} />
    );
  }
  if (proposal.isLoading || !p || challenge.isLoading) return <Skeleton active />;
  if (!c) return <Alert type="error" showIcon message="榜单加载失败" description={errorMessage(challenge.error)} />;

  return (
    <ReadableTheme>
      {/* Empty tables' placeholders (e.g. no schedule) stay readable: AA contrast. */}
      <ConfigProvider theme={{ token: { colorTextDisabled: 'rgba(0, 0, 0, 0.6)' } }}>
        <Flex vertical gap={16}>
          <div>
            <Link to="/expert" style={UNDERLINE}>
              ← 返回我的评审任务
            </Link>
            <Typography.Title level={1} style={{ fontSize: 24, marginTop: 8 }}>
              评审：{orgName.data ?? '申报单位'}的揭榜申请
            </Typography.Title>
            <Flex gap={8} align="center" wrap>
              <Muted>榜单：</Muted>
              <Link to={`/challenges/${c.id}`} style={UNDERLINE}>
                {c.title}
              </Link>
              <ChallengeStatusTag challenge={c} />
            </Flex>
          </div>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <Flex vertical gap={16}>
                <Card size="small" title="申请概况">
                  <Descriptions
                    size="small"
                    column={{ xs: 1, md: 2 }}
                    items={[
                      { key: 'org', label: '牵头单位', children: orgName.data ?? '—' },
                      { key: 'leader', label: '挂帅人', children: p.leaderName },
                      { key: 'budget', label: '申请财政资金', children: wan(p.requestedBudgetYuan) },
                      { key: 'submitted', label: '提交时间', children: dateText(p.submittedAt) },
                    ]}
                  />
                </Card>
                <ProposalSummary challenge={c} proposal={p} />
                <ExpertAttachments proposalId={p.id} />
              </Flex>
            </Col>
            <Col xs={24} xl={10}>
              <Flex vertical gap={16}>
                <Card size="small" title="评审标准">
                  <Table
                    size="small"
                    rowKey="key"
                    pagination={false}
                    dataSource={c.criteria}
                    columns={[
                      { title: '评审标准', dataIndex: 'name' },
                      { title: '权重', dataIndex: 'weight', render: (w: number) => `${w}%` },
                    ]}
                  />
                  <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
                    <Muted>每项 0–100 分，加权总分 = Σ（得分 × 权重）÷ 100。</Muted>
                  </Typography.Paragraph>
                </Card>
                {review.isLoading ? <Skeleton active /> : <ExpertReviewForm proposalId={p.id} challenge={c} review={review.data} />}
                {review.data?.status !== 'submitted' && (
                  <Card size="small" title="利益冲突">
                    <Flex vertical gap={8} align="start">
                      <Muted>与申报单位或团队存在利益关系时，请声明并回避这份申请。</Muted>
                      <ExpertConflictButton challengeId={c.id} proposalId={p.id} />
                    </Flex>
                  </Card>
                )}
              </Flex>
            </Col>
          </Row>
        </Flex>
      </ConfigProvider>
    </ReadableTheme>
  );
}
