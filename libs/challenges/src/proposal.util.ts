import { cityOf } from '@app/catalog';
import type { Challenge } from './entities/challenge.entity';
import type { Proposal } from './entities/proposal.entity';

/** The lead organization and its consortium partners. */
export function applicantOrgs(p: Proposal): string[] {
  return [p.organizationId, ...p.partnerOrganizationIds];
}

/** What eligibility looks at of an organization. */
export interface ApplicantOrganization {
  kind: string;
  status: string;
  region: string;
}

/**
 * Why an organization may not answer a challenge, or null when it may. A region of the challenge
 * takes in its counties and districts (荆门市 admits 钟祥市).
 */
export function eligibilityProblem(
  c: Pick<Challenge, 'eligibleKinds' | 'verifiedOnly' | 'eligibleRegions'>,
  org: ApplicantOrganization,
): string | null {
  if (!(c.eligibleKinds as string[]).includes(org.kind)) return '单位类型不在揭榜范围内';
  if (c.verifiedOnly && org.status !== 'verified') return '单位尚未通过科技局认证';
  if (c.eligibleRegions.length > 0 && !c.eligibleRegions.includes(org.region) && !c.eligibleRegions.includes(cityOf(org.region))) {
    return '单位所在地区不在揭榜范围内';
  }
  return null;
}
