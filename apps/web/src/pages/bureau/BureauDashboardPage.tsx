import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, ConfigProvider, Flex, Row, Skeleton, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { errorMessage } from '../../components/api-errors';
import { wan } from '../../components/labels';
import { ReadableTheme, UNDERLINE } from '../challenges/ChallengeShared';
import { CatalogSection, ChallengeSection, EngagementSection } from './DashboardSections';

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

const count = (rows: { status: string; count: number }[], status: string) => rows.find((r) => r.status === status)?.count ?? 0;

/** The bureau's figures: the three lists, engagements, open calls — as charts and as tables of the same numbers. */
export default function BureauDashboardPage() {
  const catalog = useQuery({ queryKey: ['stats', 'catalog'], queryFn: async () => unwrap(await api.GET('/api/stats/catalog')) });
  const engagements = useQuery({
    queryKey: ['stats', 'engagements'],
    queryFn: async () => unwrap(await api.GET('/api/stats/engagements')),
  });
  const challenges = useQuery({ queryKey: ['stats', 'challenges'], queryFn: async () => unwrap(await api.GET('/api/stats/challenges')) });
  const c = catalog.data;
  const e = engagements.data;
  const ch = challenges.data;
  const pending = c
    ? count(c.needs.byStatus, 'submitted') + count(c.results.byStatus, 'submitted') + count(c.adoptions.byStatus, 'pending')
    : null;

  const failed = (q: { isError: boolean; error: unknown }, what: string) =>
    q.isError && <Alert type="error" showIcon message={`${what}加载失败`} description={errorMessage(q.error)} />;

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
                审核队列{pending ? `（${pending} 项待审）` : ''}
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
          <Alert
            type="info"
            showIcon
            message="统计口径"
            description="统计接口不提供按时间段或地区筛选，以下为平台全部数据的实时统计：按月发布数量为最近十二个月（北京时间），地区按地级市汇总（县区计入所在市），转化应用的金额只计已确认的。"
          />
          <Row gutter={[12, 12]}>
            {c && (
              <>
                <Figure id="needs" title="已发布技术需求" value={count(c.needs.byStatus, 'published')} />
                <Figure id="results" title="已发布科技成果" value={count(c.results.byStatus, 'published')} />
                <Figure id="pending" title="待审核" value={pending ?? 0} hint="需求、成果与转化应用" />
                <Figure id="adoptions" title="已确认转化应用" value={c.adoptions.confirmed} />
                <Figure id="contract-amount" title="合同金额合计" value={wan(c.adoptions.contractAmountYuan)} />
                <Figure id="benefit" title="已实现效益" value={wan(c.adoptions.realizedBenefitYuan)} />
              </>
            )}
            {e && (
              <>
                <Figure id="matched" title="匹配数" value={e.funnel.matched} />
                <Figure id="requested" title="对接请求" value={e.funnel.requested} />
                <Figure id="deals" title="成交" value={e.funnel.deal} />
              </>
            )}
            {ch && (
              <>
                <Figure id="funds-committed" title="揭榜已承诺资金" value={wan(ch.fundsCommittedYuan)} hint="中榜核定经费之和" />
                <Figure id="funds-released" title="揭榜已拨付资金" value={wan(ch.fundsReleasedYuan)} hint="已通过里程碑金额之和" />
                <Figure
                  id="completion-rate"
                  title="榜单完成率"
                  value={ch.completionRate === null ? '尚无结果' : `${(ch.completionRate * 100).toFixed(1)}%`}
                  hint={`已验收 ${ch.completed} 个，不通过 ${ch.failed} 个`}
                />
              </>
            )}
          </Row>
          {failed(catalog, '清单统计')}
          {catalog.isLoading ? <Skeleton active /> : c && <CatalogSection data={c} />}
          {failed(engagements, '对接统计')}
          {engagements.isLoading ? <Skeleton active /> : e && <EngagementSection data={e} />}
          {failed(challenges, '揭榜挂帅统计')}
          {challenges.isLoading ? <Skeleton active /> : ch && <ChallengeSection data={ch} />}
        </Flex>
      </ConfigProvider>
    </ReadableTheme>
  );
}
