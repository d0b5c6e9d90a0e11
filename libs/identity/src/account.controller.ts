import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, ClientAddress, CurrentUser, IdParamDto, Public } from '@app/core';
import { CurrentSessionId } from './client-context';
import { ChangePasswordDto, ForgotPasswordDto, PasswordLinkRequestedDto, ResetPasswordDto } from './dto/password.dto';
import { SessionViewDto } from './dto/session.dto';
import { PasswordsService } from './passwords.service';
import { SessionsService } from './sessions.service';

/** The account's own security: forgotten and changed passwords, signed-in sessions. */
@ApiTags('auth')
@Controller('auth')
export class AccountController {
  constructor(
    private readonly passwords: PasswordsService,
    private readonly sessions: SessionsService,
  ) {}

  @Post('password/forgot')
  @Public()
  @HttpCode(202)
  @ApiOperation({
    summary: '忘记密码：向该邮箱发送一次性的重置链接（30 分钟内有效）；邮箱是否注册回答都相同；申请过多时返回 429',
  })
  @ApiAcceptedResponse({ type: PasswordLinkRequestedDto })
  forgot(@Body() dto: ForgotPasswordDto, @ClientAddress() ip: string): Promise<PasswordLinkRequestedDto> {
    return this.passwords.requestReset(dto.email, ip);
  }

  @Post('password/reset')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: '用邮件中的链接设置新密码（链接仅可使用一次）；该账号的全部登录随即退出' })
  @ApiNoContentResponse({ description: '密码已重置' })
  reset(@Body() dto: ResetPasswordDto, @ClientAddress() ip: string): Promise<void> {
    return this.passwords.reset(dto.token, dto.password, ip);
  }

  @Post('password/change')
  @HttpCode(204)
  @ApiOperation({ summary: '修改密码（须提供当前密码）；本次登录保留，其他设备上的登录随即退出' })
  @ApiNoContentResponse({ description: '密码已修改' })
  change(@Body() dto: ChangePasswordDto, @CurrentUser() user: AuthUser, @CurrentSessionId() session: string | null): Promise<void> {
    return this.passwords.change(user, session, dto.currentPassword, dto.newPassword);
  }

  @Get('sessions')
  @ApiOperation({ summary: '当前账号的登录会话（设备），最近使用的在前' })
  @ApiOkResponse({ type: [SessionViewDto] })
  list(@CurrentUser() user: AuthUser, @CurrentSessionId() session: string | null): Promise<SessionViewDto[]> {
    return this.sessions.list(user.userId, session);
  }

  @Delete('sessions/:id')
  @HttpCode(204)
  @ApiOperation({ summary: '退出某个登录会话：其刷新令牌和访问令牌立即失效' })
  @ApiNoContentResponse({ description: '已退出该会话' })
  revoke(@Param() p: IdParamDto, @CurrentUser() user: AuthUser): Promise<void> {
    return this.sessions.revoke(user, p.id);
  }
}
