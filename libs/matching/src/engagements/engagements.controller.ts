import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPageResponse, AuthUser, CurrentUser, IdParamDto, Page, VerifiedOrgOnly } from '@app/core';
import { AbandonDto, CreateEngagementDto, DealDto, EngagementQueryDto } from '../dto/engagement.dto';
import { EngagementViewDto } from '../dto/engagement-view.dto';
import { DeclineDto } from '../dto/match.dto';
import { EngagementsService } from './engagements.service';

@ApiTags('engagements')
@Controller('engagements')
export class EngagementsController {
  constructor(private readonly engagements: EngagementsService) {}

  @Post()
  @VerifiedOrgOnly()
  @ApiOperation({ summary: '发起对接请求（由匹配，或从已发布的需求/成果页面）' })
  @ApiCreatedResponse({ type: EngagementViewDto })
  request(@Body() dto: CreateEngagementDto, @CurrentUser() user: AuthUser): Promise<EngagementViewDto> {
    return this.engagements.request(dto, user);
  }

  @Get()
  @ApiOperation({ summary: '本单位发出和收到的对接' })
  @ApiPageResponse(EngagementViewDto)
  list(@Query() q: EngagementQueryDto, @CurrentUser() user: AuthUser): Promise<Page<EngagementViewDto>> {
    return this.engagements.list(q, user);
  }

  @Get(':id')
  @ApiOperation({ summary: '对接详情（接受后双方可见对方联系人）' })
  @ApiOkResponse({ type: EngagementViewDto })
  get(@Param() p: IdParamDto, @CurrentUser() user: AuthUser): Promise<EngagementViewDto> {
    return this.engagements.get(p.id, user);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @ApiOperation({ summary: '接受对接请求' })
  @ApiOkResponse({ type: EngagementViewDto })
  accept(@Param() p: IdParamDto, @CurrentUser() user: AuthUser): Promise<EngagementViewDto> {
    return this.engagements.accept(p.id, user);
  }

  @Post(':id/decline')
  @HttpCode(200)
  @ApiOperation({ summary: '婉拒对接请求（须从列表中选择原因，对方可见）' })
  @ApiOkResponse({ type: EngagementViewDto })
  decline(@Param() p: IdParamDto, @Body() dto: DeclineDto, @CurrentUser() user: AuthUser): Promise<EngagementViewDto> {
    return this.engagements.decline(p.id, dto.reason, dto.note, user);
  }

  @Post(':id/negotiate')
  @HttpCode(200)
  @ApiOperation({ summary: '进入洽谈' })
  @ApiOkResponse({ type: EngagementViewDto })
  negotiate(@Param() p: IdParamDto, @CurrentUser() user: AuthUser): Promise<EngagementViewDto> {
    return this.engagements.negotiate(p.id, user);
  }

  @Post(':id/deal')
  @HttpCode(200)
  @ApiOperation({ summary: '达成交易：生成成果转化应用（待科技局确认）' })
  @ApiOkResponse({ type: EngagementViewDto })
  deal(@Param() p: IdParamDto, @Body() dto: DealDto, @CurrentUser() user: AuthUser): Promise<EngagementViewDto> {
    return this.engagements.deal(p.id, dto, user);
  }

  @Post(':id/abandon')
  @HttpCode(200)
  @ApiOperation({ summary: '终止对接（须写明原因）' })
  @ApiOkResponse({ type: EngagementViewDto })
  abandon(@Param() p: IdParamDto, @Body() dto: AbandonDto, @CurrentUser() user: AuthUser): Promise<EngagementViewDto> {
    return this.engagements.abandon(p.id, dto.reason, user);
  }
}
