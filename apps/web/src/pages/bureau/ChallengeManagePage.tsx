import { Alert, Breadcrumb, Flex, Result, Spin, Tabs, Typography } from 'antd';
import { useEffect } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../components/api-errors';
import { ChallengeStatusTag, ReadableTheme, useChallenge } from '../challenges/ChallengeShared';
import ChallengeExpertsTab from './ChallengeExpertsTab';
import ChallengeMilestonesTab from './ChallengeMilestonesTab';
import ChallengeNoticeTab from './ChallengeNoticeTab';
import ChallengeOverviewTab from './ChallengeOverviewTab';
import ChallengeRankingTab from './ChallengeRankingTab';
import ChallengeScreeningTab from './ChallengeScreeningTab';

const TABS = ['overview', 'proposals', 'experts', 'ranking', 'notice', 'milestones'] as const;
type Tab = (typeof TABS)[number];

/** Where a call stands decides the tab shown first. */
function defaultTab(status: string): Tab {
  switch (status) {
    case 'reviewing':
      return 'proposals';
    case 'awarded':
      return 'notice';
    case 'in_progress':
    case 'completed':
    case 'failed':
      return 'milestones';
    default:
      return 'overview';
  }
}

/** The bureau's console for one call, its tabs following the lifecycle. */
export default function ChallengeManagePage() {
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  const { data: c, isLoading, error } = useChallenge(id);

  useEffect(() => {
    document.title = `${c?.title ?? '榜单管理'} - 科技局`;
  }, [c?.title]);

  if (isLoading) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (error || !c) {
    return (
      <Result
        status="warning"
        title="榜单无法加载"
        subTitle={error ? errorMessage(error) : undefined}
        extra={<Link to="/bureau/challenges">返回榜单管理</Link>}
      />
    );
  }

  const asked = params.get('tab') as Tab | null;
  const tab: Tab = asked && TABS.includes(asked) ? asked : defaultTab(c.status);
  const setTab = (t: string) => {
    const next = new URLSearchParams(params);
    next.set('tab', t);
    setParams(next, { replace: true });
  };

  return (
    <ReadableTheme>
      <Breadcrumb items={[{ title: <Link to="/bureau/challenges">榜单管理</Link> }, { title: c.title }]} style={{ marginBottom: 8 }} />
      <Flex align="center" gap={12} wrap>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {c.title}
        </Typography.Title>
        <ChallengeStatusTag challenge={c} />
      </Flex>
      {c.statusReason && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          title={c.status === 'cancelled' ? `撤榜原因：${c.statusReason}` : `原因：${c.statusReason}`}
        />
      )}
      <Tabs
        activeKey={tab}
        onChange={setTab}
        style={{ marginTop: 12 }}
        destroyOnHidden
        items={[
          { key: 'overview', label: '概况', children: <ChallengeOverviewTab challenge={c} /> },
          { key: 'proposals', label: '申请与形式审查', children: <ChallengeScreeningTab challenge={c} /> },
          { key: 'experts', label: '专家评审', children: <ChallengeExpertsTab challenge={c} /> },
          { key: 'ranking', label: '排名与立项', children: <ChallengeRankingTab challenge={c} /> },
          { key: 'notice', label: '公示与异议', children: <ChallengeNoticeTab challenge={c} /> },
          { key: 'milestones', label: '里程碑与验收', children: <ChallengeMilestonesTab challenge={c} /> },
        ]}
      />
    </ReadableTheme>
  );
}
