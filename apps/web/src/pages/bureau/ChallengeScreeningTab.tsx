import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Empty, Flex, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type CSSProperties, type HTMLAttributes, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { errorMessage } from '../../components/api-errors';
import { dateText, wan } from '../../components/labels';
import ProposalAttachments from '../challenges/ProposalAttachments';
import { type Challenge, type Proposal, ProposalStatusTag } from '../challenges/ChallengeShared';
import { OrgName, ReasonModal } from './BureauChallengeShared';

/** Visually hidden, still read by screen readers. */
const HIDDEN: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
};
const SCREENABLE = ['submitted', 'shortlisted', 'ineligible'];

/** 申请与形式审查: every submitted proposal, with the formal screening (入围 or 不符合条件 with a reason). */
export default function ChallengeScreeningTab({ challenge: c }: { challenge: Challenge }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const [busy, setBusy] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState<Proposal | null>(null);
  const list = useQuery({
    queryKey: ['bureau-challenge', c.id, 'proposals', page, pageSize],
    queryFn: async () =>
      unwrap(await api.GET('/api/challenges/{id}/proposals', { params: { path: { id: c.id }, query: { page, pageSize } } })),
    placeholderData: keepPreviousData,
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['bureau-challenge', c.id] });

  const screen = async (p: Proposal, eligible: boolean, reason?: string) => {
    unwrap(
      await api.POST('/api/proposals/{id}/eligibility', {
        params: { path: { id: p.id } },
        body: eligible ? { eligible } : { eligible, reason },
      }),
    );
    await refresh();
  };

  const pass = async (p: Proposal) => {
    setBusy(p.id);
    try {
      await screen(p, true);
      message.success('已通过形式审查，入围专家评审');
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  const screening = c.status === 'reviewing';
  const columns: ColumnsType<Proposal> = [
    { title: '牵头单位', key: 'org', render: (_: unknown, p) => <OrgName id={p.organizationId} /> },
    {
      title: '联合单位',
      key: 'partners',
      render: (_: unknown, p) =>
        p.partnerOrganizationIds.length ? (
          <Flex vertical>
            {p.partnerOrganizationIds.map((o) => (
              <OrgName key={o} id={o} />
            ))}
          </Flex>
        ) : (
          '无'
        ),
    },
    { title: '挂帅人', key: 'leader', render: (_: unknown, p) => `${p.leaderName}${p.leaderTitle ? `（${p.leaderTitle}）` : ''}` },
    { title: '申请经费', dataIndex: 'requestedBudgetYuan', width: 120, render: (v: number) => wan(v) },
    { title: '提交时间', dataIndex: 'submittedAt', width: 170, render: (v: string | null) => dateText(v) },
    {
      title: '状态',
      dataIndex: 'status',
      width: 150,
      render: (s: string, p) => (
        <Flex vertical gap={4}>
          <ProposalStatusTag status={s} />
          {p.statusReason && <Typography.Text>原因：{p.statusReason}</Typography.Text>}
        </Flex>
      ),
    },
    {
      title: '形式审查',
      key: 'actions',
      width: 200,
      render: (_: unknown, p) =>
        screening && SCREENABLE.includes(p.status) ? (
          <Flex gap={8} wrap>
            <Button
              size="small"
              type={p.status === 'shortlisted' ? 'default' : 'primary'}
              disabled={p.status === 'shortlisted'}
              loading={busy === p.id}
              data-testid="cm-eligible"
              onClick={() => void pass(p)}
            >
              通过
            </Button>
            <Button size="small" danger disabled={p.status === 'ineligible'} data-testid="cm-ineligible" onClick={() => setRejecting(p)}>
              不通过
            </Button>
          </Flex>
        ) : (
          <Link to={`/proposals/${p.id}`}>查看申请</Link>
        ),
    },
  ];

  return (
    <Flex vertical gap={12}>
      {!screening && (
        <Alert
          type="info"
          showIcon
          title={
            c.status === 'draft' || c.status === 'published'
              ? '申报截止并“开始评审”后才能进行形式审查；这里先列出已提交的申请。'
              : '形式审查只在评审阶段进行。'
          }
        />
      )}
      {list.error ? (
        <Alert type="error" showIcon title={`申请加载失败：${errorMessage(list.error)}`} />
      ) : (
        <Table<Proposal>
          rowKey="id"
          loading={list.isFetching && !list.data}
          columns={columns}
          dataSource={list.data?.items}
          scroll={{ x: 1000 }}
          onRow={() => ({ 'data-testid': 'cm-proposal-row' }) as HTMLAttributes<HTMLElement>}
          expandable={{
            expandedRowRender: (p) => (
              <Flex vertical gap={8}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                  <Typography.Text strong>技术路线：</Typography.Text>
                  {p.approach}
                </Typography.Paragraph>
                <Link to={`/proposals/${p.id}`}>查看申请全文</Link>
                <ProposalAttachments proposalId={p.id} editable={false} />
              </Flex>
            ),
            expandRowByClick: false,
            columnTitle: <span style={HIDDEN}>展开详情</span>,
          }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (t) => `共 ${t} 份申请`,
            onChange: (p, s) => {
              setPage(s !== pageSize ? 1 : p);
              setPageSize(s);
            },
          }}
          locale={{
            emptyText: (
              <Empty
                description={
                  c.status === 'published' || c.status === 'draft'
                    ? '还没有单位提交申请。申报截止前，可在“概况”中查看榜单，或等待单位揭榜。'
                    : '该榜单没有收到申请。'
                }
              />
            ),
          }}
        />
      )}
      <ReasonModal
        open={!!rejecting}
        title="形式审查不通过"
        label="不通过的原因"
        okText="确认不通过"
        danger
        inputTestId="cm-ineligible-reason"
        submitTestId="cm-ineligible-submit"
        onClose={() => setRejecting(null)}
        onSubmit={async (reason) => {
          if (!rejecting) return;
          await screen(rejecting, false, reason);
          message.success('已记录形式审查不通过，申报单位将收到原因');
        }}
      />
    </Flex>
  );
}
