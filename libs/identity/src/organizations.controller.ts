import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import {
  ApiPageResponse,
  AuthUser,
  BureauOnly,
  CurrentUser,
  IdParamDto,
  OptionalAuth,
  OrgAdminOnly,
  PageQueryDto,
  RequireAccess,
} from '@app/core';
import { ExpertQueryDto, ExpertViewDto, SetExpertDto } from './dto/expert.dto';
import { ChangeRoleDto, DisableUserDto, MemberParamDto, MemberViewDto } from './dto/member.dto';
import {
  AddMemberDto,
  OrganizationDetailDto,
  OrganizationPublicDto,
  OrganizationQueryDto,
  RejectDto,
  UpdateOrganizationDto,
} from './dto/organization.dto';
import { MembersService } from './members.service';
import { OrganizationsService } from './organizations.service';
import { UsersService } from './users.service';

const ORGANIZATION_SCHEMA = { oneOf: [{ $ref: getSchemaPath(OrganizationDetailDto) }, { $ref: getSchemaPath(OrganizationPublicDto) }] };

@ApiTags('organizations')
@ApiExtraModels(OrganizationPublicDto, OrganizationDetailDto)
@Controller()
export class OrganizationsController {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly users: UsersService,
    private readonly members: MembersService,
  ) {}

  @Get('organizations')
  @OptionalAuth()
  @ApiOperation({ summary: '单位列表（公众只看到已认证单位；科技局可按状态筛选，待认证队列按时间先后）' })
  @ApiOkResponse({
    description: '分页列表；本单位和科技局看到联系信息',
    schema: {
      type: 'object',
      required: ['items', 'total', 'page', 'pageSize'],
      properties: {
        items: { type: 'array', items: ORGANIZATION_SCHEMA },
        total: { type: 'integer' },
        page: { type: 'integer' },
        pageSize: { type: 'integer' },
      },
    },
  })
  list(@Query() q: OrganizationQueryDto, @CurrentUser() user?: AuthUser) {
    return this.organizations.list(q, user);
  }

  @Get('organizations/:id')
  @OptionalAuth()
  @ApiOperation({ summary: '单位详情（联系方式仅本单位和科技局可见）' })
  @ApiOkResponse({ schema: ORGANIZATION_SCHEMA })
  get(@Param() p: IdParamDto, @CurrentUser() user?: AuthUser) {
    return this.organizations.get(p.id, user);
  }

  @Patch('organizations/:id')
  @OrgAdminOnly()
  @RequireAccess('organization.member')
  @ApiOperation({ summary: '修改本单位联系信息（仅本单位管理员）' })
  @ApiOkResponse({ type: OrganizationDetailDto })
  update(@Param() p: IdParamDto, @Body() dto: UpdateOrganizationDto, @CurrentUser() user: AuthUser) {
    return this.organizations.update(p.id, dto, user);
  }

  @Post('organizations/:id/verify')
  @HttpCode(200)
  @BureauOnly()
  @ApiOperation({ summary: '科技局认证单位' })
  @ApiOkResponse({ type: OrganizationDetailDto })
  verify(@Param() p: IdParamDto, @CurrentUser() user: AuthUser) {
    return this.organizations.verify(p.id, user);
  }

  @Post('organizations/:id/reject')
  @HttpCode(200)
  @BureauOnly()
  @ApiOperation({ summary: '科技局驳回单位认证（须写明原因）' })
  @ApiOkResponse({ type: OrganizationDetailDto })
  reject(@Param() p: IdParamDto, @Body() dto: RejectDto, @CurrentUser() user: AuthUser) {
    return this.organizations.reject(p.id, dto.reason, user);
  }

  @Get('organizations/:id/members')
  @RequireAccess('organization.member')
  @ApiOperation({ summary: '单位成员（本单位和科技局可见；已停用的排在后面）' })
  @ApiPageResponse(MemberViewDto)
  listMembers(@Param() p: IdParamDto, @Query() q: PageQueryDto) {
    return this.users.memberViews(p.id, q);
  }

  @Post('organizations/:id/members')
  @OrgAdminOnly()
  @RequireAccess('organization.own')
  @ApiOperation({ summary: '为本单位添加成员账号（仅本单位管理员；科技局不能为其他单位添加账号）' })
  @ApiCreatedResponse({ type: MemberViewDto })
  addMember(@Param() p: IdParamDto, @Body() dto: AddMemberDto, @CurrentUser() user: AuthUser): Promise<MemberViewDto> {
    return this.users.addMember(p.id, dto, user);
  }

  @Patch('organizations/:id/members/:userId')
  @OrgAdminOnly()
  @RequireAccess('organization.own')
  @ApiOperation({ summary: '修改本单位成员的角色（仅本单位管理员；至少保留一位管理员）' })
  @ApiOkResponse({ type: MemberViewDto })
  changeRole(@Param() p: MemberParamDto, @Body() dto: ChangeRoleDto, @CurrentUser() user: AuthUser): Promise<MemberViewDto> {
    return this.members.changeRole(p.id, p.userId, dto.role, user);
  }

  @Post('users/:id/disable')
  @HttpCode(200)
  @ApiOperation({ summary: '停用账号（本单位管理员停用本单位成员；科技局可停用任何账号，须写明原因）：即时退出全部登录' })
  @ApiOkResponse({ type: MemberViewDto })
  disable(@Param() p: IdParamDto, @Body() dto: DisableUserDto, @CurrentUser() user: AuthUser): Promise<MemberViewDto> {
    return this.members.disable(p.id, dto.reason ?? null, user);
  }

  @Post('users/:id/enable')
  @HttpCode(200)
  @ApiOperation({ summary: '重新启用账号（本单位管理员或科技局）' })
  @ApiOkResponse({ type: MemberViewDto })
  enable(@Param() p: IdParamDto, @CurrentUser() user: AuthUser): Promise<MemberViewDto> {
    return this.members.enable(p.id, user);
  }

  @Get('experts')
  @BureauOnly()
  @ApiOperation({ summary: '专家库（科技局）：按专业领域、姓名或单位筛选' })
  @ApiPageResponse(ExpertViewDto)
  experts(@Query() q: ExpertQueryDto) {
    return this.users.experts(q);
  }

  @Post('users/:id/expert')
  @HttpCode(200)
  @BureauOnly()
  @ApiOperation({ summary: '科技局将用户列入（或移出）专家库' })
  @ApiOkResponse({ type: MemberViewDto })
  setExpert(@Param() p: IdParamDto, @Body() dto: SetExpertDto, @CurrentUser() user: AuthUser): Promise<MemberViewDto> {
    return this.users.setExpert(p.id, dto.isExpert, dto.fields, user);
  }
}
