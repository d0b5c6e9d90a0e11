import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Flex, Skeleton, Tag } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { errorMessage } from '../../components/api-errors';
import { dayText, wan } from '../../components/labels';
import { budgetText, deadlineText, priceText } from '../catalog/PublicFormat';

const LATEST = 5;
const latestQuery = { status: 'published', sort: 'publishedAt', order: 'desc', page: 1, pageSize: LATEST } as const;

const itemStyle = { padding: '10px 0', borderBottom: '1px solid #f0f0f0' };
const muted = { color: 'rgba(0,0,0,0.65)', fontSize: 13 };

/** A home-page box: a heading, a "more" link, and its rows (or what to do when there are none). */
function Box({
  title,
  more,
  moreText,
  loading,
  error,
  empty,
  children,
}: {
  title: string;
  more: string;
  moreText: string;
  loading: boolean;
  error: unknown;
  empty: ReactNode | null;
  children: ReactNode;
}) {
  return (
    <Card
      size="small"
      title={<h2 style={{ fontSize: 17, margin: 0 }}>{title}</h2>}
      extra={<Link to={more}>{moreText}</Link>}
      style={{ height: '100%' }}
    >
      {error ? (
        <Alert type="error" showIcon title={`${title}加载失败：${errorMessage(error)}`} />
      ) : loading ? (
        <Skeleton active paragraph={{ rows: 5 }} />
      ) : (
        (empty ?? <ol style={{ listStyle: 'none', margin: 0, padding: 0 }}>{children}</ol>)
      )}
    </Card>
  );
}

export function LatestResults() {
  const q = useQuery({
    queryKey: ['results', 'home-latest'],
    queryFn: async () => unwrap(await api.GET('/api/results', { params: { query: latestQuery } })),
  });
  const items = q.data?.items ?? [];
  return (
    <Box
      title="最新科技成果"
      more="/search?type=result"
      moreText="更多成果"
      loading={q.isPending}
      error={q.error}
      empty={items.length ? null : <Empty description="还没有已发布的科技成果。高校、院所登录后可在“我的成果”中发布。" />}
    >
      {items.map((r) => (
        <li key={r.id} style={itemStyle} data-testid="home-latest-result">
          <Link to={`/results/${r.id}`} style={{ fontWeight: 500 }}>
            {r.title}
          </Link>
          <Flex wrap gap={8} style={muted}>
            <span>{r.organizationName}</span>
            {r.field && <span>{r.field}</span>}
            <span>{priceText(r.askingPriceYuan, r.priceNegotiable)}</span>
            <span>{dayText(r.publishedAt)}</span>
          </Flex>
        </li>
      ))}
    </Box>
  );
}

export function LatestNeeds() {
  const q = useQuery({
    queryKey: ['needs', 'home-latest'],
    queryFn: async () => unwrap(await api.GET('/api/needs', { params: { query: latestQuery } })),
  });
  const items = q.data?.items ?? [];
  return (
    <Box
      title="最新技术需求"
      more="/search?type=need"
      moreText="更多需求"
      loading={q.isPending}
      error={q.error}
      empty={items.length ? null : <Empty description="还没有已发布的技术需求。企业登录后可在“我的需求”中发布。" />}
    >
      {items.map((n) => (
        <li key={n.id} style={itemStyle} data-testid="home-latest-need">
          <Link to={`/needs/${n.id}`} style={{ fontWeight: 500 }}>
            {n.title}
          </Link>
          <Flex wrap gap={8} style={muted}>
            <span>{n.organizationName}</span>
            {n.field && <span>{n.field}</span>}
            <span>预算 {budgetText(n.budgetMinYuan, n.budgetMaxYuan)}</span>
            <span>{dayText(n.publishedAt)}</span>
          </Flex>
        </li>
      ))}
    </Box>
  );
}

/** The calls open now (揭榜中), nearest deadline shown per row; shared with the home page's figures. */
export function useOpenChallenges() {
  return useQuery({
    queryKey: ['challenges', 'home-open'],
    queryFn: async () =>
      unwrap(await api.GET('/api/challenges', { params: { query: { status: 'published', page: 1, pageSize: LATEST } } })),
  });
}

export function OpenChallenges() {
  const q = useOpenChallenges();
  const items = q.data?.items ?? [];
  return (
    <Box
      title="揭榜挂帅 · 正在揭榜"
      more="/challenges"
      moreText="全部榜单"
      loading={q.isPending}
      error={q.error}
      empty={items.length ? null : <Empty description="目前没有正在揭榜的榜单，可以查看往期榜单或浏览企业技术需求。" />}
    >
      {items.map((c) => (
        <li key={c.id} style={itemStyle} data-testid="home-open-challenge">
          <Flex justify="space-between" gap={12} wrap>
            <Link to={`/challenges/${c.id}`} style={{ fontWeight: 500 }}>
              {c.title}
            </Link>
            <Tag color="processing">{deadlineText(c.closesAt)}</Tag>
          </Flex>
          <Flex wrap gap={8} style={muted}>
            <span>{c.field}</span>
            <span>财政资金上限 {wan(c.budgetCapYuan)}</span>
            <span>申报截止 {dayText(c.closesAt)}</span>
          </Flex>
        </li>
      ))}
    </Box>
  );
}
