import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, ClientAddress, CurrentUser } from '@app/core';
import { DisableTwoFactorDto, RecoveryCodesDto, TwoFactorCodeDto, TwoFactorEnrolmentDto, TwoFactorStatusDto } from './dto/two-factor.dto';
import { TwoFactorService, type TwoFactorSubject } from './two-factor.service';

const subject = (user: AuthUser, ip: string): TwoFactorSubject => ({
  userId: user.userId,
  organizationId: user.organizationId,
  email: user.email,
  ip,
});

/** The signed-in user's two-factor sign-in (authenticator app and recovery codes). */
@ApiTags('auth')
@Controller('account/two-factor')
export class TwoFactorController {
  constructor(private readonly twoFactor: TwoFactorService) {}

  @Get()
  @ApiOperation({ summary: '两步验证的状态：是否开启、是否必须开启、剩余恢复码个数' })
  @ApiOkResponse({ type: TwoFactorStatusDto })
  status(@CurrentUser() user: AuthUser): Promise<TwoFactorStatusDto> {
    return this.twoFactor.status(user.userId, user.organizationKind);
  }

  @Post('start')
  @HttpCode(200)
  @ApiOperation({ summary: '开启两步验证第一步：生成新的密钥和二维码（提交第一个验证码后才生效）' })
  @ApiOkResponse({ type: TwoFactorEnrolmentDto })
  start(@CurrentUser() user: AuthUser): Promise<TwoFactorEnrolmentDto> {
    return this.twoFactor.start(user.userId, user.email);
  }

  @Post('confirm')
  @HttpCode(200)
  @ApiOperation({ summary: '开启两步验证第二步：提交验证器上的验证码，开启并返回仅显示一次的 10 个恢复码' })
  @ApiOkResponse({ type: RecoveryCodesDto })
  confirm(@Body() dto: TwoFactorCodeDto, @CurrentUser() user: AuthUser, @ClientAddress() ip: string): Promise<RecoveryCodesDto> {
    return this.twoFactor.confirm(subject(user, ip), dto.code);
  }

  @Post('disable')
  @HttpCode(204)
  @ApiOperation({ summary: '关闭两步验证（须提供登录密码和验证码）；必须开启的账号（科技局）不能关闭' })
  @ApiNoContentResponse({ description: '已关闭' })
  disable(@Body() dto: DisableTwoFactorDto, @CurrentUser() user: AuthUser, @ClientAddress() ip: string): Promise<void> {
    return this.twoFactor.disable(subject(user, ip), user.organizationKind, dto.password, dto.code);
  }

  @Post('recovery-codes/regenerate')
  @HttpCode(200)
  @ApiOperation({ summary: '重新生成 10 个恢复码（须提供验证码）；原有恢复码随即失效' })
  @ApiOkResponse({ type: RecoveryCodesDto })
  regenerate(@Body() dto: TwoFactorCodeDto, @CurrentUser() user: AuthUser, @ClientAddress() ip: string): Promise<RecoveryCodesDto> {
    return this.twoFactor.regenerate(subject(user, ip), dto.code);
  }
}
