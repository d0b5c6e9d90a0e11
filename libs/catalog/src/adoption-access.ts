import { AuthUser, isBureau } from '@app/core';
import type { Adoption } from './adoption.entity';

/** The two sides of an adoption: the enterprise and the result's organization. */
export function parties(a: Pick<Adoption, 'enterpriseId' | 'resultOrganizationId'>): string[] {
  return [...new Set([a.enterpriseId, a.resultOrganizationId])];
}

/** Either side, or the bureau: who sees the whole adoption and its contract. */
export function isParty(a: Pick<Adoption, 'enterpriseId' | 'resultOrganizationId'>, user: AuthUser | undefined): boolean {
  return !!user && (isBureau(user) || user.organizationId === a.enterpriseId || user.organizationId === a.resultOrganizationId);
}
