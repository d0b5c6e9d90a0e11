import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Checkbox, Empty, Flex, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type HTMLAttributes, useState } from 'react';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { errorMessage } from '../../components/api-errors';
import { wan } from '../../components/labels';
import type { Challenge } from '../challenges/ChallengeShared';
import { OrgName } from './BureauChallengeShared';
import ChallengeAwardForm from './ChallengeAwardForm';

export type RankingRow = components['schemas']['ProposalRankingDto'];

const fmt = (n: number | null | undefined) => (n === null || n === undefined ? '—' : n.toFixed(2));

/** Which mean the score is: trimmed (five or more experts: highest and lowest dropped) or plain. */
function MeanKind({ r }: { r: RankingRow }) {
  if (r.experts === 0) return <span data-testid="cm-trimmed-mean">尚无评分</span>;
  if (r.dropped.length)
    return (
      <span data-testid="cm-trimmed-mean">
        去掉最高分 {fmt(Math.max(...r.dropped))} 和最低分 {fmt(Math.min(...r.dropped))} 后的平均（{r.kept.length} 位专家计入）
      </span>
    );
  return <span data-testid="cm-trimmed-mean">{r.experts} 位专家总分的算术平均（不足 5 位，不去掉最高、最低分）</span>;
}

/** 排名与立项: the ranking with its means per criterion and spread, and the award of one or more winners. */
export default function ChallengeRankingTab({ challenge: c }: { challenge: Challenge }) {
  const [picked, setPicked] = useState<string[]>([]);
  const ranking = useQuery({
    queryKey: ['bureau-challenge', c.id, 'ranking'],
    queryFn: async () => unwrap(await api.GET('/api/challenges/{id}/ranking', { params: { path: { id: c.id } } })),
  });
  const rows = ranking.data ?? [];
  const canAward = c.status === 'reviewing';

  const toggle = (id: string, on: boolean) => setPicked((p) => (on ? [...p, id] : p.filter((x) => x !== id)));
  const columns: ColumnsType<RankingRow> = [
    ...(canAward
      ? [
          {
            title: '中榜',
            key: 'pick',
            width: 60,
            render: (_: unknown, r: RankingRow) => (
              <Checkbox
                data-testid="cm-award"
                aria-label={`选为中榜：第 ${r.rank} 名`}
                checked={picked.includes(r.proposalId)}
                onChange={(e) => toggle(r.proposalId, e.target.checked)}
              />
            ),
          },
        ]
      : []),
    { title: '名次', dataIndex: 'rank', width: 70 },
    { title: '牵头单位', key: 'org', render: (_: unknown, r) => r.organizationName ?? <OrgName id={r.organizationId} /> },
    { title: '申请经费', dataIndex: 'requestedBudgetYuan', width: 110, render: (v: number) => wan(v) },
    {
      title: '综合得分',
      key: 'score',
      width: 260,
      render: (_: unknown, r) => (
        <Flex vertical>
          <Typography.Text strong>{fmt(r.score)}</Typography.Text>
          <MeanKind r={r} />
        </Flex>
      ),
    },
    ...c.criteria.map((k) => ({
      title: `${k.name}（${k.weight}%）`,
      key: `m-${k.key}`,
      width: 120,
      render: (_: unknown, r: RankingRow) => fmt(r.criterionMeans[k.key]),
    })),
    {
      title: '分差',
      dataIndex: 'spread',
      width: 90,
      render: (v: number | null) => (
        <Typography.Text strong={v !== null && v >= 20} style={v !== null && v >= 20 ? { color: '#a8071a' } : undefined}>
          {fmt(v)}
        </Typography.Text>
      ),
    },
    { title: '评审专家数', dataIndex: 'experts', width: 100 },
  ];

  return (
    <Flex vertical gap={16}>
      <Card size="small" title="评审排名">
        <Typography.Paragraph>
          综合得分为专家加权总分的平均：5
          位及以上专家评分时，去掉一个最高分和一个最低分后取平均。各评审标准的平均分与综合得分取同样的评审意见。分差为最高总分减最低总分（20
          分及以上以红色标出，提示专家意见分歧较大）。
        </Typography.Paragraph>
        {ranking.error ? (
          <Alert type="error" showIcon title={`排名加载失败：${errorMessage(ranking.error)}`} />
        ) : (
          <Table<RankingRow>
            rowKey="proposalId"
            size="small"
            loading={ranking.isLoading}
            columns={columns}
            dataSource={rows}
            scroll={{ x: 900 }}
            pagination={{ pageSize: 10, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 份入围申请` }}
            onRow={() => ({ 'data-testid': 'cm-ranking-row' }) as HTMLAttributes<HTMLElement>}
            locale={{
              emptyText: <Empty description="还没有入围评审的申请。请先在“申请与形式审查”中完成形式审查，再指派专家评分。" />,
            }}
          />
        )}
      </Card>
      {canAward ? (
        <ChallengeAwardForm challenge={c} rows={rows.filter((r) => picked.includes(r.proposalId))} />
      ) : (
        <Alert
          type="info"
          showIcon
          title={
            ['awarded', 'in_progress', 'completed', 'failed'].includes(c.status)
              ? '已评定中榜单位，见“公示与异议”。'
              : '评审阶段完成形式审查和专家评分后，在此勾选中榜单位并核定经费。'
          }
        />
      )}
    </Flex>
  );
}
