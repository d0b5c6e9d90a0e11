import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AccessTokenClaims, AUTH_USER_LOADER, AuthUserLoader, isBureau, QueueRegistry } from '@app/core';

export const DASHBOARD_PATH = '/api/admin/queues';
export const DASHBOARD_COOKIE = 'tt_queue_board';

/**
 * Bull Board in the api, for bureau staff only: every route under the path (the page, its
 * assets and its JSON API) first checks the caller's access token, given as a bearer header
 * or as the HttpOnly cookie that POST /api/admin/queues-session sets for browsers.
 */
@Injectable()
export class QueueDashboard implements OnModuleInit {
  private readonly logger = new Logger(QueueDashboard.name);

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly queues: QueueRegistry,
    private readonly jwt: JwtService,
    @Inject(AUTH_USER_LOADER) private readonly users: AuthUserLoader,
  ) {}

  async onModuleInit(): Promise<void> {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return;
    const serverAdapter = new FastifyAdapter();
    serverAdapter.setBasePath(DASHBOARD_PATH);
    // @bull-board/fastify pins its own copy of @bull-board/api: same shape, separate declarations.
    type BoardAdapter = Parameters<typeof createBullBoard>[0]['serverAdapter'];
    createBullBoard({
      queues: this.queues.all().map((q) => new BullMQAdapter(q)),
      serverAdapter: serverAdapter as unknown as BoardAdapter,
      options: { uiConfig: { boardTitle: '任务队列' } },
    });
    void fastify.register(async (scope) => {
      scope.addHook('onRequest', (req, reply) => this.guard(req, reply));
      await scope.register(serverAdapter.registerPlugin(), { prefix: DASHBOARD_PATH });
    });
    this.logger.log(`queue dashboard at ${DASHBOARD_PATH}`);
  }

  private async guard(req: FastifyRequest, reply: FastifyReply): Promise<void> {
    const token = bearer(req.headers.authorization) ?? cookie(req.headers.cookie, DASHBOARD_COOKIE);
    let allowed = false;
    if (token) {
      try {
        const claims = await this.jwt.verifyAsync<AccessTokenClaims>(token);
        const user = claims.typ === 'access' ? await this.users.load(claims.sub) : null;
        allowed = isBureau(user);
        if (user && !allowed) {
          await reply.status(403).send({ statusCode: 403, error: 'FORBIDDEN', message: '仅科技局工作人员可查看任务队列' });
          return;
        }
      } catch {
        allowed = false;
      }
    }
    if (!allowed) await reply.status(401).send({ statusCode: 401, error: 'UNAUTHORIZED', message: '请先登录' });
  }
}

function bearer(header: string | undefined): string | null {
  const m = header ? /^Bearer\s+(.+)$/i.exec(header) : null;
  return m ? m[1].trim() : null;
}

function cookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k !== name) continue;
    try {
      return decodeURIComponent(v.join('='));
    } catch {
      return null; // a malformed cookie is no token
    }
  }
  return null;
}
