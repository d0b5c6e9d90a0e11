import { Card, Col, Row, Table, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import type { components } from '../../api/schema';
import { wan } from '../../components/labels';
import DashboardChart, { barOption } from './DashboardChart';

type Catalog = components['schemas']['CatalogFiguresDto'];
type ListFigures = components['schemas']['CatalogListFiguresDto'];
type Engagements = components['schemas']['EngagementFiguresDto'];
type Challenges = components['schemas']['ChallengeFiguresDto'];

const pageOf = (n: number) => (n > 10 ? { pageSize: 10, showTotal: (t: number) => `共 ${t} 项` } : false);

function CountTable<T extends object>({
  rows,
  columns,
  rowKey,
  caption,
}: {
  rows: T[];
  columns: ColumnsType<T>;
  rowKey: string;
  caption: string;
}) {
  return (
    <Table<T>
      size="small"
      rowKey={rowKey}
      dataSource={rows}
      columns={columns}
      pagination={pageOf(rows.length)}
      title={() => <Typography.Text strong>{caption}</Typography.Text>}
      locale={{ emptyText: '暂无数据' }}
    />
  );
}

const countCol = { title: '数量', dataIndex: 'count', align: 'right' as const };

/** One list (needs or results): by status, by field, by city, by month. */
function ListFigurePanel({ name, f }: { name: string; f: ListFigures }) {
  const months = f.publishedByMonth;
  const fields = f.publishedByField.slice(0, 15);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <DashboardChart
          summary={`${name}近十二个月每月发布数量：${months.map((m) => `${m.month} ${m.count} 项`).join('；') || '暂无'}`}
          option={{
            tooltip: { trigger: 'axis' },
            grid: { left: 8, right: 24, top: 12, bottom: 8, containLabel: true },
            xAxis: { type: 'category', data: months.map((m) => m.month) },
            yAxis: { type: 'value', minInterval: 1 },
            series: [{ name: '发布数量', type: 'line', data: months.map((m) => m.count) }],
          }}
        />
        <CountTable
          caption={`${name}按月发布（最近十二个月）`}
          rows={months}
          rowKey="month"
          columns={[{ title: '月份', dataIndex: 'month' }, countCol]}
        />
      </Col>
      <Col xs={24} lg={12}>
        <DashboardChart
          height={Math.max(240, fields.length * 26 + 40)}
          summary={`已发布${name}按产业领域（前 15 个）：${fields.map((x) => `${x.field} ${x.count} 项`).join('；') || '暂无'}`}
          option={barOption(
            [...fields].reverse().map((x) => x.field),
            [{ name: '已发布', data: [...fields].reverse().map((x) => x.count) }],
            true,
          )}
        />
        <CountTable
          caption={`已发布${name}按产业领域`}
          rows={f.publishedByField}
          rowKey="field"
          columns={[{ title: '产业领域', dataIndex: 'field' }, countCol]}
        />
      </Col>
      <Col xs={24} lg={12}>
        <CountTable
          caption={`${name}各状态数量`}
          rows={f.byStatus}
          rowKey="status"
          columns={[{ title: '状态', dataIndex: 'label' }, countCol]}
        />
      </Col>
      <Col xs={24} lg={12}>
        <CountTable
          caption={`已发布${name}按地级市`}
          rows={f.publishedByCity}
          rowKey="city"
          columns={[{ title: '地级市', dataIndex: 'city' }, countCol]}
        />
      </Col>
    </Row>
  );
}

const amountCols = [
  { title: '合同数量', dataIndex: 'count', align: 'right' as const },
  { title: '合同金额', dataIndex: 'amountYuan', align: 'right' as const, render: (v: number) => wan(v) },
];

export function CatalogSection({ data }: { data: Catalog }) {
  const a = data.adoptions;
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
          三张清单
        </Typography.Title>
      }
    >
      <Tabs
        items={[
          { key: 'needs', label: '技术需求', children: <ListFigurePanel name="技术需求" f={data.needs} /> },
          { key: 'results', label: '科技成果', children: <ListFigurePanel name="科技成果" f={data.results} /> },
          {
            key: 'adoptions',
            label: '成果转化应用',
            children: (
              <Row gutter={[16, 16]}>
                <Col xs={24} lg={12}>
                  <DashboardChart
                    summary={`已确认的转化应用按签订年度：${a.byYear.map((y) => `${y.year} 年 ${y.count} 项、${wan(y.amountYuan)}`).join('；') || '暂无'}`}
                    option={barOption(
                      a.byYear.map((y) => String(y.year)),
                      [{ name: '合同数量', data: a.byYear.map((y) => y.count) }],
                    )}
                  />
                  <CountTable
                    caption="按签订年度（已确认）"
                    rows={a.byYear}
                    rowKey="year"
                    columns={[{ title: '年度', dataIndex: 'year' }, ...amountCols]}
                  />
                </Col>
                <Col xs={24} lg={12}>
                  <CountTable
                    caption="各状态数量"
                    rows={a.byStatus}
                    rowKey="status"
                    columns={[{ title: '状态', dataIndex: 'label' }, countCol]}
                  />
                  <CountTable
                    caption="按合同类型（已确认）"
                    rows={a.byContractKind}
                    rowKey="contractKind"
                    columns={[{ title: '合同类型', dataIndex: 'contractKind' }, ...amountCols]}
                  />
                </Col>
                <Col xs={24}>
                  <CountTable
                    caption="按成果的产业领域（已确认）"
                    rows={a.byField}
                    rowKey="field"
                    columns={[{ title: '产业领域', dataIndex: 'field' }, ...amountCols]}
                  />
                </Col>
              </Row>
            ),
          },
        ]}
      />
    </Card>
  );
}

export function EngagementSection({ data }: { data: Engagements }) {
  const f = data.funnel;
  const steps = [
    { name: '匹配', value: f.matched },
    { name: '对接请求', value: f.requested },
    { name: '被接受', value: f.accepted },
    { name: '成交', value: f.deal },
  ];
  const rate = (a: number, b: number) => (b ? `${((a / b) * 100).toFixed(1)}%` : '—');
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
          供需对接
        </Typography.Title>
      }
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <DashboardChart
            summary={`对接漏斗：${steps.map((s) => `${s.name} ${s.value}`).join('，')}`}
            option={{
              tooltip: { trigger: 'item' },
              series: [{ type: 'funnel', sort: 'none', minSize: '10%', label: { formatter: '{b}：{c}', color: '#fff' }, data: steps }],
            }}
          />
          <CountTable
            caption="对接漏斗"
            rows={steps.map((s, i) => ({ ...s, rate: i ? rate(s.value, steps[i - 1].value) : '—' }))}
            rowKey="name"
            columns={[
              { title: '环节', dataIndex: 'name' },
              { title: '数量', dataIndex: 'value', align: 'right' },
              { title: '较上一环节', dataIndex: 'rate', align: 'right' },
            ]}
          />
        </Col>
        <Col xs={24} lg={14}>
          <CountTable
            caption="各单位答复对接请求的时间（中位数短的在前）"
            rows={data.responseTimes}
            rowKey="organizationId"
            columns={[
              {
                title: '单位',
                key: 'org',
                render: (_v, r) => <Link to={`/organizations/${r.organizationId}`}>{r.organizationName ?? '未命名单位'}</Link>,
              },
              {
                title: '答复时间中位数',
                dataIndex: 'medianHours',
                align: 'right',
                render: (h: number | null) => (h === null ? '尚无答复' : `${h} 小时`),
              },
              { title: '已答复', dataIndex: 'answered', align: 'right' },
              { title: '待答复', dataIndex: 'waiting', align: 'right' },
            ]}
          />
        </Col>
      </Row>
    </Card>
  );
}

export function ChallengeSection({ data }: { data: Challenges }) {
  const rows = data.proposalsPerChallenge;
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
          揭榜挂帅
        </Typography.Title>
      }
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <DashboardChart
            height={Math.max(220, rows.length * 30 + 40)}
            summary={`各已发布榜单的申请数：${rows.map((r) => `${r.title} ${r.proposals} 份`).join('；') || '暂无'}`}
            option={barOption(
              [...rows].reverse().map((r) => r.title),
              [{ name: '申请数', data: [...rows].reverse().map((r) => r.proposals) }],
              true,
            )}
          />
          <CountTable
            caption="各已发布榜单的申请数（不含草稿和已撤回）"
            rows={rows}
            rowKey="challengeId"
            columns={[
              { title: '榜单', key: 'title', render: (_v, r) => <Link to={`/bureau/challenges/${r.challengeId}`}>{r.title}</Link> },
              { title: '申请数', dataIndex: 'proposals', align: 'right' },
            ]}
          />
        </Col>
        <Col xs={24} lg={12}>
          <CountTable
            caption="各年度各领域已发布的榜单数"
            rows={data.challengesByYearAndField.map((r) => ({ ...r, key: `${r.year}-${r.field}` }))}
            rowKey="key"
            columns={[
              { title: '年度', dataIndex: 'year' },
              { title: '产业领域', dataIndex: 'field' },
              { title: '榜单数', dataIndex: 'challenges', align: 'right' },
            ]}
          />
        </Col>
      </Row>
    </Card>
  );
}
