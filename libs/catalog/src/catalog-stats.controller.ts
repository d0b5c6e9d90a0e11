import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BureauOnly } from '@app/core';
import { CatalogStatsService } from './catalog-stats.service';
import { CatalogFiguresDto } from './dto/catalog-stats.dto';

@ApiTags('stats')
@Controller('stats')
export class CatalogStatsController {
  constructor(private readonly stats: CatalogStatsService) {}

  @Get('catalog')
  @BureauOnly()
  @ApiOkResponse({ type: CatalogFiguresDto })
  @ApiOperation({ summary: '三张清单统计：需求与成果按状态、领域、城市、月份；转化应用的合同数量与金额（按年度、合同类型、领域）' })
  figures(): Promise<CatalogFiguresDto> {
    return this.stats.figures();
  }
}
