import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '@app/catalog';
import { IdentityModule } from '@app/identity';
import { NotifyModule } from '@app/notify';
import { Engagement } from './engagements/engagement.entity';
import { EngagementsController } from './engagements/engagements.controller';
import { EngagementsService } from './engagements/engagements.service';
import { ImportPipeline } from './imports/import-pipeline';
import { ImportProgressService } from './imports/import-progress.service';
import { ImportSummaries } from './imports/import-summaries';
import { MatchHandler } from './matches/match.handler';
import { Match } from './matches/match.entity';
import { MatcherFactory } from './matches/matcher.factory';
import { MatchesService } from './matches/matches.service';
import { MatchingController } from './matching.controller';
import { IndexSyncHandler } from './search/index-sync.handler';
import { MeiliService } from './search/meili.service';
import { SearchIndexService } from './search/search-index.service';
import { SearchStats } from './search/search-stats.entity';
import { SearchStatsService } from './search/search-stats.service';
import { SearchService } from './search/search.service';

/** Search indexes and their sync, the matcher and stored matches, and engagements (对接). */
@Module({
  imports: [TypeOrmModule.forFeature([SearchStats, Match, Engagement]), CatalogModule, IdentityModule, NotifyModule],
  controllers: [MatchingController, EngagementsController],
  providers: [
    MeiliService,
    SearchStatsService,
    SearchIndexService,
    IndexSyncHandler,
    SearchService,
    MatcherFactory,
    MatchesService,
    MatchHandler,
    ImportProgressService,
    ImportSummaries,
    ImportPipeline,
    EngagementsService,
  ],
  exports: [SearchIndexService, MatchesService, MatcherFactory, MeiliService],
})
export class MatchingModule {}
