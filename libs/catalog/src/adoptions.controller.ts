import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
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
import { AdoptionListQueryDto, CreateAdoptionDto, UpdateAdoptionDto } from './dto/adoption.dto';
import { RejectItemDto } from './dto/workflow.dto';
import { AdoptionsService } from './adoptions.service';
import { AdoptionViewDto } from './dto/adoption-view.dto';
import { CatalogHistoryEntryDto } from './dto/history-entry.dto';

@ApiTags('adoptions')
@Controller('adoptions')
export class AdoptionsController {
  constructor(private readonly adoptions: AdoptionsService) {}

  @Get()
  @OptionalAuth()
  @ApiPageResponse(AdoptionViewDto)
  @ApiOperation({ summary: '成果转化应用清单（公众看已确认；双方和科技局看全部）' })
  list(@Query() q: AdoptionListQueryDto, @CurrentUser() user?: AuthUser): Promise<Page<AdoptionViewDto>> {
    return this.adoptions.list(q, user);
  }

  @Get('review-queue')
  @BureauOnly()
  @ApiPageResponse(AdoptionViewDto)
  @ApiOperation({ summary: '科技局待确认的转化应用，先登记的在前' })
  reviewQueue(@Query() q: PageQueryDto, @CurrentUser() user: AuthUser): Promise<Page<AdoptionViewDto>> {
    return this.adoptions.reviewQueue(q, user);
  }

  @Post()
  @VerifiedOrgOnly()
  @ApiCreatedResponse({ type: AdoptionViewDto })
  @ApiOperation({ summary: '登记转化应用（应用企业或成果所属单位），待科技局确认' })
  create(@Body() dto: CreateAdoptionDto, @CurrentUser() user: AuthUser): Promise<AdoptionViewDto> {
    return this.adoptions.create(dto, user);
  }

  @Get(':id')
  @OptionalAuth()
  @ApiOkResponse({ type: AdoptionViewDto })
  @ApiOperation({ summary: '转化应用详情' })
  get(@Param() p: IdParamDto, @CurrentUser() user?: AuthUser): Promise<AdoptionViewDto> {
    return this.adoptions.get(p.id, user);
  }

  @Patch(':id')
  @RequireAccess('adoption.party')
  @ApiOkResponse({ type: AdoptionViewDto })
  @ApiOperation({ summary: '修改待确认或被驳回的转化应用（修改后重新待确认）' })
  update(@Param() p: IdParamDto, @Body() dto: UpdateAdoptionDto, @CurrentUser() user: AuthUser): Promise<AdoptionViewDto> {
    return this.adoptions.update(p.id, dto, user);
  }

  @Get(':id/history')
  @RequireAccess('adoption.party')
  @ApiOkResponse({ type: [CatalogHistoryEntryDto] })
  @ApiOperation({ summary: '状态变更记录' })
  history(@Param() p: IdParamDto, @CurrentUser() user: AuthUser): Promise<CatalogHistoryEntryDto[]> {
    return this.adoptions.history(p.id, user);
  }

  @Post(':id/confirm')
  @HttpCode(200)
  @BureauOnly()
  @ApiOkResponse({ type: AdoptionViewDto })
  @ApiOperation({ summary: '科技局确认' })
  confirm(@Param() p: IdParamDto, @CurrentUser() user: AuthUser): Promise<AdoptionViewDto> {
    return this.adoptions.confirm(p.id, user);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @BureauOnly()
  @ApiOkResponse({ type: AdoptionViewDto })
  @ApiOperation({ summary: '科技局驳回（须写明原因）' })
  reject(@Param() p: IdParamDto, @Body() dto: RejectItemDto, @CurrentUser() user: AuthUser): Promise<AdoptionViewDto> {
    return this.adoptions.reject(p.id, dto.reason, user);
  }
}
