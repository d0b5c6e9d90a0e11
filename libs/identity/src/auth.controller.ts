import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClientAddress, Public } from '@app/core';
import { AuthService } from './auth.service';
import { LoginDto, RefreshDto, RegisterDto, TokenPairDto } from './dto/auth.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('register')
  @Public()
  @ApiOperation({ summary: '注册单位及其管理员账号（单位需经科技局认证后才能提交清单）' })
  register(@Body() dto: RegisterDto, @ClientAddress() ip: string) {
    return this.auth.register(dto, ip);
  }

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: '登录，返回访问令牌和刷新令牌；失败过多时返回 429' })
  login(@Body() dto: LoginDto, @ClientAddress() ip: string): Promise<TokenPairDto> {
    return this.auth.login(dto.email, dto.password, ip);
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: '用刷新令牌换取新的令牌对（旧刷新令牌随即失效；重复使用会注销该登录的全部令牌）' })
  refresh(@Body() dto: RefreshDto, @ClientAddress() ip: string): Promise<TokenPairDto> {
    return this.auth.refresh(dto.refreshToken, ip);
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: '退出登录：注销该刷新令牌及其同一登录下的全部令牌' })
  async logout(@Body() dto: RefreshDto): Promise<void> {
    await this.auth.logout(dto.refreshToken);
  }
}
