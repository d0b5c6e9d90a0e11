export type OrganizationKind = 'enterprise' | 'university' | 'institute' | 'bureau';
export const ORGANIZATION_KINDS: OrganizationKind[] = ['enterprise', 'university', 'institute', 'bureau'];
export type OrganizationStatus = 'pending' | 'verified' | 'rejected';
export type MemberRole = 'admin' | 'member';

/** The caller of a request, as of the last change of any account or organization (see UsersService.load). */
export interface AuthUser {
  userId: string;
  organizationId: string;
  organizationKind: OrganizationKind;
  organizationStatus: OrganizationStatus;
  role: MemberRole;
  isExpert: boolean;
  email: string;
  name: string;
}

export function isBureau(user: AuthUser | null | undefined): boolean {
  return user?.organizationKind === 'bureau' && user.organizationStatus === 'verified';
}

export function actorOf(user: AuthUser | null | undefined): { userId: string | null; organizationId: string | null } {
  return { userId: user?.userId ?? null, organizationId: user?.organizationId ?? null };
}

/** Identity provides this: turns a verified token subject into the current user, or null. */
export interface AuthUserLoader {
  load(userId: string): Promise<AuthUser | null>;
}
export const AUTH_USER_LOADER = Symbol('AUTH_USER_LOADER');

export interface AccessTokenClaims {
  sub: string;
  org: string;
  typ: 'access';
  /** The session (refresh-token family) the token belongs to; logout revokes it at once. */
  fam?: string;
}
