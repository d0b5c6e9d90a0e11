import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPageResponse, AuthUser, BureauOnly, CurrentUser, IdParamDto, Page, RequireAccess } from '@app/core';
import { RevisionQueryDto, RevisionViewDto } from './dto/revision.dto';
import { RejectItemDto } from './dto/workflow.dto';
import { ItemRevisions } from './revisions.service';

/** Revisions (修改) of published needs and results: the owner's changes, waiting for the bureau. */
@ApiTags('revisions')
@Controller('revisions')
export class RevisionsController {
  constructor(private readonly revisions: ItemRevisions) {}

  @Get()
  @ApiPageResponse(RevisionViewDto)
  @ApiOperation({ summary: '已发布需求和成果的修改（科技局看全部，用 status=pending 得到审核队列；其他单位只看本单位的）' })
  list(@Query() q: RevisionQueryDto, @CurrentUser() user: AuthUser): Promise<Page<RevisionViewDto>> {
    return this.revisions.list(q, user);
  }

  @Get(':id')
  @RequireAccess('revision.viewer')
  @ApiOkResponse({ type: RevisionViewDto })
  @ApiOperation({ summary: '修改详情：逐字段的原值和新值（仅发布单位和科技局）' })
  get(@Param() p: IdParamDto): Promise<RevisionViewDto> {
    return this.revisions.get(p.id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @BureauOnly()
  @ApiOkResponse({ type: RevisionViewDto })
  @ApiOperation({ summary: '科技局通过修改：公开内容随之更新，搜索与匹配随之更新，发布单位收到通知' })
  approve(@Param() p: IdParamDto, @CurrentUser() user: AuthUser): Promise<RevisionViewDto> {
    return this.revisions.approve(p.id, user);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @BureauOnly()
  @ApiOkResponse({ type: RevisionViewDto })
  @ApiOperation({ summary: '科技局驳回修改（须写明原因）：公开内容不变，发布单位收到原因' })
  reject(@Param() p: IdParamDto, @Body() dto: RejectItemDto, @CurrentUser() user: AuthUser): Promise<RevisionViewDto> {
    return this.revisions.reject(p.id, dto.reason, user);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @RequireAccess('revision.owner')
  @ApiOkResponse({ type: RevisionViewDto })
  @ApiOperation({ summary: '发布单位撤回待审核的修改：公开内容不变' })
  withdraw(@Param() p: IdParamDto, @CurrentUser() user: AuthUser): Promise<RevisionViewDto> {
    return this.revisions.withdraw(p.id, user);
  }
}
