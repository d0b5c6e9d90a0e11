import { Body, Controller, Delete, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, ClientAddress, CurrentUser, IdParamDto, OrgAdminOnly, Public, RequireAccess } from '@app/core';
import { AcceptInvitationDto, InvitationAcceptedDto, InviteMemberDto } from './dto/invitation.dto';
import { MemberParamDto, MemberViewDto } from './dto/member.dto';
import { InvitationsService } from './invitations.service';
import { MembersService } from './members.service';

/** Members joining by invitation, and leaving: only the organization's own admins (never the bureau). */
@ApiTags('organizations')
@Controller()
export class InvitationsController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly members: MembersService,
  ) {}

  @Post('organizations/:id/invitations')
  @OrgAdminOnly()
  @RequireAccess('organization.own')
  @ApiOperation({
    summary: '邀请成员：向该邮箱发送邀请链接（7 天内有效），被邀请人自行填写姓名、设置密码后加入（仅本单位管理员）；发送过多时返回 429',
  })
  @ApiCreatedResponse({ type: MemberViewDto })
  invite(@Param() p: IdParamDto, @Body() dto: InviteMemberDto, @CurrentUser() user: AuthUser): Promise<MemberViewDto> {
    return this.invitations.invite(p.id, dto, user);
  }

  @Delete('organizations/:id/invitations/:userId')
  @OrgAdminOnly()
  @RequireAccess('organization.own')
  @HttpCode(204)
  @ApiOperation({ summary: '撤销尚未接受的邀请：邀请链接随即失效（仅本单位管理员）' })
  @ApiNoContentResponse({ description: '已撤销' })
  revoke(@Param() p: MemberParamDto, @CurrentUser() user: AuthUser): Promise<void> {
    return this.invitations.revoke(p.id, p.userId, user);
  }

  @Post('auth/invitation/accept')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: '接受邀请：用邀请邮件中的链接填写姓名、设置密码（链接仅可使用一次），随后即可登录' })
  @ApiOkResponse({ type: InvitationAcceptedDto })
  accept(@Body() dto: AcceptInvitationDto, @ClientAddress() ip: string): Promise<InvitationAcceptedDto> {
    return this.invitations.accept(dto.token, dto.name, dto.password, ip);
  }

  @Delete('organizations/:id/members/:userId')
  @OrgAdminOnly()
  @RequireAccess('organization.own')
  @HttpCode(204)
  @ApiOperation({ summary: '移除成员：账号不能再登录，全部登录即时退出（仅本单位管理员；不能移除唯一的管理员或自己）' })
  @ApiNoContentResponse({ description: '已移除' })
  remove(@Param() p: MemberParamDto, @CurrentUser() user: AuthUser): Promise<void> {
    return this.members.remove(p.id, p.userId, user);
  }
}
