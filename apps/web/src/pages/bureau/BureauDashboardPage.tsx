import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, ConfigProvider, Flex, Row, Skeleton, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { errorMessage } from '../../components/api-errors';
import { wan } from '../../components/labels';
import { ReadableTheme, UNDERLINE } from '../challenges/ChallengeShared';
import { ChallengeSection, ContractSection, OrganizationSection } from './DashboardMoreSections';
import { FunnelSection, ListsSection } from './DashboardSections';
import DashboardFilters, { useStatsFilter } from './stats/DashboardFilters';
import { pct, useStatsFigures } from './stats/stats-api';
import TargetsSection from './stats/TargetsSection';

/** Bull Board reads a short-lived cookie the API sets for the bureau: ask for it, then open the board. */
function QueueLink() {
  return (
    <a
      href="/api/admin/queues"
      style={UNDERLINE}
      onClick={async (e) => {
        e.preventDefault();
        await api.POST('/api/admin/queues-session');
        window.location.assign('/api/admin/queues');
      }}
    >
      任务队列监控
    </a>
  );
}

function Figure({ id, title, value, hint }: { id: string; title: string; value: ReactNode; hint?: string }) {
  return (
    <Col xs={12} md={8} xl={4}>
      <Card size="small" style={{ height: '100%' }}>
        <Statistic title={title} value={value as string} valueRender={() => <span data-testid={`dash-figure-${id}`}>{value}</span>} />
        {hint && <Typography.Text style={{ color: 'rgba(0,0,0,0.65)', fontSize: 12 }}>{hint}</Typography.Text>}
      </Card>
    </Col>
  );
}

/** How many items wait for the bureau now (review queues), whatever the period. */
function usePendingCount() {
  return useQuery({
    queryKey: ['bureau', 'pending'],
    staleTime: 30_000,
    queryFn: async () => {
      const page = { params: { query: { page: 1, pageSize: 1 } } };
      const [n, r, a, c] = await Promise.all([
        api.GET('/api/needs/review-queue', page),
        api.GET('/api/results/review-queue', page),
        api.GET('/api/adoptions/review-queue', page),
        api.GET('/api/contracts/review-queue', page),
      ]);
      return { review: unwrap(n).total + unwrap(r).total + unwrap(a).total, contracts: unwrap(c).total };
    },
  });
}

/**
 * The bureau's figures for a period (year, quarter, month or range, Beijing time) and a place (the
 * city or one county), by field where a figure has one: the three lists, the funnel, technology
 * contracts, open calls, organizations, and the plan's targets; charts and tables of the same numbers.
 */
export default function BureauDashboardPage() {
  const { query } = useStatsFilter();
  const f = useStatsFigures(query);
  const pending = usePendingCount();
  const [l, fu, c, ch, o] = [f.lists.data, f.funnel.data, f.contracts.data, f.challenges.data, f.organizations.data];
  const failed = (q: { isError: boolean; error: unknown }, what: string) =>
    q.isError && <Alert type="error" showIcon title={`${what}加载失败`} description={errorMessage(q.error)} />;
  const section = (q: { isLoading: boolean; isError: boolean; error: unknown }, what: string, body: ReactNode) => (
    <>
      {failed(q, what)}
      {q.isLoading ? <Skeleton active /> : body}
    </>
  );

  return (
    <ReadableTheme>
      {/* Empty tables' placeholders stay readable: AA contrast. */}
      <ConfigProvider theme={{ token: { colorTextDisabled: 'rgba(0, 0, 0, 0.6)' } }}>
        <Flex vertical gap={16}>
          <div>
            <Typography.Title level={1} style={{ fontSize: 24 }}>
              数据概览
            </Typography.Title>
            <Flex gap={16} wrap aria-label="控制台页面">
              <Link to="/bureau/review" style={UNDERLINE}>
                审核队列{pending.data?.review ? `（${pending.data.review} 项待审）` : ''}
              </Link>
              <Link to="/bureau/contracts" style={UNDERLINE}>
                技术合同认定登记{pending.data?.contracts ? `（${pending.data.contracts} 项待认定）` : ''}
              </Link>
              <Link to="/bureau/organizations" style={UNDERLINE}>
                单位管理
              </Link>
              <Link to="/bureau/challenges" style={UNDERLINE}>
                榜单管理
              </Link>
              <Link to="/bureau/experts" style={UNDERLINE}>
                专家库
              </Link>
              <Link to="/bureau/catalog-io" style={UNDERLINE}>
                导入导出
              </Link>
              <QueueLink />
            </Flex>
          </div>
          <Card size="small">
            <DashboardFilters />
            {l && (
              <Typography.Paragraph style={{ margin: '8px 0 0' }} data-testid="stats-scope">
                统计期间：{l.scope.periodLabel}（{l.scope.from} 至 {l.scope.to}，北京时间）；地区：{l.scope.place}；产业领域：
                {l.scope.field ?? '全部'}
              </Typography.Paragraph>
            )}
          </Card>
          <Row gutter={[12, 12]}>
            {l && (
              <>
                <Figure id="needs" title="新增技术需求" value={l.needs.new} hint={`期末在库 ${l.needs.published} 项`} />
                <Figure id="results" title="新增科技成果" value={l.results.new} hint={`期末在库 ${l.results.published} 项`} />
                <Figure id="conversion" title="成果转化率" value={pct(l.conversion.rate)} hint="新发布成果中已认定登记合同的比例" />
              </>
            )}
            {c && (
              <>
                <Figure
                  id="contract-amount"
                  title="技术合同成交额"
                  value={wan(c.total.techAmountYuan)}
                  hint={`认定登记 ${c.total.count} 项`}
                />
                <Figure id="contracts-waiting" title="待认定合同" value={c.awaitingCertification} hint="当前，不限期间" />
              </>
            )}
            {fu && (
              <Figure
                id="deals"
                title="对接成交"
                value={fu.steps.find((s) => s.key === 'deals')?.count ?? 0}
                hint={`对接请求 ${fu.steps[1]?.count ?? 0} 次`}
              />
            )}
            {ch && (
              <Figure
                id="funds-committed"
                title="揭榜已承诺资金"
                value={wan(ch.fundsCommittedYuan)}
                hint={`已拨付 ${wan(ch.fundsReleasedYuan)}`}
              />
            )}
            {ch && (
              <Figure
                id="completion-rate"
                title="榜单完成率"
                value={pct(ch.completionRate)}
                hint={`通过 ${ch.completed} 个，未通过 ${ch.failed} 个`}
              />
            )}
            {o && <Figure id="active-orgs" title="活跃单位" value={o.totals.active} hint={`已认证 ${o.totals.verified} 家`} />}
          </Row>
          {section(f.lists, '清单统计', l && <ListsSection data={l} />)}
          {section(f.funnel, '对接统计', fu && <FunnelSection data={fu} />)}
          {section(f.contracts, '技术合同统计', c && <ContractSection data={c} />)}
          {section(f.challenges, '揭榜挂帅统计', ch && <ChallengeSection data={ch} />)}
          {section(f.organizations, '单位统计', o && <OrganizationSection data={o} fieldIgnored={!!query.field} />)}
          <TargetsSection />
        </Flex>
      </ConfigProvider>
    </ReadableTheme>
  );
}
