import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, BureauOnly, CurrentUser, IdParamDto, OptionalAuth, OrgAdminOnly, PageQueryDto, RequireAccess } from '@app/core';
import { SetExpertDto } from './dto/expert.dto';
import { AddMemberDto, OrganizationQueryDto, RejectDto, UpdateOrganizationDto } from './dto/organization.dto';
import { OrganizationsService } from './organizations.service';
import { UsersService } from './users.service';

@ApiTags('organizations')
@Controller()
export class OrganizationsController {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly users: UsersService,
  ) {}

  @Get('organizations')
  @OptionalAuth()
  @ApiOperation({ summary: '单位列表（公众只看到已认证单位；科技局可按状态筛选，待认证队列按时间先后）' })
  list(@Query() q: OrganizationQueryDto, @CurrentUser() user?: AuthUser) {
    return this.organizations.list(q, user);
  }

  @Get('organizations/:id')
  @OptionalAuth()
  @ApiOperation({ summary: '单位详情（联系方式仅本单位和科技局可见）' })
  get(@Param() p: IdParamDto, @CurrentUser() user?: AuthUser) {
    return this.organizations.get(p.id, user);
  }

  @Patch('organizations/:id')
  @OrgAdminOnly()
  @RequireAccess('organization.member')
  @ApiOperation({ summary: '修改本单位联系信息（仅本单位管理员）' })
  update(@Param() p: IdParamDto, @Body() dto: UpdateOrganizationDto, @CurrentUser() user: AuthUser) {
    return this.organizations.update(p.id, dto, user);
  }

  @Post('organizations/:id/verify')
  @HttpCode(200)
  @BureauOnly()
  @ApiOperation({ summary: '科技局认证单位' })
  verify(@Param() p: IdParamDto, @CurrentUser() user: AuthUser) {
    return this.organizations.verify(p.id, user);
  }

  @Post('organizations/:id/reject')
  @HttpCode(200)
  @BureauOnly()
  @ApiOperation({ summary: '科技局驳回单位认证（须写明原因）' })
  reject(@Param() p: IdParamDto, @Body() dto: RejectDto, @CurrentUser() user: AuthUser) {
    return this.organizations.reject(p.id, dto.reason, user);
  }

  @Get('organizations/:id/members')
  @RequireAccess('organization.member')
  @ApiOperation({ summary: '单位成员（本单位和科技局可见）' })
  members(@Param() p: IdParamDto, @Query() q: PageQueryDto) {
    return this.users.memberViews(p.id, q);
  }

  @Post('organizations/:id/members')
  @OrgAdminOnly()
  @RequireAccess('organization.member')
  @ApiOperation({ summary: '为本单位添加成员账号（仅本单位管理员）' })
  addMember(@Param() p: IdParamDto, @Body() dto: AddMemberDto, @CurrentUser() user: AuthUser) {
    return this.users.addMember(p.id, dto, user);
  }

  @Post('users/:id/expert')
  @HttpCode(200)
  @BureauOnly()
  @ApiOperation({ summary: '科技局将用户列入（或移出）专家库' })
  setExpert(@Param() p: IdParamDto, @Body() dto: SetExpertDto, @CurrentUser() user: AuthUser) {
    return this.users.setExpert(p.id, dto.isExpert, dto.fields, user);
  }
}
