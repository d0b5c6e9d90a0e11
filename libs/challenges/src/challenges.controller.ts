import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPageResponse, AuthUser, BureauOnly, CurrentUser, IdParamDto, OptionalAuth, Page, VerifiedOrgOnly } from '@app/core';
import { AwardsService } from './awards.service';
import { ChallengesService } from './challenges.service';
import { ChallengeQueryDto, CreateChallengeDto, ReasonDto, UpdateChallengeDto } from './dto/challenge.dto';
import { ChallengeAwardDto, ChallengeDetailDto, ChallengeViewDto } from './dto/challenge-view.dto';
import { MilestoneViewDto } from './dto/milestone-view.dto';
import { ObjectionViewDto } from './dto/objection-view.dto';
import { AnswerDto, AwardDto, ObjectionDto, ObjectionParamsDto } from './dto/review.dto';
import { MilestonesService } from './milestones.service';

@ApiTags('challenges')
@Controller()
export class ChallengesController {
  constructor(
    private readonly challenges: ChallengesService,
    private readonly awards: AwardsService,
    private readonly milestones: MilestonesService,
  ) {}

  @Get('challenges')
  @OptionalAuth()
  @ApiOperation({ summary: '榜单列表（公众可见已发布的榜单；科技局可见全部）' })
  @ApiPageResponse(ChallengeViewDto)
  list(@Query() q: ChallengeQueryDto, @CurrentUser() user?: AuthUser): Promise<Page<ChallengeViewDto>> {
    return this.challenges.list(q, user);
  }

  @Get('challenges/:id')
  @OptionalAuth()
  @ApiOperation({ summary: '榜单详情' })
  @ApiOkResponse({ type: ChallengeDetailDto })
  get(@Param() p: IdParamDto, @CurrentUser() user?: AuthUser): Promise<ChallengeDetailDto> {
    return this.challenges.get(p.id, user);
  }

  @Post('challenges')
  @BureauOnly()
  @ApiOperation({ summary: '科技局新建榜单（可由已发布的企业技术需求生成，企业作为联合出资方）' })
  @ApiCreatedResponse({ type: ChallengeViewDto })
  create(@Body() dto: CreateChallengeDto, @CurrentUser() user: AuthUser): Promise<ChallengeViewDto> {
    return this.challenges.create(dto, user);
  }

  @Patch('challenges/:id')
  @BureauOnly()
  @ApiOperation({ summary: '修改草稿榜单' })
  @ApiOkResponse({ type: ChallengeViewDto })
  update(@Param() p: IdParamDto, @Body() dto: UpdateChallengeDto, @CurrentUser() user: AuthUser): Promise<ChallengeViewDto> {
    return this.challenges.update(p.id, dto, user);
  }

  @Post('challenges/:id/publish')
  @HttpCode(200)
  @BureauOnly()
  @ApiOperation({ summary: '发布榜单（公开并通知最可能揭榜的单位）' })
  @ApiOkResponse({ type: ChallengeViewDto })
  publish(@Param() p: IdParamDto, @CurrentUser() user: AuthUser): Promise<ChallengeViewDto> {
    return this.challenges.publish(p.id, user);
  }

  @Post('challenges/:id/start-review')
  @HttpCode(200)
  @BureauOnly()
  @ApiOperation({ summary: '申报截止后进入形式审查与专家评审' })
  @ApiOkResponse({ type: ChallengeViewDto })
  startReview(@Param() p: IdParamDto, @CurrentUser() user: AuthUser): Promise<ChallengeViewDto> {
    return this.challenges.startReview(p.id, user);
  }

  @Post('challenges/:id/cancel')
  @HttpCode(200)
  @BureauOnly()
  @ApiOperation({ summary: '撤榜（须写明原因）' })
  @ApiOkResponse({ type: ChallengeViewDto })
  cancel(@Param() p: IdParamDto, @Body() dto: ReasonDto, @CurrentUser() user: AuthUser): Promise<ChallengeViewDto> {
    return this.challenges.cancel(p.id, dto.reason, user);
  }

  @Post('challenges/:id/award')
  @HttpCode(200)
  @BureauOnly()
  @ApiOperation({ summary: '评定中榜单位（可多家并行），进入公示期，并生成里程碑' })
  @ApiOkResponse({ type: ChallengeAwardDto })
  award(@Param() p: IdParamDto, @Body() dto: AwardDto, @CurrentUser() user: AuthUser): Promise<ChallengeAwardDto> {
    return this.awards.award(p.id, dto, user);
  }

  @Post('challenges/:id/objections')
  @VerifiedOrgOnly()
  @ApiOperation({ summary: '公示期内提出异议' })
  @ApiCreatedResponse({ type: ObjectionViewDto })
  object(@Param() p: IdParamDto, @Body() dto: ObjectionDto, @CurrentUser() user: AuthUser): Promise<ObjectionViewDto> {
    return this.awards.fileObjection(p.id, dto.text, user);
  }

  @Get('challenges/:id/objections')
  @ApiOperation({ summary: '异议列表（科技局可见全部；提出单位可见自己的）' })
  @ApiOkResponse({ type: [ObjectionViewDto] })
  objections(@Param() p: IdParamDto, @CurrentUser() user: AuthUser): Promise<ObjectionViewDto[]> {
    return this.awards.objections(p.id, user);
  }

  @Post('objections/:id/answer')
  @HttpCode(200)
  @BureauOnly()
  @ApiOperation({ summary: '答复异议' })
  @ApiOkResponse({ type: ObjectionViewDto })
  answer(@Param() p: ObjectionParamsDto, @Body() dto: AnswerDto, @CurrentUser() user: AuthUser): Promise<ObjectionViewDto> {
    return this.awards.answerObjection(p.id, dto.answer, user);
  }

  @Post('challenges/:id/finalize')
  @HttpCode(200)
  @BureauOnly()
  @ApiOperation({ summary: '公示期满且异议均已答复后确认结果，并告知全部申报单位' })
  @ApiOkResponse({ type: ChallengeViewDto })
  finalize(@Param() p: IdParamDto, @CurrentUser() user: AuthUser): Promise<ChallengeViewDto> {
    return this.awards.finalize(p.id, user);
  }

  @Get('challenges/:id/milestones')
  @OptionalAuth()
  @ApiOperation({ summary: '里程碑（科技局和中榜单位可见；结果确认后公开）' })
  @ApiOkResponse({ type: [MilestoneViewDto] })
  milestonesOf(@Param() p: IdParamDto, @CurrentUser() user?: AuthUser): Promise<MilestoneViewDto[]> {
    return this.milestones.list(p.id, user);
  }

  @Post('challenges/:id/complete')
  @HttpCode(200)
  @BureauOnly()
  @ApiOperation({ summary: '最终验收通过（全部里程碑已通过）' })
  @ApiOkResponse({ type: ChallengeViewDto })
  complete(@Param() p: IdParamDto, @CurrentUser() user: AuthUser): Promise<ChallengeViewDto> {
    return this.milestones.complete(p.id, user);
  }

  @Post('challenges/:id/fail')
  @HttpCode(200)
  @BureauOnly()
  @ApiOperation({ summary: '记录验收不通过（须写明原因）' })
  @ApiOkResponse({ type: ChallengeViewDto })
  fail(@Param() p: IdParamDto, @Body() dto: ReasonDto, @CurrentUser() user: AuthUser): Promise<ChallengeViewDto> {
    return this.milestones.fail(p.id, dto.reason, user);
  }
}
