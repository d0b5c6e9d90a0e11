import { Card, Col, Row, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import DashboardChart, { barOption } from './DashboardChart';
import { type CountEntry, type FunnelFigures, type ListsFigures, pct } from './stats/stats-api';

const pageOf = (n: number) => (n > 10 ? { pageSize: 10, showTotal: (t: number) => `共 ${t} 项` } : false);

export function CountTable<T extends object>({
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

/** A dashboard section: its title, the definition of its figures, its content. */
export function SectionCard({
  title,
  definition,
  children,
  testId,
}: {
  title: string;
  definition?: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Card
      data-testid={testId}
      title={
        <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
          {title}
        </Typography.Title>
      }
    >
      {definition && <Typography.Paragraph style={{ color: 'rgba(0,0,0,0.65)', fontSize: 13 }}>口径：{definition}</Typography.Paragraph>}
      {children}
    </Card>
  );
}

const countCol = { title: '数量', dataIndex: 'count', align: 'right' as const };

/** Needs and results side by side: a key (field, county, month) with both counts. */
function pairRows(a: CountEntry[], b: CountEntry[]): { key: string; needs: number; results: number }[] {
  const keys = [...new Set([...a, ...b].map((x) => x.key))];
  const of = (rows: CountEntry[], k: string) => rows.find((r) => r.key === k)?.count ?? 0;
  return keys.map((key) => ({ key, needs: of(a, key), results: of(b, key) }));
}

function PairTable({
  caption,
  keyTitle,
  rows,
}: {
  caption: string;
  keyTitle: string;
  rows: { key: string; needs: number; results: number }[];
}) {
  return (
    <CountTable
      caption={caption}
      rows={rows}
      rowKey="key"
      columns={[
        { title: keyTitle, dataIndex: 'key' },
        { title: '技术需求', dataIndex: 'needs', align: 'right' },
        { title: '科技成果', dataIndex: 'results', align: 'right' },
      ]}
    />
  );
}

/** The three lists for the period and place: stock, new, closed, met and applied; by field, county, month. */
export function ListsSection({ data }: { data: ListsFigures }) {
  const { needs, results, conversion } = data;
  const months = pairRows(needs.newByMonth, results.newByMonth).sort((a, b) => a.key.localeCompare(b.key));
  const fields = pairRows(needs.newByField, results.newByField).sort((a, b) => b.needs + b.results - (a.needs + a.results));
  const summary = [
    { key: '期末在库（已发布未关闭）', needs: needs.published, results: results.published },
    { key: '统计期内新增发布', needs: needs.new, results: results.new },
    { key: '统计期内关闭', needs: needs.closed, results: results.closed },
    { key: '已对接成交的需求 / 已转化应用的成果', needs: needs.met, results: results.applied },
  ];
  return (
    <SectionCard title="三张清单" definition={conversion.definition} testId="stats-lists">
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <PairTable caption="清单数量" keyTitle="指标" rows={summary} />
          <Typography.Paragraph data-testid="stats-conversion">
            成果转化率：<strong>{pct(conversion.rate)}</strong>（统计期内新发布成果 {conversion.publishedResults}{' '}
            项，其中已认定登记技术合同的 {conversion.convertedResults} 项）
          </Typography.Paragraph>
        </Col>
        <Col xs={24} lg={12}>
          <DashboardChart
            summary={`统计期内每月新增发布：${months.map((m) => `${m.key} 需求 ${m.needs} 项、成果 ${m.results} 项`).join('；') || '暂无'}`}
            option={barOption(
              months.map((m) => m.key),
              [
                { name: '技术需求', data: months.map((m) => m.needs) },
                { name: '科技成果', data: months.map((m) => m.results) },
              ],
            )}
          />
        </Col>
        <Col xs={24} lg={12}>
          <PairTable caption="新增按产业领域" keyTitle="产业领域" rows={fields} />
        </Col>
        <Col xs={24} lg={12}>
          <PairTable caption="新增按县（市、区）" keyTitle="县（市、区）" rows={pairRows(needs.newByCounty, results.newByCounty)} />
          <PairTable caption="新增按月份" keyTitle="月份" rows={months} />
        </Col>
      </Row>
    </SectionCard>
  );
}

/** Matches → requests → accepted → deals → certified contracts, and how fast requests are answered. */
export function FunnelSection({ data }: { data: FunnelFigures }) {
  const steps = data.steps;
  return (
    <SectionCard title="供需对接漏斗" definition={data.definition} testId="stats-funnel">
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <DashboardChart
            summary={`对接漏斗：${steps.map((s) => `${s.label} ${s.count}`).join('，')}`}
            option={{
              tooltip: { trigger: 'item' },
              series: [
                {
                  type: 'funnel',
                  sort: 'none',
                  minSize: '10%',
                  label: { formatter: '{b}：{c}', color: '#fff' },
                  data: steps.map((s) => ({ name: s.label, value: s.count })),
                },
              ],
            }}
          />
          <CountTable
            caption={`对接漏斗（答复时间中位数：${data.medianResponseHours === null ? '尚无答复' : `${data.medianResponseHours} 小时`}）`}
            rows={steps}
            rowKey="key"
            columns={[
              { title: '环节', dataIndex: 'label' },
              countCol,
              { title: '较上一环节', dataIndex: 'conversion', align: 'right', render: (c: number | null) => (c === null ? '—' : pct(c)) },
            ]}
          />
        </Col>
        <Col xs={24} lg={14}>
          <CountTable
            caption="各单位答复对接请求的时间（中位数短的在前）"
            rows={data.responseByOrganization}
            rowKey="organizationId"
            columns={[
              { title: '单位', key: 'org', render: (_v, r) => <Link to={`/organizations/${r.organizationId}`}>{r.organizationName}</Link> },
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
    </SectionCard>
  );
}
