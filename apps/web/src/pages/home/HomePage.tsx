import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Flex, Row, Segmented, Skeleton, Statistic, Typography } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import PublicTheme from '../catalog/PublicTheme';
import SearchBox from '../search/SearchBox';
import type { FieldCount } from './HomeFieldChart';
import { LatestNeeds, LatestResults, OpenChallenges, useOpenChallenges } from './HomeLatest';

/** ECharts is loaded only when the chart is drawn: the home page's first script stays small. */
const HomeFieldChart = lazy(() => import('./HomeFieldChart'));

type Kind = 'result' | 'need';
const CHART_FIELDS = 12;

/** The big search box: pick 成果 or 需求, type, go to the search page. */
function HomeSearch() {
  const navigate = useNavigate();
  const [type, setType] = useState<Kind>('result');
  const [q, setQ] = useState('');
  const go = (text: string) => {
    const p = new URLSearchParams({ type });
    if (text.trim()) p.set('q', text.trim());
    navigate(`/search?${p.toString()}`);
  };
  return (
    <Flex gap={12} wrap align="center">
      <Segmented<Kind>
        aria-label="搜索类别"
        size="large"
        value={type}
        onChange={setType}
        options={[
          { value: 'result', label: '找成果' },
          { value: 'need', label: '找需求' },
        ]}
      />
      <div style={{ flex: 1, minWidth: 260 }}>
        <SearchBox
          testId="home-search-input"
          label="搜索关键词"
          placeholder={type === 'result' ? '搜索高校、院所的科技成果，如“磷石膏综合利用”' : '搜索企业的技术需求，如“电池回收”'}
          value={q}
          onChange={setQ}
          onSearch={go}
        />
      </div>
    </Flex>
  );
}

/** Published totals and by-field counts, from the public search API's facets. */
function useFieldFacets(type: Kind) {
  return useQuery({
    queryKey: ['search', 'home-facets', type],
    queryFn: async () => unwrap(await api.GET('/api/search', { params: { query: { type, page: 1, pageSize: 1, facets: ['field'] } } })),
    staleTime: 60_000,
  });
}

/** The platform's public figures (one request): what is published now, and this year's certified contracts. */
function usePublicFigures() {
  return useQuery({
    queryKey: ['stats', 'public'],
    queryFn: async () => unwrap(await api.GET('/api/stats/public')),
    staleTime: 60_000,
  });
}

function Figures() {
  const pub = usePublicFigures();
  const challenges = useOpenChallenges();
  const p = pub.data;
  const figures = [
    { key: 'results', title: '已发布科技成果', value: p?.publishedResults, loading: pub.isPending, to: '/search?type=result', unit: '项' },
    { key: 'needs', title: '已发布技术需求', value: p?.publishedNeeds, loading: pub.isPending, to: '/search?type=need', unit: '项' },
    {
      key: 'contracts',
      title: p ? `${p.year}年技术合同成交额` : '本年度技术合同成交额',
      value: p ? Math.round(p.certifiedTechAmountYuan / 100) / 100 : undefined,
      loading: pub.isPending,
      unit: `万元（认定登记 ${p?.certifiedContracts ?? 0} 项）`,
    },
    {
      key: 'challenges',
      title: '正在揭榜的榜单',
      value: challenges.data?.total,
      loading: challenges.isPending,
      to: '/challenges',
      unit: '个',
    },
  ];
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      {figures.map((f) => (
        <Col key={f.key} xs={12} md={6}>
          <Card size="small" data-testid={`home-figure-${f.key}`}>
            <Statistic
              title={f.to ? <Link to={f.to}>{f.title}</Link> : <span style={{ color: 'rgba(0,0,0,0.75)' }}>{f.title}</span>}
              value={f.value ?? '—'}
              suffix={f.value === undefined ? undefined : f.unit}
              loading={f.loading}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function FieldChartCard() {
  const results = useFieldFacets('result');
  const needs = useFieldFacets('need');
  const loading = results.isPending || needs.isPending;
  const r = results.data?.facets.field ?? {};
  const n = needs.data?.facets.field ?? {};
  const data: FieldCount[] = [...new Set([...Object.keys(r), ...Object.keys(n)])]
    .map((field) => ({ field, results: r[field] ?? 0, needs: n[field] ?? 0 }))
    .sort((a, b) => b.results + b.needs - (a.results + a.needs))
    .slice(0, CHART_FIELDS);
  return (
    <Card
      size="small"
      title={<h2 style={{ fontSize: 17, margin: 0 }}>各产业领域的成果与需求</h2>}
      extra={<span style={{ color: 'rgba(0,0,0,0.65)', fontSize: 13 }}>前 {CHART_FIELDS} 个领域 · 点击柱条查看</span>}
      style={{ height: '100%' }}
    >
      {loading ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : results.error || needs.error ? (
        <Empty description="统计暂时无法加载，请稍后刷新页面。" />
      ) : data.length === 0 ? (
        <Empty description="还没有已发布的成果或需求，发布后这里会按领域统计。" />
      ) : (
        <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
          <HomeFieldChart data={data} />
        </Suspense>
      )}
    </Card>
  );
}

export default function HomePage() {
  useEffect(() => {
    document.title = '科技成果转化供需对接平台';
  }, []);
  return (
    <PublicTheme>
      <Card style={{ marginBottom: 16, background: 'linear-gradient(135deg, #eef4ff 0%, #ffffff 70%)' }}>
        <Typography.Title level={1} style={{ fontSize: 26, marginTop: 0 }}>
          科技成果转化供需对接平台
        </Typography.Title>
        <Typography.Paragraph style={{ color: 'rgba(0,0,0,0.75)', fontSize: 15 }}>
          汇集高校、科研院所的科技成果和企业的技术需求，智能匹配、在线对接，以“揭榜挂帅”攻关关键技术难题。
        </Typography.Paragraph>
        <HomeSearch />
      </Card>

      <Figures />

      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={14}>
          <FieldChartCard />
        </Col>
        <Col xs={24} lg={10}>
          <OpenChallenges />
        </Col>
      </Row>

      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <LatestResults />
        </Col>
        <Col xs={24} md={12}>
          <LatestNeeds />
        </Col>
      </Row>
    </PublicTheme>
  );
}
