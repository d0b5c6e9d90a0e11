import { Body, Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, AppConfig, Public } from '@app/core';
import { AuthService } from './auth.service';
import { Client, type ClientContext } from './client-context';
import { LoginDto, RefreshDto, SessionDto } from './dto/auth.dto';
import { InvalidRefreshTokenError } from './identity.errors';
import { clearRefreshCookie, deliverSession, refreshCookieOf } from './refresh-cookie';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: '登录，返回访问令牌和刷新令牌；失败过多时返回 429' })
  @ApiOkResponse({ type: SessionDto })
  async login(
    @Body() dto: LoginDto,
    @Client() client: ClientContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionDto> {
    return deliverSession(await this.auth.login(dto.email, dto.password, client), dto.useCookie, reply, this.config);
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: '用刷新令牌换取新的令牌对（旧刷新令牌随即失效；重复使用会注销该登录的全部令牌）；省略令牌时使用网页端的 Cookie',
  })
  @ApiOkResponse({ type: SessionDto })
  async refresh(
    @Body() dto: RefreshDto,
    @Client() client: ClientContext,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionDto> {
    const fromCookie = !dto.refreshToken;
    const presented = dto.refreshToken ?? refreshCookieOf(req);
    try {
      if (!presented) throw new InvalidRefreshTokenError();
      return deliverSession(await this.auth.refresh(presented, client), fromCookie, reply, this.config);
    } catch (err) {
      if (fromCookie) clearRefreshCookie(reply, this.config);
      throw err;
    }
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: '退出登录：注销该刷新令牌（或网页端 Cookie 中的令牌）及其同一登录下的全部令牌' })
  @ApiNoContentResponse({ description: '已退出' })
  async logout(@Body() dto: RefreshDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const presented = dto.refreshToken ?? refreshCookieOf(req);
    clearRefreshCookie(reply, this.config);
    if (presented) await this.auth.logout(presented);
  }
}
