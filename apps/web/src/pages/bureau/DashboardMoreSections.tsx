import { Col, Row, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { wan } from '../../components/labels';
import DashboardChart, { barOption } from './DashboardChart';
import { CountTable, SectionCard } from './DashboardSections';
import { type ChallengeFigures, type ContractBreakdown, type ContractFigures, type OrganizationFigures, pct } from './stats/stats-api';

const contractColumns = (keyTitle: string) => [
  { title: keyTitle, dataIndex: 'key' },
  { title: '合同数', dataIndex: 'count', align: 'right' as const },
  { title: '技术交易额', dataIndex: 'techAmountYuan', align: 'right' as const, render: (v: number) => wan(v) },
  { title: '合同金额', dataIndex: 'amountYuan', align: 'right' as const, render: (v: number) => wan(v) },
];

function ContractTable({ caption, keyTitle, rows }: { caption: string; keyTitle: string; rows: ContractBreakdown[] }) {
  return <CountTable caption={caption} rows={rows} rowKey="key" columns={contractColumns(keyTitle)} />;
}

/** 技术合同: certified contracts only, 技术交易额 by kind, field, county, party kind and month. */
export function ContractSection({ data }: { data: ContractFigures }) {
  return (
    <SectionCard title="技术合同认定登记" definition={data.definition} testId="stats-contracts">
      <Typography.Paragraph>
        认定登记 <strong data-testid="stats-contract-count">{data.total.count}</strong> 项，技术合同成交额（技术交易额）
        <strong data-testid="stats-contract-amount">{wan(data.total.techAmountYuan)}</strong>，合同金额 {wan(data.total.amountYuan)}。
        当前待认定 {data.awaitingCertification} 项、已退回待修改 {data.returned} 项（<Link to="/bureau/contracts">去认定登记</Link>）。
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <DashboardChart
            summary={`按技术合同类别：${data.byKind.map((k) => `${k.key} ${k.count} 项、${wan(k.techAmountYuan)}`).join('；')}`}
            option={barOption(
              data.byKind.map((k) => k.key),
              [{ name: '技术交易额（万元）', data: data.byKind.map((k) => Math.round(k.techAmountYuan / 100) / 100) }],
            )}
          />
          <ContractTable caption="按技术合同类别" keyTitle="类别" rows={data.byKind} />
          <ContractTable caption="按登记月份" keyTitle="月份" rows={data.byMonth} />
        </Col>
        <Col xs={24} lg={12}>
          <ContractTable caption="按产业领域" keyTitle="产业领域" rows={data.byField} />
          <ContractTable caption="按买方所在县（市、区）" keyTitle="县（市、区）" rows={data.byCounty} />
          <ContractTable caption="按卖方单位类型" keyTitle="卖方" rows={data.bySellerKind} />
          <ContractTable caption="按买方单位类型" keyTitle="买方" rows={data.byBuyerKind} />
        </Col>
      </Row>
    </SectionCard>
  );
}

export function ChallengeSection({ data }: { data: ChallengeFigures }) {
  const rows = data.proposalsPerChallenge;
  return (
    <SectionCard title="揭榜挂帅" definition={data.definition} testId="stats-challenges">
      <Typography.Paragraph>
        发布榜单 {data.published} 个，重点支持项目 {data.supported} 个；已承诺资金 {wan(data.fundsCommittedYuan)}，已拨付{' '}
        {wan(data.fundsReleasedYuan)}；完成率 {pct(data.completionRate)}（通过验收 {data.completed} 个，未通过 {data.failed} 个）。
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <DashboardChart
            height={Math.max(220, rows.length * 30 + 40)}
            summary={`各榜单的申请数：${rows.map((r) => `${r.title} ${r.proposals} 份`).join('；') || '暂无'}`}
            option={barOption(
              [...rows].reverse().map((r) => r.title),
              [{ name: '申请数', data: [...rows].reverse().map((r) => r.proposals) }],
              true,
            )}
          />
          <CountTable
            caption="统计期内发布的各榜单的申请数（不含草稿和已撤回）"
            rows={rows}
            rowKey="challengeId"
            columns={[
              { title: '榜单', key: 'title', render: (_v, r) => <Link to={`/bureau/challenges/${r.challengeId}`}>{r.title}</Link> },
              { title: '产业领域', dataIndex: 'field' },
              { title: '申请数', dataIndex: 'proposals', align: 'right' },
            ]}
          />
        </Col>
        <Col xs={24} lg={12}>
          <CountTable
            caption="各年度各领域发布的榜单数"
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
    </SectionCard>
  );
}

export function OrganizationSection({ data, fieldIgnored }: { data: OrganizationFigures; fieldIgnored: boolean }) {
  return (
    <SectionCard title="单位" definition={data.definition} testId="stats-organizations">
      {fieldIgnored && <Typography.Paragraph>单位统计不按产业领域划分，以下为所选期间和地区的全部单位。</Typography.Paragraph>}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <CountTable
            caption={`按单位类型（合计已认证 ${data.totals.verified}，新认证 ${data.totals.newlyVerified}，活跃 ${data.totals.active}）`}
            rows={data.byKind}
            rowKey="kind"
            columns={[
              { title: '类型', dataIndex: 'label' },
              { title: '期末已认证', dataIndex: 'verified', align: 'right' },
              { title: '新认证', dataIndex: 'newlyVerified', align: 'right' },
              { title: '活跃', dataIndex: 'active', align: 'right' },
            ]}
          />
        </Col>
        <Col xs={24} lg={14}>
          <CountTable
            caption="期末已认证单位按县（市、区）"
            rows={data.byCounty}
            rowKey="county"
            columns={[
              { title: '县（市、区）', dataIndex: 'county' },
              { title: '企业', dataIndex: 'enterprise', align: 'right' },
              { title: '高校', dataIndex: 'university', align: 'right' },
              { title: '科研院所', dataIndex: 'institute', align: 'right' },
              { title: '合计', dataIndex: 'total', align: 'right' },
            ]}
          />
        </Col>
      </Row>
    </SectionCard>
  );
}
