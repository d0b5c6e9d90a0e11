import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type HTMLAttributes, useState } from 'react';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { errorMessage } from '../../components/api-errors';
import type { Challenge } from '../challenges/ChallengeShared';
import { ReasonModal } from './BureauChallengeShared';
import ChallengeExpertPool, { type Expert } from './ChallengeExpertPool';

type Progress = components['schemas']['ExpertReviewProgressDto'];
type Assigned = components['schemas']['ChallengeExpertViewDto'];

const MIN_EXPERTS = 3;

/** The proposals in the review (all non-draft ones the bureau sees), for working out who is excluded from what. */
function useApplicantProposals(challengeId: string) {
  return useQuery({
    queryKey: ['bureau-challenge', challengeId, 'proposals', 'all'],
    queryFn: async () =>
      unwrap(await api.GET('/api/challenges/{id}/proposals', { params: { path: { id: challengeId }, query: { page: 1, pageSize: 100 } } })),
  });
}

/** 专家评审: pick experts from the pool, see who is excluded from which proposal and why, follow progress, withdraw. */
export default function ChallengeExpertsTab({ challenge: c }: { challenge: Challenge }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [selected, setSelected] = useState<Expert[]>([]);
  const [assigning, setAssigning] = useState(false);
  const [assignError, setAssignError] = useState<string | null>(null);
  const [withdrawing, setWithdrawing] = useState<Progress | null>(null);
  const [assigned, setAssigned] = useState<Assigned[] | null>(null);
  const progress = useQuery({
    queryKey: ['bureau-challenge', c.id, 'progress'],
    queryFn: async () => unwrap(await api.GET('/api/challenges/{id}/review-progress', { params: { path: { id: c.id } } })),
  });
  const proposals = useApplicantProposals(c.id);
  // The pool's first page, to name the organizations of the assigned experts (the progress view names only the expert).
  const directory = useQuery({
    queryKey: ['experts', 'directory'],
    queryFn: async () => unwrap(await api.GET('/api/experts', { params: { query: { page: 1, pageSize: 100 } } })),
  });

  const inReview = (proposals.data?.items ?? []).filter((p) => !['draft', 'withdrawn', 'ineligible'].includes(p.status));
  const orgOf = (userId: string) =>
    assigned?.find((a) => a.userId === userId)?.organizationId ??
    directory.data?.items.find((e) => e.userId === userId)?.organizationId ??
    selected.find((e) => e.userId === userId)?.organizationId;
  const orgName = (orgId: string | undefined) => directory.data?.items.find((e) => e.organizationId === orgId)?.organizationName;
  const excludedFrom = (orgId: string | undefined) =>
    orgId ? inReview.filter((p) => p.organizationId === orgId || p.partnerOrganizationIds.includes(orgId)) : [];

  const rows = progress.data ?? [];
  const editable = ['published', 'reviewing'].includes(c.status);
  const refresh = () => qc.invalidateQueries({ queryKey: ['bureau-challenge', c.id] });

  const assign = async () => {
    setAssignError(null);
    const fresh = selected.filter((e) => !rows.some((r) => r.userId === e.userId));
    if (fresh.length === 0) {
      setAssignError('请先在专家库中勾选要指派的专家');
      return;
    }
    if (rows.length + fresh.length < MIN_EXPERTS) {
      setAssignError(`每个榜单至少需要 ${MIN_EXPERTS} 位评审专家（已指派 ${rows.length} 位，已勾选 ${fresh.length} 位）`);
      return;
    }
    setAssigning(true);
    try {
      const answer = unwrap(
        await api.POST('/api/challenges/{id}/experts', { params: { path: { id: c.id } }, body: { userIds: fresh.map((e) => e.userId) } }),
      );
      setAssigned(answer);
      setSelected([]);
      message.success(`已指派 ${fresh.length} 位专家，专家将收到通知`);
      await refresh();
    } catch (err) {
      setAssignError(errorMessage(err));
    } finally {
      setAssigning(false);
    }
  };

  const exclusions = rows
    .map((r) => ({ row: r, orgId: orgOf(r.userId) }))
    .map(({ row, orgId }) => ({ row, orgId, from: excludedFrom(orgId) }))
    .filter((x) => x.from.length > 0);

  const columns: ColumnsType<Progress> = [
    { title: '专家', dataIndex: 'name', render: (n: string | null) => n ?? '（姓名不可用）' },
    { title: '所在单位', key: 'org', render: (_: unknown, r) => orgName(orgOf(r.userId)) ?? '—' },
    {
      title: '应评申请',
      key: 'owed',
      width: 110,
      render: (_: unknown, r) => {
        const shortlisted = inReview.filter((p) => p.status === 'shortlisted' || p.status === 'awarded' || p.status === 'declined');
        const own = excludedFrom(orgOf(r.userId)).length;
        return Math.max(0, shortlisted.length - own);
      },
    },
    { title: '评分草稿', dataIndex: 'drafts', width: 100 },
    { title: '已提交', dataIndex: 'submitted', width: 100 },
    {
      title: '操作',
      key: 'actions',
      width: 120,
      render: (_: unknown, r) =>
        editable && r.submitted === 0 ? (
          <Button size="small" danger data-testid="cm-expert-withdraw" onClick={() => setWithdrawing(r)}>
            撤换
          </Button>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Card size="small" title={`已指派的评审专家（${rows.length} 位）`} data-testid="cm-progress">
        <Typography.Paragraph>
          每个榜单至少 {MIN_EXPERTS} 位专家。专家与申报单位（牵头或联合）同单位的，对该申请自动回避；专家也可自行声明利益冲突回避。
          已提交评审意见的专家不能撤换。
        </Typography.Paragraph>
        {progress.error ? (
          <Alert type="error" showIcon title={`评审进度加载失败：${errorMessage(progress.error)}`} />
        ) : (
          <Table<Progress>
            rowKey="userId"
            size="small"
            loading={progress.isLoading}
            columns={columns}
            dataSource={rows}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            onRow={() => ({ 'data-testid': 'cm-progress-row' }) as HTMLAttributes<HTMLElement>}
            locale={{
              emptyText: (
                <span style={{ color: 'rgba(0, 0, 0, 0.75)' }}>
                  尚未指派评审专家，请在下方专家库中勾选至少 3 位专家后点击“指派所选专家”。
                </span>
              ),
            }}
          />
        )}
      </Card>

      <Card size="small" title="回避情况" data-testid="cm-excluded">
        {exclusions.length === 0 ? (
          <Typography.Text>已指派的专家中，没有与申报单位同单位需回避的。</Typography.Text>
        ) : (
          <Flex vertical gap={4}>
            {exclusions.map(({ row, orgId, from }) => (
              <Typography.Text key={row.userId}>
                {row.name ?? '专家'}（{orgName(orgId) ?? '所在单位'}）与 {from.length}{' '}
                份申请的申报单位同单位，自动回避这些申请，不参与其评分。
              </Typography.Text>
            ))}
          </Flex>
        )}
        <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
          专家自行声明的利益冲突由专家在评审时提出，回避后不计入其应评申请。
        </Typography.Paragraph>
      </Card>

      {editable ? (
        <ChallengeExpertPool
          challenge={c}
          assignedIds={rows.map((r) => r.userId)}
          selected={selected}
          onSelect={setSelected}
          excludedFrom={(orgId) => excludedFrom(orgId).length}
          footer={
            <Flex vertical gap={8}>
              {assignError && <Alert type="error" showIcon title={assignError} role="alert" data-testid="cm-assign-error" />}
              <Flex gap={12} align="center" wrap>
                <Button type="primary" data-testid="cm-assign" loading={assigning} onClick={() => void assign()}>
                  指派所选专家（{selected.length}）
                </Button>
                <Typography.Text>
                  已指派 {rows.length} 位，指派后共 {rows.length + selected.length} 位
                </Typography.Text>
              </Flex>
            </Flex>
          }
        />
      ) : (
        <Alert type="info" showIcon title="只能为揭榜中或评审中的榜单指派或撤换专家。" />
      )}

      <ReasonModal
        open={!!withdrawing}
        title={`撤换专家：${withdrawing?.name ?? ''}`}
        label="撤换原因"
        okText="确认撤换"
        danger
        inputTestId="cm-expert-withdraw-reason"
        submitTestId="cm-expert-withdraw-submit"
        onClose={() => setWithdrawing(null)}
        onSubmit={async (reason) => {
          if (!withdrawing) return;
          const answer = unwrap(
            await api.POST('/api/challenges/{id}/experts/{userId}/withdraw', {
              params: { path: { id: c.id, userId: withdrawing.userId } },
              body: { reason },
            }),
          );
          setAssigned(answer);
          message.success('已撤换该专家，其评分草稿已作废');
          await refresh();
        }}
      />
    </Flex>
  );
}
