import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { AuthUser, BureauOnly, CurrentUser, ExpertOnly, IdParamDto, RequireAccess } from '@app/core';
import { AssignExpertsDto, ChallengeExpertParamDto, ConflictDto, EvidenceDto, ReviewDto, SubmitReviewDto } from './dto/review.dto';
import { ReasonDto } from './dto/challenge.dto';
import { MilestoneViewDto } from './dto/milestone-view.dto';
import { ProposalViewDto } from './dto/proposal-view.dto';
import {
  ChallengeExpertViewDto,
  DeclaredConflictDto,
  ExpertReviewProgressDto,
  ProposalRankingDto,
  ReviewViewDto,
} from './dto/review-view.dto';
import { MilestonesService } from './milestones.service';
import { ReviewsService } from './reviews.service';

/** An expert's own review of a proposal: null before the first save. */
class MyReviewDto {
  @ApiProperty({ type: ReviewViewDto, nullable: true }) review!: ReviewViewDto | null;
}

@ApiTags('reviews')
@Controller()
export class ReviewsController {
  constructor(
    private readonly reviews: ReviewsService,
    private readonly milestones: MilestonesService,
  ) {}

  @Post('challenges/:id/experts')
  @HttpCode(200)
  @BureauOnly()
  @ApiOperation({ summary: '从专家库为榜单指派评审专家（至少 3 位；与申报单位同单位者自动回避）' })
  @ApiOkResponse({ type: [ChallengeExpertViewDto], description: '榜单当前的全部评审专家' })
  assign(@Param() p: IdParamDto, @Body() dto: AssignExpertsDto, @CurrentUser() user: AuthUser): Promise<ChallengeExpertViewDto[]> {
    return this.reviews.assignExperts(p.id, dto.userIds, user);
  }

  @Post('challenges/:id/experts/:userId/withdraw')
  @HttpCode(200)
  @BureauOnly()
  @ApiOperation({ summary: '撤换未提交评审意见的专家（须写明原因；撤换后仍须至少 3 位专家）' })
  @ApiOkResponse({ type: [ChallengeExpertViewDto], description: '撤换后榜单的全部评审专家' })
  withdrawExpert(
    @Param() p: ChallengeExpertParamDto,
    @Body() dto: ReasonDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ChallengeExpertViewDto[]> {
    return this.reviews.withdrawExpert(p.id, p.userId, dto.reason, user);
  }

  @Get('challenges/:id/review-progress')
  @BureauOnly()
  @ApiOperation({ summary: '评审进度' })
  @ApiOkResponse({ type: [ExpertReviewProgressDto] })
  progress(@Param() p: IdParamDto): Promise<ExpertReviewProgressDto[]> {
    return this.reviews.progress(p.id);
  }

  @Get('challenges/:id/ranking')
  @BureauOnly()
  @ApiOperation({ summary: '评审排名（五位及以上专家时去掉最高分和最低分），含分差' })
  @ApiOkResponse({ type: [ProposalRankingDto] })
  ranking(@Param() p: IdParamDto): Promise<ProposalRankingDto[]> {
    return this.reviews.ranking(p.id);
  }

  @Post('challenges/:id/conflicts')
  @ExpertOnly()
  @ApiOperation({ summary: '专家声明与某份申请存在利益冲突（随即回避）' })
  @ApiCreatedResponse({ type: DeclaredConflictDto })
  conflict(@Param() p: IdParamDto, @Body() dto: ConflictDto, @CurrentUser() user: AuthUser): Promise<DeclaredConflictDto> {
    return this.reviews.declareConflict(p.id, dto.proposalId, dto.reason, user);
  }

  @Get('reviews/assigned')
  @ExpertOnly()
  @ApiOperation({ summary: '分配给我评审的申请' })
  @ApiOkResponse({ type: [ProposalViewDto] })
  assigned(@CurrentUser() user: AuthUser): Promise<ProposalViewDto[]> {
    return this.reviews.assignedTo(user);
  }

  @Get('proposals/:id/reviews/mine')
  @ExpertOnly()
  @ApiOperation({ summary: '我对该申请的评审（草稿或已提交；尚未保存时为 null）' })
  @ApiOkResponse({ type: MyReviewDto })
  async mine(@Param() p: IdParamDto, @CurrentUser() user: AuthUser): Promise<MyReviewDto> {
    return { review: await this.reviews.myReview(p.id, user) };
  }

  @Put('proposals/:id/reviews/mine')
  @ExpertOnly()
  @ApiOperation({ summary: '保存我的评分草稿（逐项 0–100 分及意见）' })
  @ApiOkResponse({ type: ReviewViewDto })
  save(@Param() p: IdParamDto, @Body() dto: ReviewDto, @CurrentUser() user: AuthUser): Promise<ReviewViewDto> {
    return this.reviews.saveReview(p.id, dto, user, false);
  }

  @Post('proposals/:id/reviews/mine/submit')
  @HttpCode(200)
  @ExpertOnly()
  @ApiOperation({ summary: '提交我的评审意见（可不填评分，提交已保存的草稿；提交后不能修改）' })
  @ApiOkResponse({ type: ReviewViewDto })
  submit(@Param() p: IdParamDto, @Body() dto: SubmitReviewDto, @CurrentUser() user: AuthUser): Promise<ReviewViewDto> {
    return this.reviews.saveReview(p.id, dto, user, true);
  }

  @Post('milestones/:id/evidence')
  @HttpCode(200)
  @RequireAccess('milestone.owner')
  @ApiOperation({ summary: '中榜单位提交里程碑完成材料' })
  @ApiOkResponse({ type: MilestoneViewDto })
  evidence(@Param() p: IdParamDto, @Body() dto: EvidenceDto, @CurrentUser() user: AuthUser): Promise<MilestoneViewDto> {
    return this.milestones.submitEvidence(p.id, dto.evidence, user);
  }

  @Post('milestones/:id/accept')
  @HttpCode(200)
  @BureauOnly()
  @ApiOperation({ summary: '科技局通过里程碑' })
  @ApiOkResponse({ type: MilestoneViewDto })
  accept(@Param() p: IdParamDto, @CurrentUser() user: AuthUser): Promise<MilestoneViewDto> {
    return this.milestones.accept(p.id, user);
  }

  @Post('milestones/:id/return')
  @HttpCode(200)
  @BureauOnly()
  @ApiOperation({ summary: '科技局退回里程碑（须写明原因）' })
  @ApiOkResponse({ type: MilestoneViewDto })
  returnIt(@Param() p: IdParamDto, @Body() dto: ReasonDto, @CurrentUser() user: AuthUser): Promise<MilestoneViewDto> {
    return this.milestones.return(p.id, dto.reason, user);
  }
}
