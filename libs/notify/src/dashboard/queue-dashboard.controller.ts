import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BureauOnly } from '@app/core';
import { DASHBOARD_COOKIE, DASHBOARD_PATH } from './queue-dashboard.service';

@ApiTags('notifications')
@Controller('admin')
export class QueueDashboardController {
  @Post('queues-session')
  @HttpCode(204)
  @BureauOnly()
  @ApiOperation({ summary: '为浏览器打开任务队列看板（仅科技局）：以 HttpOnly Cookie 保存当前访问令牌' })
  @ApiNoContentResponse({
    description: `已设置 Cookie；之后在同一浏览器中打开 ${DASHBOARD_PATH}（看板页面不在本文档中）`,
    headers: {
      'Set-Cookie': {
        description: `${DASHBOARD_COOKIE}=<访问令牌>; Path=${DASHBOARD_PATH}; HttpOnly; SameSite=Strict; Max-Age=900`,
        schema: { type: 'string' },
      },
    },
  })
  // The bearer token, read from the request (the guard has checked it), so the document states the
  // bearer security rather than a header parameter.
  session(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): void {
    const token = String(req.headers.authorization ?? '')
      .replace(/^Bearer\s+/i, '')
      .trim();
    void reply.header(
      'set-cookie',
      `${DASHBOARD_COOKIE}=${encodeURIComponent(token)}; Path=${DASHBOARD_PATH}; HttpOnly; SameSite=Strict; Max-Age=900`,
    );
  }
}
