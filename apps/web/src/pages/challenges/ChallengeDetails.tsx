import { Card, Descriptions, Flex, Progress, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { dateText, ORG_KIND, wan } from '../../components/labels';
import { type Challenge, timeLeftText, ToneTag, useOrganizationName, windowState } from './ChallengeShared';

const paragraph = { whiteSpace: 'pre-wrap' as const, marginBottom: 0 };

function WindowCell({ c }: { c: Challenge }) {
  const state = windowState(c);
  if (state === 'open') return <ToneTag tone="green">{timeLeftText(c.closesAt)}</ToneTag>;
  if (state === 'upcoming') return <ToneTag tone="blue">尚未开始</ToneTag>;
  return <span>已截止</span>;
}

/** The call as published: facts, background, objectives, eligibility, deliverables and criteria. */
export default function ChallengeDetails({ challenge: c }: { challenge: Challenge }) {
  const coFunder = useOrganizationName(c.coFunderOrganizationId);
  const kinds = c.eligibleKinds.map((k) => ORG_KIND[k] ?? k).join('、');

  return (
    <Flex vertical gap={16}>
      <Card title="基本信息" size="small">
        <Descriptions
          column={{ xs: 1, sm: 2, lg: 3 }}
          size="small"
          items={[
            { key: 'field', label: '产业领域', children: c.field },
            { key: 'cap', label: '财政资金上限', children: wan(c.budgetCapYuan) },
            { key: 'matching', label: '企业配套资金', children: c.matchingFundsYuan ? wan(c.matchingFundsYuan) : '无' },
            { key: 'opens', label: '申报开始（北京时间）', children: dateText(c.opensAt) },
            { key: 'closes', label: '申报截止（北京时间）', children: dateText(c.closesAt) },
            { key: 'left', label: '剩余时间', children: <WindowCell c={c} /> },
            { key: 'duration', label: '实施周期', children: `${c.durationMonths} 个月` },
            { key: 'publicity', label: '公示期', children: `${c.publicityDays} 天` },
            { key: 'published', label: '发布时间', children: dateText(c.publishedAt) },
            ...(c.coFunderOrganizationId
              ? [
                  {
                    key: 'cofunder',
                    label: '联合出资企业',
                    children: <Link to={`/organizations/${c.coFunderOrganizationId}`}>{coFunder.data ?? '查看出资企业'}</Link>,
                  },
                ]
              : []),
            ...(c.sourceNeedId
              ? [{ key: 'need', label: '来源技术需求', children: <Link to={`/needs/${c.sourceNeedId}`}>查看来源技术需求</Link> }]
              : []),
          ]}
        />
        <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
          申报时间以服务器时间为准，截止后不能再提交或修改揭榜申请。
        </Typography.Paragraph>
      </Card>

      <Card title="榜单背景" size="small">
        <Typography.Paragraph style={paragraph}>{c.background}</Typography.Paragraph>
      </Card>

      <Card title="攻关目标及量化指标" size="small">
        <Table
          size="small"
          rowKey={(_o, i) => String(i)}
          dataSource={c.objectives}
          pagination={false}
          columns={[
            { title: '序号', key: 'seq', width: 64, render: (_v, _o, i) => i + 1 },
            { title: '指标', dataIndex: 'indicator' },
            { title: '目标值', dataIndex: 'target', width: 160 },
            { title: '单位', dataIndex: 'unit', width: 140 },
          ]}
        />
      </Card>

      <Card title="揭榜条件" size="small">
        <Descriptions
          column={1}
          size="small"
          items={[
            { key: 'kinds', label: '可揭榜的单位类型', children: kinds || '—' },
            { key: 'regions', label: '所在地区', children: c.eligibleRegions.length ? c.eligibleRegions.join('、') : '不限地区' },
            { key: 'verified', label: '认证要求', children: c.verifiedOnly ? '仅限通过科技局认证的单位' : '不限' },
            { key: 'consortium', label: '联合体', children: '可由牵头单位联合其他已认证单位揭榜；每个单位只能参与一份申请' },
          ]}
        />
      </Card>

      <Card title="预期成果与交付物" size="small">
        <Typography.Paragraph style={paragraph}>{c.deliverables}</Typography.Paragraph>
      </Card>

      <Card title="评审标准及权重" size="small">
        <Table
          size="small"
          rowKey="key"
          dataSource={c.criteria}
          pagination={false}
          columns={[
            { title: '评审标准', dataIndex: 'name' },
            {
              title: '权重',
              dataIndex: 'weight',
              width: 280,
              render: (w: number) => (
                <Flex align="center" gap={8}>
                  <Progress percent={w} showInfo={false} size="small" style={{ width: 160, margin: 0 }} aria-label={`权重 ${w}%`} />
                  <span>{w}%</span>
                </Flex>
              ),
            },
          ]}
        />
      </Card>
    </Flex>
  );
}
