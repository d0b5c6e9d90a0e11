import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '@app/core';
import { MemberViewDto } from './dto/member.dto';
import { OrganizationDetailDto } from './dto/organization.dto';
import { MeService } from './me.service';

class MeDto {
  @ApiProperty({ type: MemberViewDto }) user!: MemberViewDto;
  @ApiProperty({ type: OrganizationDetailDto }) organization!: OrganizationDetailDto;
}

@ApiTags('auth')
@Controller('me')
export class MeController {
  constructor(private readonly me: MeService) {}

  @Get()
  @ApiOperation({ summary: '当前用户及其单位' })
  @ApiOkResponse({ type: MeDto })
  get(@CurrentUser() user: AuthUser): Promise<MeDto> {
    return this.me.get(user);
  }
}
