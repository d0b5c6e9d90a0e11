import type { Proposal } from './entities/proposal.entity';

/** The lead organization and its consortium partners. */
export function applicantOrgs(p: Proposal): string[] {
  return [p.organizationId, ...p.partnerOrganizationIds];
}
