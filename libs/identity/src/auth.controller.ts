import { Body, Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiExtraModels, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, AppConfig, Public } from '@app/core';
import { AuthService } from './auth.service';
import { Client, type ClientContext } from './client-context';
import { LoginDto, RefreshDto, SessionDto } from './dto/auth.dto';
import {
  ChallengeTokenDto,
  ConfirmEnrolmentLoginDto,
  EnrolledSessionDto,
  LoginTwoFactorDto,
  TwoFactorChallengeDto,
  TwoFactorEnrolmentChallengeDto,
  TwoFactorEnrolmentDto,
  type LoginAnswer,
} from './dto/two-factor.dto';
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
  @ApiOperation({
    summary:
      '登录，返回访问令牌和刷新令牌；已开启两步验证的账号返回 twoFactorRequired 和临时令牌（再调用 login/two-factor），必须开启而未开启的返回 twoFactorEnrolmentRequired；失败过多时返回 429',
  })
  @ApiExtraModels(SessionDto, TwoFactorChallengeDto, TwoFactorEnrolmentChallengeDto)
  @ApiOkResponse({
    schema: {
      oneOf: [
        { $ref: getSchemaPath(SessionDto) },
        { $ref: getSchemaPath(TwoFactorChallengeDto) },
        { $ref: getSchemaPath(TwoFactorEnrolmentChallengeDto) },
      ],
    },
  })
  async login(
    @Body() dto: LoginDto,
    @Client() client: ClientContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginAnswer> {
    const outcome = await this.auth.login(dto.email, dto.password, client);
    return 'accessToken' in outcome ? deliverSession(outcome, dto.useCookie, reply, this.config) : outcome;
  }

  @Post('login/two-factor')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: '登录第二步：提交验证器上的验证码或一个恢复码（恢复码仅可使用一次），返回与登录相同的令牌；错误过多时返回 429',
  })
  @ApiOkResponse({ type: SessionDto })
  async loginTwoFactor(
    @Body() dto: LoginTwoFactorDto,
    @Client() client: ClientContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionDto> {
    const factor = dto.code !== undefined ? { code: dto.code } : { recoveryCode: dto.recoveryCode ?? '' };
    return deliverSession(await this.auth.loginTwoFactor(dto.challengeToken, factor, client), dto.useCookie, reply, this.config);
  }

  @Post('login/two-factor/enrol/start')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: '登录时必须开启两步验证（科技局账号）：获取验证器的密钥和二维码' })
  @ApiOkResponse({ type: TwoFactorEnrolmentDto })
  enrolmentStart(@Body() dto: ChallengeTokenDto, @Client() client: ClientContext): Promise<TwoFactorEnrolmentDto> {
    return this.auth.enrolmentStart(dto.challengeToken, client);
  }

  @Post('login/two-factor/enrol/confirm')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: '登录时开启两步验证：提交第一个验证码，开启并登录；同时返回仅显示一次的 10 个恢复码' })
  @ApiOkResponse({ type: EnrolledSessionDto })
  async enrolmentConfirm(
    @Body() dto: ConfirmEnrolmentLoginDto,
    @Client() client: ClientContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<EnrolledSessionDto> {
    return deliverSession(await this.auth.enrolmentConfirm(dto.challengeToken, dto.code, client), dto.useCookie, reply, this.config);
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
