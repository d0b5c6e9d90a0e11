import { Alert, Button, Card, Flex, Spin, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { useSession } from '../../auth/session';
import { dateText } from '../../components/labels';
import { useReference } from '../../components/reference';
import { type Challenge, Muted, ProposalStatusTag, useMyProposals, windowState, UNDERLINE } from './ChallengeShared';

/**
 * Why this organization may not answer the call, by the rules the API applies when the
 * proposal is created (a prefecture admits its counties). Only a hint: the API decides.
 */
function eligibilityHint(
  c: Challenge,
  org: { kind: string; status: string; region: string },
  prefectures: { name: string; counties: string[] }[],
): string | null {
  if (!(c.eligibleKinds as string[]).includes(org.kind)) return '本单位的类型不在揭榜范围内';
  if (c.verifiedOnly && org.status !== 'verified') return '本单位尚未通过科技局认证';
  if (c.eligibleRegions.length > 0) {
    const city = prefectures.find((p) => p.name === org.region || p.counties.includes(org.region))?.name;
    if (!c.eligibleRegions.includes(org.region) && !(city && c.eligibleRegions.includes(city))) return '本单位所在地区不在揭榜范围内';
  }
  return null;
}

/** The applicant's way in: 我要揭榜, or its proposal's state once it has one. */
export default function ChallengeApplyPanel({ challenge: c }: { challenge: Challenge }) {
  const { ready, me, isBureau } = useSession();
  const navigate = useNavigate();
  const reference = useReference();
  const applicant = !!me && !isBureau && me.organization.kind !== 'bureau';
  const mine = useMyProposals(c.id, applicant);
  const state = windowState(c);
  const proposalPath = `/challenges/${c.id}/proposal`;

  if (!ready) return null;
  if (!me) {
    if (state !== 'open') return null;
    return (
      <Card size="small" style={{ minWidth: 260 }}>
        <Flex vertical gap={8}>
          <Typography.Text>企业、高校和科研院所登录后即可揭榜。</Typography.Text>
          <Button type="primary" data-testid="apply-button" onClick={() => navigate(`/login?next=${encodeURIComponent(proposalPath)}`)}>
            登录后揭榜
          </Button>
        </Flex>
      </Card>
    );
  }
  if (!applicant) return null;
  if (mine.isLoading) return <Spin aria-label="正在查询本单位的揭榜申请" />;

  const own = mine.data?.items.find((p) => p.organizationId === me.organization.id);
  const joined = mine.data?.items.filter((p) => p.organizationId !== me.organization.id) ?? [];

  if (own) {
    return (
      <Card size="small" style={{ minWidth: 260 }}>
        <Flex vertical gap={8}>
          <span>
            本单位的揭榜申请：
            <ProposalStatusTag status={own.status} />
          </span>
          {own.submittedAt && <Muted>提交于 {dateText(own.submittedAt)}</Muted>}
          <Button type="primary" data-testid="apply-button" onClick={() => navigate(proposalPath)}>
            我的揭榜申请
          </Button>
        </Flex>
      </Card>
    );
  }

  const hint = eligibilityHint(c, me.organization, reference.data?.regions.prefectures ?? []);
  return (
    <Card size="small" style={{ minWidth: 260, maxWidth: 360 }}>
      <Flex vertical gap={8}>
        {joined.map((p) => (
          <span key={p.id}>
            本单位是一份联合申请的成员（
            <ProposalStatusTag status={p.status} />
            ）：
            <Link to={`/proposals/${p.id}`} style={UNDERLINE}>
              查看联合申请
            </Link>
          </span>
        ))}
        {state === 'open' && me.organization.status !== 'verified' && (
          <Alert type="warning" showIcon title="本单位通过科技局认证后才能揭榜。" />
        )}
        {state === 'open' && me.organization.status === 'verified' && hint && (
          <Alert type="warning" showIcon title={`${hint}，揭榜申请可能不被受理。`} />
        )}
        {state === 'upcoming' && <Typography.Text>申报将于 {dateText(c.opensAt)} 开始。</Typography.Text>}
        {state === 'open' && (
          <Button
            type="primary"
            data-testid="apply-button"
            disabled={me.organization.status !== 'verified'}
            onClick={() => navigate(proposalPath)}
          >
            我要揭榜
          </Button>
        )}
        {state !== 'open' && state !== 'upcoming' && joined.length === 0 && <Muted>本单位未参与该榜单的揭榜。</Muted>}
      </Flex>
    </Card>
  );
}
