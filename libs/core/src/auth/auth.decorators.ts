import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { ApiAuthMark } from '../http/api-responses';
import type { AuthUser } from './auth-user';

export const PUBLIC_KEY = 'auth:public';
export const OPTIONAL_AUTH_KEY = 'auth:optional';
export const POLICY_KEY = 'auth:policy';
export const ACCESS_KEY = 'auth:access';

export type Policy = 'bureau' | 'expert' | 'bureau-or-expert' | 'org-admin' | 'verified-org';

export interface AccessRequirement {
  check: string;
  param: string;
}

/** No token needed. */
export const Public = (): MethodDecorator & ClassDecorator => applyDecorators(SetMetadata(PUBLIC_KEY, true), ApiAuthMark('public'));

/** A token is read when present (e.g. to show drafts to their owner) but not required. */
export const OptionalAuth = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(OPTIONAL_AUTH_KEY, true), ApiAuthMark('optional'));

/** Only staff of the (verified) bureau. */
export const BureauOnly = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(POLICY_KEY, 'bureau' satisfies Policy), ApiBearerAuth());

/** Only users registered as experts. */
export const ExpertOnly = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(POLICY_KEY, 'expert' satisfies Policy), ApiBearerAuth());

/** Only admins of their organization. */
export const OrgAdminOnly = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(POLICY_KEY, 'org-admin' satisfies Policy), ApiBearerAuth());

/** Only members of a verified organization. */
export const VerifiedOrgOnly = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(POLICY_KEY, 'verified-org' satisfies Policy), ApiBearerAuth());

/**
 * The caller must pass the named access check on the route parameter, e.g.
 * `@RequireAccess('need.owner')` for "only the owning organization" or
 * `@RequireAccess('proposal.assigned-expert')` for "only an assigned expert".
 */
export const RequireAccess = (check: string, param = 'id'): MethodDecorator =>
  applyDecorators(SetMetadata(ACCESS_KEY, { check, param } satisfies AccessRequirement), ApiBearerAuth());

/** The authenticated caller (undefined on a public route without a token). */
export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthUser | undefined => {
  const req = ctx.switchToHttp().getRequest<{ user?: AuthUser }>();
  return req.user;
});

/** The caller's network address (for rate limits). */
export const ClientAddress = createParamDecorator((_data: unknown, ctx: ExecutionContext): string => {
  const req = ctx.switchToHttp().getRequest<{ ip?: string }>();
  return req.ip ?? 'unknown';
});
