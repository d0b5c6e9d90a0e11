import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPageResponse, AuthUser, CurrentUser, IdParamDto, Page, PageQueryDto, Public, RequireAccess } from '@app/core';
import { DismissMatchDto } from './dto/match.dto';
import { DismissedMatchViewDto, MatchDismissalDto, MatchViewDto } from './dto/match-view.dto';
import { SearchQueryDto } from './dto/search.dto';
import { SearchResultsDto } from './dto/search-results.dto';
import { MatchesService } from './matches/matches.service';
import { SearchService } from './search/search.service';

@ApiTags('matching')
@Controller()
export class MatchingController {
  constructor(
    private readonly search: SearchService,
    private readonly matches: MatchesService,
  ) {}

  @Get('search')
  @Public()
  @ApiOperation({ summary: '搜索已发布的技术需求或科技成果：关键词、筛选、分面统计、高亮、分页' })
  @ApiOkResponse({ type: SearchResultsDto })
  find(@Query() q: SearchQueryDto): Promise<SearchResultsDto> {
    return this.search.search(q);
  }

  @Get('needs/:id/matches')
  @RequireAccess('need.manager')
  @ApiOperation({ summary: '技术需求的匹配成果（得分 0–100 及理由；发布单位和科技局可见）' })
  @ApiPageResponse(MatchViewDto)
  needMatches(@Param() p: IdParamDto, @Query() q: PageQueryDto): Promise<Page<MatchViewDto>> {
    return this.matches.list('need', p.id, q);
  }

  @Get('results/:id/matches')
  @RequireAccess('result.manager')
  @ApiOperation({ summary: '科技成果的匹配需求（得分 0–100 及理由；发布单位和科技局可见）' })
  @ApiPageResponse(MatchViewDto)
  resultMatches(@Param() p: IdParamDto, @Query() q: PageQueryDto): Promise<Page<MatchViewDto>> {
    return this.matches.list('result', p.id, q);
  }

  @Post('matches/:id/dismiss')
  @HttpCode(200)
  @ApiOperation({ summary: '标记匹配“不相关”（须从列表中选择原因，对方可见；不再推荐）' })
  @ApiOkResponse({ type: MatchDismissalDto })
  dismiss(@Param() p: IdParamDto, @Body() dto: DismissMatchDto, @CurrentUser() user: AuthUser): Promise<MatchDismissalDto> {
    return this.matches.dismiss(p.id, dto.reason, dto.note, user);
  }

  @Get('matches/dismissed')
  @ApiOperation({ summary: '与本单位有关、被标记为不相关的匹配及原因' })
  @ApiPageResponse(DismissedMatchViewDto)
  dismissed(@Query() q: PageQueryDto, @CurrentUser() user: AuthUser): Promise<Page<DismissedMatchViewDto>> {
    return this.matches.dismissedFor(user.organizationId, q);
  }
}
