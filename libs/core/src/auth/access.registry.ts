import { Injectable } from '@nestjs/common';
import type { AuthUser } from './auth-user';

/** Decides whether `user` may act on the item `id` in a given way (e.g. "need.owner"). */
export type AccessCheck = (user: AuthUser, id: string) => Promise<boolean>;

/**
 * Organization scoping in one place: each context registers its checks by name, routes name
 * the check they need with `@RequireAccess`, and the guard answers 404 on a miss, the same as
 * a missing item, so ids cannot be probed.
 */
@Injectable()
export class AccessRegistry {
  private readonly checks = new Map<string, AccessCheck>();

  register(name: string, check: AccessCheck): void {
    if (this.checks.has(name)) throw new Error(`access check ${name} registered twice`);
    this.checks.set(name, check);
  }

  async allows(name: string, user: AuthUser, id: string): Promise<boolean> {
    const check = this.checks.get(name);
    if (!check) throw new Error(`unknown access check ${name}`);
    return check(user, id);
  }
}
