import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { ForbiddenError, NotFoundError, UnauthorizedError } from '../errors/domain-error';
import { AccessRegistry } from './access.registry';
import { ACCESS_KEY, POLICY_KEY, PUBLIC_KEY } from './auth.decorators';
import { AuthUser, AuthUserLoader } from './auth-user';
import { AuthGuard } from './auth.guard';

const ID = '3f1c2a9e-4b7d-4c1e-9a2b-5d6e7f8a9b0c';

const enterpriseUser: AuthUser = {
  userId: 'u1',
  organizationId: 'o1',
  organizationKind: 'enterprise',
  organizationStatus: 'verified',
  role: 'member',
  isExpert: false,
  email: 'a@b.c',
  name: 'A',
};

function context(
  headers: Record<string, string>,
  params: Record<string, string> = {},
): { ctx: ExecutionContext; req: { user?: AuthUser } } {
  const req = { headers, params } as { headers: Record<string, string>; params: Record<string, string>; user?: AuthUser };
  const handler = (): void => undefined;
  const ctx = {
    getHandler: () => handler,
    getClass: () => Object,
    switchToHttp: () => ({ getRequest: () => req }),
  } as unknown as ExecutionContext;
  return { ctx, req };
}

function guardWith(meta: Record<string, unknown>, user: AuthUser | null, allowed = true) {
  const reflector = {
    getAllAndOverride: jest.fn((key: string) => meta[key]),
    get: jest.fn((key: string) => meta[key]),
  } as unknown as Reflector;
  const jwt = {
    verifyAsync: jest.fn(async (t: string) => (t === 'good' ? { sub: 'u1', org: 'o1', typ: 'access' } : Promise.reject(new Error('bad')))),
  };
  const access = new AccessRegistry();
  const check = jest.fn(async () => allowed);
  access.register('thing.owner', check);
  const loader: AuthUserLoader = { load: jest.fn(async () => user) };
  return { guard: new AuthGuard(reflector, jwt as unknown as JwtService, access, loader), check, loader };
}

describe('AuthGuard', () => {
  it('lets a public route through without a token', async () => {
    const { guard } = guardWith({ [PUBLIC_KEY]: true }, null);
    await expect(guard.canActivate(context({}).ctx)).resolves.toBe(true);
  });

  it('requires a token elsewhere, and a valid one', async () => {
    const { guard } = guardWith({}, enterpriseUser);
    await expect(guard.canActivate(context({}).ctx)).rejects.toBeInstanceOf(UnauthorizedError);
    await expect(guard.canActivate(context({ authorization: 'Bearer nope' }).ctx)).rejects.toBeInstanceOf(UnauthorizedError);
    const { ctx, req } = context({ authorization: 'Bearer good' });
    await expect(guard.canActivate(ctx)).resolves.toBe(true);
    expect(req.user).toEqual(enterpriseUser);
  });

  it('refuses a user the database no longer knows', async () => {
    const { guard } = guardWith({}, null);
    await expect(guard.canActivate(context({ authorization: 'Bearer good' }).ctx)).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it('applies the bureau policy', async () => {
    const { guard } = guardWith({ [POLICY_KEY]: 'bureau' }, enterpriseUser);
    await expect(guard.canActivate(context({ authorization: 'Bearer good' }).ctx)).rejects.toBeInstanceOf(ForbiddenError);
    const bureau = guardWith({ [POLICY_KEY]: 'bureau' }, { ...enterpriseUser, organizationKind: 'bureau' });
    await expect(bureau.guard.canActivate(context({ authorization: 'Bearer good' }).ctx)).resolves.toBe(true);
    const unverified = guardWith(
      { [POLICY_KEY]: 'bureau' },
      { ...enterpriseUser, organizationKind: 'bureau', organizationStatus: 'pending' },
    );
    await expect(unverified.guard.canActivate(context({ authorization: 'Bearer good' }).ctx)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('answers 404 when the access check fails, passing the route id', async () => {
    const denied = guardWith({ [ACCESS_KEY]: { check: 'thing.owner', param: 'id' } }, enterpriseUser, false);
    await expect(denied.guard.canActivate(context({ authorization: 'Bearer good' }, { id: ID }).ctx)).rejects.toBeInstanceOf(NotFoundError);
    expect(denied.check).toHaveBeenCalledWith(enterpriseUser, ID);
    const allowed = guardWith({ [ACCESS_KEY]: { check: 'thing.owner', param: 'id' } }, enterpriseUser, true);
    await expect(allowed.guard.canActivate(context({ authorization: 'Bearer good' }, { id: ID }).ctx)).resolves.toBe(true);
  });

  it('answers 404 for an id that is not a UUID, without running the check', async () => {
    const g = guardWith({ [ACCESS_KEY]: { check: 'thing.owner', param: 'id' } }, enterpriseUser, true);
    await expect(g.guard.canActivate(context({ authorization: 'Bearer good' }, { id: "1' OR '1'='1" }).ctx)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(g.check).not.toHaveBeenCalled();
  });
});
