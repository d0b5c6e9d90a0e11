import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiFileResponse, AuthUser, BureauOnly, CurrentUser, IdParamDto, OptionalAuth } from '@app/core';
import { StatsExportQueryDto } from './dto/export-query.dto';
import {
  ChallengeFiguresDto,
  ContractFiguresDto,
  FunnelFiguresDto,
  ListsFiguresDto,
  OrganizationFiguresDto,
  PublicFiguresDto,
} from './dto/figures.dto';
import { PublicFiguresService } from './figures/public-figures.service';
import { StatsQueryDto } from './stats-scope';
import { StatsService } from './stats.service';
import { CreateTargetDto, ReportTargetValueDto, TargetViewDto, UpdateTargetDto } from './targets/target.dto';
import { TargetsService } from './targets/targets.service';

const PERIOD = '期间：year（可加 quarter 或 month）或 from–to（北京时间）；地区：全市或 county；参数有误返回 400 并指明参数';

@ApiTags('stats')
@Controller('stats')
export class StatsController {
  constructor(
    private readonly stats: StatsService,
    private readonly publicFigures: PublicFiguresService,
    private readonly targets: TargetsService,
  ) {}

  @Get('public')
  @OptionalAuth()
  @ApiOkResponse({ type: PublicFiguresDto })
  @ApiOperation({ summary: '公开数据：已发布的成果与需求数，本年度认定登记的技术合同数与成交额' })
  public(): Promise<PublicFiguresDto> {
    return this.publicFigures.figures();
  }

  @Get('lists')
  @BureauOnly()
  @ApiOkResponse({ type: ListsFiguresDto })
  @ApiOperation({ summary: `三张清单：在库、新增、关闭，按领域、县市区、月份；需求成交、成果应用；成果转化率。${PERIOD}` })
  lists(@Query() q: StatsQueryDto): Promise<ListsFiguresDto> {
    return this.stats.listFigures(q);
  }

  @Get('funnel')
  @BureauOnly()
  @ApiOkResponse({ type: FunnelFiguresDto })
  @ApiOperation({ summary: `对接漏斗：匹配→对接请求→被接受→成交→合同认定登记，各环节转化率与答复时间中位数。${PERIOD}` })
  funnel(@Query() q: StatsQueryDto): Promise<FunnelFiguresDto> {
    return this.stats.funnelFigures(q);
  }

  @Get('contracts')
  @BureauOnly()
  @ApiOkResponse({ type: ContractFiguresDto })
  @ApiOperation({ summary: `技术合同（只计认定登记的）：数量与技术交易额，按类别、领域、县市区、买卖方类型、月份。${PERIOD}` })
  contracts(@Query() q: StatsQueryDto): Promise<ContractFiguresDto> {
    return this.stats.contractFigures(q);
  }

  @Get('challenges')
  @BureauOnly()
  @ApiOkResponse({ type: ChallengeFiguresDto })
  @ApiOperation({ summary: `揭榜挂帅：各年度各领域榜单数、各榜单申请数、重点支持项目、已承诺与已拨付资金、完成率。${PERIOD}` })
  challenges(@Query() q: StatsQueryDto): Promise<ChallengeFiguresDto> {
    return this.stats.challengeFigures(q);
  }

  @Get('organizations')
  @BureauOnly()
  @ApiOkResponse({ type: OrganizationFiguresDto })
  @ApiOperation({ summary: `单位：已认证（按类型、县市区）、新认证、活跃（不按产业领域）。${PERIOD}` })
  organizations(@Query() q: StatsQueryDto): Promise<OrganizationFiguresDto> {
    return this.stats.organizationFigures(q);
  }

  @Get('export')
  @BureauOnly()
  @ApiFileResponse(
    '统计报表（XLSX，每项统计一张表，表头为中文，表内写明筛选条件）',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  )
  @ApiOperation({ summary: `导出统计报表（XLSX）。${PERIOD}` })
  export(@Query() q: StatsExportQueryDto): Promise<StreamableFile> {
    return this.stats.export(q, q.figures);
  }

  @Get('targets')
  @BureauOnly()
  @ApiOkResponse({ type: [TargetViewDto] })
  @ApiOperation({ summary: '规划目标及进度：目前的值、完成比例、速度、按此速度达到目标的年份' })
  targetList(): Promise<TargetViewDto[]> {
    return this.targets.list();
  }

  @Post('targets')
  @BureauOnly()
  @ApiCreatedResponse({ type: TargetViewDto })
  @ApiOperation({ summary: '新增规划目标' })
  createTarget(@Body() dto: CreateTargetDto, @CurrentUser() user: AuthUser): Promise<TargetViewDto> {
    return this.targets.create(dto, user);
  }

  @Patch('targets/:id')
  @BureauOnly()
  @ApiOkResponse({ type: TargetViewDto })
  @ApiOperation({ summary: '修改规划目标' })
  updateTarget(@Param() p: IdParamDto, @Body() dto: UpdateTargetDto, @CurrentUser() user: AuthUser): Promise<TargetViewDto> {
    return this.targets.update(p.id, dto, user);
  }

  @Delete('targets/:id')
  @HttpCode(204)
  @BureauOnly()
  @ApiNoContentResponse({ description: '已删除' })
  @ApiOperation({ summary: '删除规划目标' })
  removeTarget(@Param() p: IdParamDto, @CurrentUser() user: AuthUser): Promise<void> {
    return this.targets.remove(p.id, user);
  }

  @Post('targets/:id/values')
  @HttpCode(200)
  @BureauOnly()
  @ApiOkResponse({ type: TargetViewDto })
  @ApiOperation({ summary: '填报某年度的值（平台无法统计的指标，如高新技术企业数）' })
  reportValue(@Param() p: IdParamDto, @Body() dto: ReportTargetValueDto, @CurrentUser() user: AuthUser): Promise<TargetViewDto> {
    return this.targets.report(p.id, dto, user);
  }
}
