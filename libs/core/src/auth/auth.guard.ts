import { CanActivate, ExecutionContext, Inject, Injectable, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { isUUID } from 'class-validator';
import { JwtService } from '@nestjs/jwt';
import { ForbiddenError, NotFoundError, UnauthorizedError } from '../errors/domain-error';
import { AccessRegistry } from './access.registry';
import { SessionRevocations } from './session-revocations';
import { ACCESS_KEY, AccessRequirement, OPTIONAL_AUTH_KEY, Policy, POLICY_KEY, PUBLIC_KEY } from './auth.decorators';
import { AUTH_USER_LOADER, AccessTokenClaims, AuthUser, AuthUserLoader, isBureau } from './auth-user';

interface GuardedRequest {
  headers: Record<string, string | string[] | undefined>;
  params?: Record<string, string>;
  user?: AuthUser;
}

/** Global guard: authenticates by bearer token, then applies the route's policy and access check. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly access: AccessRegistry,
    @Inject(AUTH_USER_LOADER) private readonly users: AuthUserLoader,
    @Optional() private readonly revocations?: SessionRevocations,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets);
    const optional = this.reflector.getAllAndOverride<boolean>(OPTIONAL_AUTH_KEY, targets);
    const req = ctx.switchToHttp().getRequest<GuardedRequest>();
    const token = this.bearer(req);
    if (isPublic && !token) return true;
    if (!token) {
      if (optional) return true;
      throw new UnauthorizedError();
    }
    const user = await this.authenticate(token);
    if (!user) {
      if (isPublic || optional) return true;
      throw new UnauthorizedError('登录已过期或无效，请重新登录');
    }
    req.user = user;

    const policy = this.reflector.getAllAndOverride<Policy | undefined>(POLICY_KEY, targets);
    if (policy && !this.satisfies(policy, user)) throw new ForbiddenError(POLICY_TEXT[policy]);

    const requirement = this.reflector.get<AccessRequirement | undefined>(ACCESS_KEY, ctx.getHandler());
    if (requirement) {
      const id = req.params?.[requirement.param];
      if (!id || !isUUID(id) || !(await this.access.allows(requirement.check, user, id))) throw new NotFoundError();
    }
    return true;
  }

  private bearer(req: GuardedRequest): string | null {
    const header = req.headers.authorization;
    const value = Array.isArray(header) ? header[0] : header;
    if (!value) return null;
    const m = /^Bearer\s+(.+)$/i.exec(value);
    return m ? m[1].trim() : null;
  }

  private async authenticate(token: string): Promise<AuthUser | null> {
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token);
    } catch {
      return null;
    }
    if (claims.typ !== 'access' || typeof claims.sub !== 'string') return null;
    // Both usually wait only for Redis (the revocation; the version a kept user is held under): ask at once.
    const [revoked, user] = await Promise.all([
      claims.fam && this.revocations ? this.revocations.isRevoked(claims.fam) : false,
      this.users.load(claims.sub),
    ]);
    return revoked ? null : user;
  }

  private satisfies(policy: Policy, user: AuthUser): boolean {
    switch (policy) {
      case 'bureau':
        return isBureau(user);
      case 'expert':
        return user.isExpert;
      case 'bureau-or-expert':
        return isBureau(user) || user.isExpert;
      case 'org-admin':
        return user.role === 'admin';
      case 'verified-org':
        return user.organizationStatus === 'verified';
    }
  }
}

const POLICY_TEXT: Record<Policy, string> = {
  bureau: '仅科技局工作人员可执行此操作',
  expert: '仅评审专家可执行此操作',
  'bureau-or-expert': '仅科技局工作人员或评审专家可执行此操作',
  'org-admin': '仅本单位管理员可执行此操作',
  'verified-org': '单位尚未通过科技局认证，暂不能执行此操作',
};
