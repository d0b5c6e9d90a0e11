import { Alert, Breadcrumb, Flex, Result, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { ApiRequestError } from '../../api/client';
import { errorMessage } from '../../components/api-errors';
import ChallengeApplyPanel from './ChallengeApplyPanel';
import ChallengeDetails from './ChallengeDetails';
import ChallengeMilestones from './ChallengeMilestones';
import ChallengeNotice from './ChallengeNotice';
import { ChallengeStatusTag, ReadableTheme, useChallenge, windowText, UNDERLINE } from './ChallengeShared';

type TabKey = 'details' | 'milestones' | 'objections';

function tabOf(pathname: string): TabKey {
  if (/\/milestones\/?$/.test(pathname)) return 'milestones';
  if (/\/objections\/?$/.test(pathname)) return 'objections';
  return 'details';
}

/** 榜单详情: the open call as published, its public notice (公示) and objections, and its milestones. */
export default function ChallengePage() {
  return (
    <ReadableTheme>
      <ChallengeView />
    </ReadableTheme>
  );
}

function ChallengeView() {
  const { id } = useParams<{ id: string }>();
  const location = useLocation();
  const navigate = useNavigate();
  const { data: c, isLoading, error } = useChallenge(id);
  const tab = tabOf(location.pathname);

  if (isLoading) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (error || !c) {
    const missing = error instanceof ApiRequestError && error.body.statusCode === 404;
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? '榜单不存在或尚未公开' : '榜单加载失败'}
        subTitle={missing ? '请从榜单列表中选择正在公开的榜单。' : errorMessage(error)}
        extra={<Link to="/challenges">返回揭榜挂帅榜单列表</Link>}
      />
    );
  }

  const go = (key: string) => navigate(key === 'details' ? `/challenges/${c.id}` : `/challenges/${c.id}/${key}`);
  const winnersOut = c.winners.length > 0;

  return (
    <div style={{ maxWidth: 1100, margin: '0 auto' }}>
      <Breadcrumb items={[{ title: <Link to="/challenges">揭榜挂帅</Link> }, { title: '榜单详情' }]} style={{ marginBottom: 12 }} />
      <Flex justify="space-between" align="flex-start" wrap gap={16}>
        <div style={{ flex: '1 1 480px', minWidth: 0 }}>
          <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }} data-testid="challenge-title">
            {c.title}
          </Typography.Title>
          <Space wrap size={[8, 8]}>
            <ChallengeStatusTag challenge={c} />
            <Tag>{c.field}</Tag>
            <Typography.Text>{windowText(c)}</Typography.Text>
          </Space>
        </div>
        <ChallengeApplyPanel challenge={c} />
      </Flex>

      {c.statusReason && ['cancelled', 'failed'].includes(c.status) && (
        <Alert
          type={c.status === 'cancelled' ? 'warning' : 'error'}
          showIcon
          style={{ marginTop: 16 }}
          title={c.status === 'cancelled' ? `本榜单已撤榜：${c.statusReason}` : `验收未通过：${c.statusReason}`}
        />
      )}
      {c.status === 'awarded' && winnersOut && tab !== 'objections' && (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 16 }}
          title="评定结果正在公示"
          description={
            <span>
              中榜单位已公布，公示期内可对评定结果提出异议。
              <Link to={`/challenges/${c.id}/objections`} style={UNDERLINE}>
                查看公示与异议
              </Link>
            </span>
          }
        />
      )}

      <Tabs
        style={{ marginTop: 16 }}
        activeKey={tab}
        onChange={go}
        items={[
          { key: 'details', label: '榜单详情', children: <ChallengeDetails challenge={c} /> },
          { key: 'objections', label: winnersOut ? '评定公示与异议' : '评定公示', children: <ChallengeNotice challenge={c} /> },
          { key: 'milestones', label: '里程碑', children: <ChallengeMilestones challenge={c} /> },
        ]}
      />
    </div>
  );
}
