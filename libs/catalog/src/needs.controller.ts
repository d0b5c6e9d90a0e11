import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  ApiPageResponse,
  AuthUser,
  BureauOnly,
  CurrentUser,
  IdParamDto,
  OptionalAuth,
  Page,
  PageQueryDto,
  RequireAccess,
  VerifiedOrgOnly,
} from '@app/core';
import { CorrectNeedDto, CreateNeedDto, UpdateNeedDto } from './dto/need.dto';
import { ItemListQueryDto } from './dto/item-query.dto';
import { CloseItemDto, RejectItemDto } from './dto/workflow.dto';
import { NeedsService } from './needs.service';
import { NeedViewDto } from './dto/need-view.dto';
import { QualityReportDto } from './dto/quality-report.dto';
import { CatalogHistoryEntryDto } from './dto/history-entry.dto';
import { RevisionViewDto } from './dto/revision.dto';
import { answerEdit } from './edit-reply';

@ApiTags('needs')
@Controller('needs')
export class NeedsController {
  constructor(private readonly needs: NeedsService) {}

  @Get()
  @OptionalAuth()
  @ApiPageResponse(NeedViewDto)
  @ApiOperation({ summary: '需求列表（公众看已发布；本单位和科技局看全部）：筛选、排序、分页' })
  list(@Query() q: ItemListQueryDto, @CurrentUser() user?: AuthUser): Promise<Page<NeedViewDto>> {
    return this.needs.list(q, user);
  }

  @Get('review-queue')
  @BureauOnly()
  @ApiPageResponse(NeedViewDto)
  @ApiOperation({ summary: '科技局审核队列：待审核需求，先提交的在前，附质量评分' })
  reviewQueue(@Query() q: PageQueryDto, @CurrentUser() user: AuthUser): Promise<Page<NeedViewDto>> {
    return this.needs.reviewQueue(q, user);
  }

  @Post()
  @ApiCreatedResponse({ type: NeedViewDto })
  @ApiOperation({ summary: '新建需求草稿' })
  create(@Body() dto: CreateNeedDto, @CurrentUser() user: AuthUser): Promise<NeedViewDto> {
    return this.needs.create(dto, user);
  }

  @Get(':id')
  @OptionalAuth()
  @ApiOkResponse({ type: NeedViewDto })
  @ApiOperation({ summary: '需求详情（联系人仅本单位和科技局可见）' })
  get(@Param() p: IdParamDto, @CurrentUser() user?: AuthUser): Promise<NeedViewDto> {
    return this.needs.get(p.id, user);
  }

  @Patch(':id')
  @RequireAccess('need.owner')
  @ApiOkResponse({ type: NeedViewDto, description: '草稿或被驳回的需求：已修改' })
  @ApiAcceptedResponse({ type: RevisionViewDto, description: '已发布的需求：修改已提交科技局审核，通过前公开的仍是原内容' })
  @ApiOperation({ summary: '修改需求：草稿或被驳回的直接修改；已发布的提交修改审核（202，再次修改更新同一份待审核的修改）' })
  async update(
    @Param() p: IdParamDto,
    @Body() dto: UpdateNeedDto,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<NeedViewDto | RevisionViewDto> {
    return answerEdit(reply, await this.needs.update(p.id, dto, user));
  }

  @Get(':id/quality')
  @RequireAccess('need.manager')
  @ApiOkResponse({ type: QualityReportDto })
  @ApiOperation({ summary: '质量检查：评分（0–100）和修改建议' })
  quality(@Param() p: IdParamDto): Promise<QualityReportDto> {
    return this.needs.quality(p.id);
  }

  @Get(':id/history')
  @RequireAccess('need.manager')
  @ApiOkResponse({ type: [CatalogHistoryEntryDto] })
  @ApiOperation({ summary: '状态变更记录（谁、何时、为何）' })
  history(@Param() p: IdParamDto, @CurrentUser() user: AuthUser): Promise<CatalogHistoryEntryDto[]> {
    return this.needs.history(p.id, user);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @VerifiedOrgOnly()
  @RequireAccess('need.owner')
  @ApiOkResponse({ type: NeedViewDto })
  @ApiOperation({ summary: '提交审核（仅已认证单位；存在必须修改的问题时拒绝）' })
  submit(@Param() p: IdParamDto, @CurrentUser() user: AuthUser): Promise<NeedViewDto> {
    return this.needs.submit(p.id, user);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @BureauOnly()
  @ApiOkResponse({ type: NeedViewDto })
  @ApiOperation({ summary: '科技局审核通过并发布' })
  approve(@Param() p: IdParamDto, @CurrentUser() user: AuthUser): Promise<NeedViewDto> {
    return this.needs.approve(p.id, user);
  }

  @Post(':id/correct')
  @HttpCode(200)
  @BureauOnly()
  @ApiOkResponse({ type: NeedViewDto })
  @ApiOperation({ summary: '科技局更正已发布的需求（须写明原因；仍为已发布，搜索与匹配随之更新，发布单位收到通知）' })
  correct(@Param() p: IdParamDto, @Body() dto: CorrectNeedDto, @CurrentUser() user: AuthUser): Promise<NeedViewDto> {
    return this.needs.correct(p.id, dto, user);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @BureauOnly()
  @ApiOkResponse({ type: NeedViewDto })
  @ApiOperation({ summary: '科技局驳回（须写明原因）' })
  reject(@Param() p: IdParamDto, @Body() dto: RejectItemDto, @CurrentUser() user: AuthUser): Promise<NeedViewDto> {
    return this.needs.reject(p.id, dto.reason, user);
  }

  @Post(':id/close')
  @HttpCode(200)
  @RequireAccess('need.manager')
  @ApiOkResponse({ type: NeedViewDto })
  @ApiOperation({ summary: '关闭（本单位任意状态；科技局关闭已发布的）' })
  close(@Param() p: IdParamDto, @Body() dto: CloseItemDto, @CurrentUser() user: AuthUser): Promise<NeedViewDto> {
    return this.needs.close(p.id, dto.reason ?? null, user);
  }
}
