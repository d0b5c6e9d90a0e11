import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClientAddress, Public } from '@app/core';
import { Client, type ClientContext } from './client-context';
import { RegisterDto } from './dto/auth.dto';
import { RegistrationReceivedDto, ResendVerificationDto, VerifyEmailDto } from './dto/registration.dto';
import { RegistrationService } from './registration.service';

/** Self-service registration and the verification of its e-mail address. */
@ApiTags('auth')
@Controller('auth')
export class RegistrationController {
  constructor(private readonly registration: RegistrationService) {}

  @Post('register')
  @Public()
  @ApiOperation({
    summary:
      '注册单位及其管理员账号：向该邮箱发送验证链接（24 小时内有效），验证后单位进入科技局认证队列；邮箱已注册时回答相同（邮件告知账号持有人）；申请过多时返回 429',
  })
  @ApiCreatedResponse({ type: RegistrationReceivedDto })
  register(@Body() dto: RegisterDto, @Client() client: ClientContext): Promise<RegistrationReceivedDto> {
    return this.registration.register(dto, client);
  }

  @Post('email/verify')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: '用验证邮件中的链接验证邮箱（链接仅可使用一次）；注册的单位随即提交科技局认证' })
  @ApiOkResponse({ type: RegistrationReceivedDto })
  verify(@Body() dto: VerifyEmailDto, @ClientAddress() ip: string): Promise<RegistrationReceivedDto> {
    return this.registration.verifyEmail(dto.token, ip);
  }

  @Post('email/verify/resend')
  @Public()
  @HttpCode(202)
  @ApiOperation({ summary: '重新发送验证邮件（此前的验证链接随即失效）；邮箱是否注册回答都相同；申请过多时返回 429' })
  @ApiAcceptedResponse({ type: RegistrationReceivedDto })
  resend(@Body() dto: ResendVerificationDto, @ClientAddress() ip: string): Promise<RegistrationReceivedDto> {
    return this.registration.resendVerification(dto.email, ip);
  }
}
