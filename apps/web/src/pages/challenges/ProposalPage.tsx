import { useQuery } from '@tanstack/react-query';
import { Alert, Breadcrumb, Result, Spin } from 'antd';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { api, ApiRequestError, unwrap } from '../../api/client';
import { useSession } from '../../auth/session';
import { errorMessage } from '../../components/api-errors';
import { type Proposal, ReadableTheme, useChallenge, useMyProposals } from './ChallengeShared';
import ProposalWorkspace from './ProposalWorkspace';

function Failure({ error, what }: { error: unknown; what: string }) {
  const missing = error instanceof ApiRequestError && error.body.statusCode === 404;
  return (
    <Result
      status={missing ? '404' : 'error'}
      title={missing ? `${what}不存在或无权查看` : `${what}加载失败`}
      subTitle={missing ? undefined : errorMessage(error)}
      extra={<Link to="/challenges">返回揭榜挂帅榜单列表</Link>}
    />
  );
}

const spin = <Spin style={{ display: 'block', margin: '80px auto' }} />;

/**
 * 揭榜申请: `/challenges/:id/proposal` is the caller's own proposal for that call (a draft is
 * created on the first save); `/proposals/:id` is one proposal by its id.
 */
export default function ProposalPage() {
  const { id } = useParams<{ id: string }>();
  const byProposal = useLocation().pathname.startsWith('/proposals/');
  return (
    <ReadableTheme>{byProposal ? <ByProposalId key={id} proposalId={id!} /> : <ByChallengeId key={id} challengeId={id!} />}</ReadableTheme>
  );
}

function ByProposalId({ proposalId }: { proposalId: string }) {
  const proposal = useQuery({
    queryKey: ['proposal', proposalId],
    queryFn: async () => unwrap(await api.GET('/api/proposals/{id}', { params: { path: { id: proposalId } } })),
  });
  const challenge = useChallenge(proposal.data?.challengeId);
  if (proposal.isLoading || (proposal.data && challenge.isLoading)) return spin;
  if (proposal.error || !proposal.data) return <Failure error={proposal.error} what="揭榜申请" />;
  if (challenge.error || !challenge.data) return <Failure error={challenge.error} what="榜单" />;
  return <ProposalWorkspace challenge={challenge.data} proposal={proposal.data} />;
}

function ByChallengeId({ challengeId }: { challengeId: string }) {
  const { me, isBureau } = useSession();
  const challenge = useChallenge(challengeId);
  const applicant = !!me && !isBureau && me.organization.kind !== 'bureau';
  const mine = useMyProposals(challengeId, applicant);
  // The draft created by this page's first save, until the list query has it.
  const [created, setCreated] = useState<Proposal | null>(null);

  if (challenge.isLoading || mine.isLoading) return spin;
  if (challenge.error || !challenge.data) return <Failure error={challenge.error} what="榜单" />;
  const c = challenge.data;
  if (!applicant) {
    return (
      <>
        <Breadcrumb
          items={[{ title: <Link to="/challenges">揭榜挂帅</Link> }, { title: <Link to={`/challenges/${c.id}`}>{c.title}</Link> }]}
        />
        <Result
          status="info"
          title="科技局不参与揭榜"
          subTitle="揭榜申请由企业、高校和科研院所提交；科技局在评审阶段查看已提交的申请。"
          extra={<Link to={`/challenges/${c.id}`}>返回榜单详情</Link>}
        />
      </>
    );
  }
  if (mine.error) return <Alert type="error" showIcon title={errorMessage(mine.error)} />;
  const own = mine.data?.items.find((p) => p.organizationId === me!.organization.id) ?? created;
  const joined = mine.data?.items.find((p) => p.organizationId !== me!.organization.id) ?? null;
  return <ProposalWorkspace challenge={c} proposal={own} joined={own ? null : joined} onCreated={setCreated} />;
}
