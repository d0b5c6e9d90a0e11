import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChallengeFiguresService } from './figures/challenge-figures.service';
import { ContractFiguresService } from './figures/contract-figures.service';
import { FunnelFiguresService } from './figures/funnel-figures.service';
import { ListFiguresService } from './figures/list-figures.service';
import { OrganizationFiguresService } from './figures/organization-figures.service';
import { PublicFiguresService } from './figures/public-figures.service';
import { StatsController } from './stats.controller';
import { StatsService } from './stats.service';
import { StatsTarget, StatsTargetValue } from './targets/target.entity';
import { TargetsService } from './targets/targets.service';

/**
 * The bureau's figures (统计) for a period and a place, the plan targets with their progress, the
 * XLSX report, and the public figures of the home page. A read model over the other contexts'
 * tables (plain SQL through their covering indexes); it writes only its own targets.
 */
@Module({
  imports: [TypeOrmModule.forFeature([StatsTarget, StatsTargetValue])],
  controllers: [StatsController],
  providers: [
    StatsService,
    ListFiguresService,
    FunnelFiguresService,
    ContractFiguresService,
    ChallengeFiguresService,
    OrganizationFiguresService,
    PublicFiguresService,
    TargetsService,
  ],
  exports: [TargetsService],
})
export class StatsModule {}
