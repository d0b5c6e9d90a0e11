import { Controller, Headers, HttpCode, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { BureauOnly } from '@app/core';
import { DASHBOARD_COOKIE, DASHBOARD_PATH } from './queue-dashboard.service';

@ApiTags('notifications')
@Controller('admin')
export class QueueDashboardController {
  @Post('queues-session')
  @HttpCode(204)
  @BureauOnly()
  @ApiOperation({ summary: '为浏览器打开任务队列看板（仅科技局）：以 HttpOnly Cookie 保存当前访问令牌' })
  session(@Headers('authorization') authorization: string, @Res({ passthrough: true }) reply: FastifyReply): void {
    const token = authorization.replace(/^Bearer\s+/i, '').trim();
    void reply.header(
      'set-cookie',
      `${DASHBOARD_COOKIE}=${encodeURIComponent(token)}; Path=${DASHBOARD_PATH}; HttpOnly; SameSite=Strict; Max-Age=900`,
    );
  }
}
