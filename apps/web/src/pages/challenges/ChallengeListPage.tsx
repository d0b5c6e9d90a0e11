import { Button, Empty, Flex, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect } from 'react';
import { Link } from 'react-router-dom';
import { useSession } from '../../auth/session';
import { dayText, wan } from '../../components/labels';
import { daysUntil, deadlineText } from '../catalog/PublicFormat';
import PublicTheme from '../catalog/PublicTheme';
import {
  CHALLENGE_STATUS,
  ChallengeFilters,
  type ChallengeRow,
  type ChallengeStatus,
  ChallengeTable,
  useChallengeList,
} from './ChallengeListShared';

const PUBLIC: ChallengeStatus[] = ['published', 'reviewing', 'awarded', 'in_progress', 'completed', 'failed'];

/** Where the application window stands: not open yet, days left, or closed. */
function windowText(c: ChallengeRow, now = Date.now()): string {
  if (c.status === 'draft') return '尚未发布';
  if (c.status === 'cancelled') return '已撤榜';
  if (c.status !== 'published') return '申报已截止';
  if (new Date(c.opensAt).getTime() > now) return `${daysUntil(c.opensAt, now)} 天后开始申报`;
  return deadlineText(c.closesAt, now);
}

const columns: ColumnsType<ChallengeRow> = [
  {
    title: '榜单名称',
    dataIndex: 'title',
    render: (t: string, c) => (
      <Link to={`/challenges/${c.id}`} data-testid="challenge-link">
        {t}
      </Link>
    ),
  },
  { title: '产业领域', dataIndex: 'field', width: 120 },
  { title: '财政资金上限', dataIndex: 'budgetCapYuan', width: 130, render: (v: number) => wan(v) },
  {
    title: '申报时间',
    key: 'window',
    width: 200,
    render: (_, c) => (
      <>
        {dayText(c.opensAt)} 至 {dayText(c.closesAt)}
        <br />
        <Typography.Text strong={c.status === 'published'} style={{ color: 'rgba(0,0,0,0.75)' }}>
          {windowText(c)}
        </Typography.Text>
      </>
    ),
  },
  { title: '实施周期', dataIndex: 'durationMonths', width: 100, render: (v: number) => `${v} 个月` },
  {
    title: '状态',
    dataIndex: 'status',
    width: 110,
    render: (s: ChallengeStatus, c) => <Tag color={CHALLENGE_STATUS[s]?.color}>{c.statusLabel || CHALLENGE_STATUS[s]?.label}</Tag>,
  },
];

/** 揭榜挂帅: the open calls, filterable by state and field, paged from the API. */
export default function ChallengeListPage() {
  const { isBureau } = useSession();
  const list = useChallengeList('list');

  useEffect(() => {
    document.title = '揭榜挂帅 - 科技成果转化供需对接平台';
  }, []);

  return (
    <PublicTheme>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        揭榜挂帅
      </Typography.Title>
      <Typography.Paragraph style={{ color: 'rgba(0,0,0,0.75)' }}>
        科技局围绕企业关键技术难题张榜，面向高校、科研院所和企业公开征集攻关团队，“不论资历、不设门槛，谁有本事谁揭榜”。
      </Typography.Paragraph>
      <ChallengeFilters list={list} idPrefix="challenge" statuses={isBureau ? undefined : PUBLIC} />
      <ChallengeTable
        list={list}
        columns={columns}
        scrollX={860}
        empty={
          <Empty
            description={
              list.filtered
                ? '没有符合条件的榜单，可以清除筛选条件查看全部榜单。'
                : '目前还没有公开的榜单。科技局发布新榜单后会在这里公布，敬请关注。'
            }
          >
            <Flex justify="center" gap={8}>
              {list.filtered && <Button onClick={list.clearFilters}>清除筛选</Button>}
              <Link to="/search?type=need">浏览企业技术需求</Link>
            </Flex>
          </Empty>
        }
      />
    </PublicTheme>
  );
}
