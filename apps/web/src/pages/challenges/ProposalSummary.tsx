import { useQueries } from '@tanstack/react-query';
import { Card, Descriptions, Flex, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { wan } from '../../components/labels';
import type { Challenge, Proposal } from './ChallengeShared';

const paragraph = { whiteSpace: 'pre-wrap' as const, marginBottom: 0 };

/** A proposal as submitted, for those who read it but may not change it (partners, the bureau, after the deadline). */
export default function ProposalSummary({ challenge: c, proposal: p }: { challenge: Challenge; proposal: Proposal }) {
  const partners = useQueries({
    queries: p.partnerOrganizationIds.map((id) => ({
      queryKey: ['challenges', 'organization', id],
      queryFn: async () => unwrap(await api.GET('/api/organizations/{id}', { params: { path: { id } } })),
      staleTime: 5 * 60_000,
      select: (o: { name: string }) => o.name,
    })),
  });
  const commitments = c.objectives.map((o, i) => ({ ...o, index: i, commitment: p.commitments.find((k) => k.objectiveIndex === i) }));

  return (
    <Flex vertical gap={16} data-testid="proposal-summary">
      <Card title="挂帅人与团队" size="small">
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'leader', label: '挂帅人', children: p.leaderName },
            { key: 'title', label: '挂帅人职称', children: p.leaderTitle || '—' },
          ]}
        />
        <Table
          size="small"
          style={{ marginTop: 8 }}
          rowKey={(_t, i) => String(i)}
          dataSource={p.team}
          pagination={p.team.length > 10 ? { pageSize: 10 } : false}
          locale={{ emptyText: '未填写团队成员' }}
          columns={[
            { title: '姓名', dataIndex: 'name' },
            { title: '职称', dataIndex: 'title', render: (v?: string) => v || '—' },
            { title: '分工', dataIndex: 'role', render: (v?: string) => v || '—' },
          ]}
        />
      </Card>

      <Card title="联合体成员单位" size="small">
        {p.partnerOrganizationIds.length === 0 ? (
          <Typography.Paragraph style={paragraph}>无（本单位独立揭榜）</Typography.Paragraph>
        ) : (
          <Flex wrap gap={12}>
            {p.partnerOrganizationIds.map((id, i) => (
              <Link key={id} to={`/organizations/${id}`}>
                {partners[i]?.data ?? '查看成员单位'}
              </Link>
            ))}
          </Flex>
        )}
      </Card>

      <Card title="技术路线" size="small">
        <Typography.Paragraph style={paragraph}>{p.approach}</Typography.Paragraph>
      </Card>

      <Card title="对攻关目标的承诺" size="small">
        <Table
          size="small"
          rowKey="index"
          dataSource={commitments}
          pagination={false}
          columns={[
            { title: '攻关目标', key: 'goal', render: (_v, o) => `${o.index + 1}. ${o.indicator}` },
            { title: '榜单要求', key: 'target', render: (_v, o) => `${o.target} ${o.unit}` },
            { title: '承诺值', key: 'value', render: (_v, o) => o.commitment?.value ?? '未填写' },
            { title: '说明', key: 'note', render: (_v, o) => o.commitment?.note || '—' },
          ]}
        />
      </Card>

      <Card title="经费与进度安排" size="small">
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'requested', label: '申请财政资金', children: wan(p.requestedBudgetYuan) },
            { key: 'cap', label: '榜单财政资金上限', children: wan(c.budgetCapYuan) },
            ...(p.awardedBudgetYuan !== null ? [{ key: 'awarded', label: '核定经费', children: wan(p.awardedBudgetYuan) }] : []),
          ]}
        />
        <Table
          size="small"
          style={{ marginTop: 8 }}
          rowKey={(_s, i) => String(i)}
          dataSource={p.schedule}
          pagination={false}
          locale={{ emptyText: '未填写进度安排' }}
          columns={[
            { title: '阶段', dataIndex: 'phase' },
            { title: '月数', dataIndex: 'months', width: 100, render: (m: number) => `${m} 个月` },
            { title: '阶段成果', dataIndex: 'deliverable' },
          ]}
        />
      </Card>
    </Flex>
  );
}
