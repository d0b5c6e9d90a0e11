import { randomBytes } from 'node:crypto';
import type { DynamicModule, Type } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { AUTH_USER_LOADER, AuthUser, AuthUserLoader, CoreModule, type OrganizationKind } from '@app/core';
import { ProvisioningService, UsersService } from '@app/identity';
import { randomCreditCode } from './test-app';
import { createTestEnv, TestEnv } from './test-env';

/**
 * Libraries' services on the machine's real PostgreSQL and Redis, without HTTP (no guard, no
 * validation pipe): for a domain rule tested through the service that owns it. Users are real
 * rows, loaded the way the auth guard loads them.
 */
export class ServiceWorld {
  private constructor(
    readonly ref: TestingModule,
    readonly env: TestEnv,
  ) {}

  static async start(modules: (Type | DynamicModule)[], overrides: Record<string, string> = {}): Promise<ServiceWorld> {
    const env = await createTestEnv(overrides);
    const ref = await Test.createTestingModule({ imports: [CoreModule.forRoot(env.config), ...modules] }).compile();
    ref.useLogger(false);
    await ref.init();
    return new ServiceWorld(ref, env);
  }

  get<T>(type: Type<T> | string | symbol): T {
    return this.ref.get(type, { strict: false });
  }

  get db(): DataSource {
    return this.get(DataSource);
  }

  /** The admin of a fresh verified organization, as the auth guard would see them. */
  async member(kind: OrganizationKind, name: string): Promise<AuthUser> {
    const { users } = await this.get(ProvisioningService).createVerifiedOrganization({
      name,
      kind,
      region: '荆门市',
      creditCode: kind === 'enterprise' ? randomCreditCode() : null,
      users: [{ email: `${kind}-${randomBytes(5).toString('hex')}@test.local`, password: 'Passw0rd-test', name: `${name}管理员` }],
    });
    return this.load(users[0].id);
  }

  /** A member of `organizationId` put in the expert pool by `bureau`. */
  async expert(organizationId: string, name: string, bureau: AuthUser): Promise<AuthUser> {
    const users = this.get(UsersService);
    const email = `expert-${randomBytes(5).toString('hex')}@test.local`;
    const u = await users.create({ organizationId, email, password: 'Passw0rd-test', name, role: 'member' });
    await users.setExpert(u.id, true, ['动力储能电池'], bureau);
    return this.load(u.id);
  }

  async stop(): Promise<void> {
    await this.ref.close();
    await this.env.cleanup();
  }

  private async load(userId: string): Promise<AuthUser> {
    const user = await this.get<AuthUserLoader>(AUTH_USER_LOADER).load(userId);
    if (!user) throw new Error(`user ${userId} not loadable`);
    return user;
  }
}
