import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '@app/catalog';
import { IdentityModule } from '@app/identity';
import { MatchingModule } from '@app/matching';
import { NotifyModule } from '@app/notify';
import { ChallengeNoticesService } from './challenge-notices.service';
import { AttachmentsService } from './attachments.service';
import { AwardsService } from './awards.service';
import { ChallengesController } from './challenges.controller';
import { ChallengesService } from './challenges.service';
import { Challenge } from './entities/challenge.entity';
import { Milestone } from './entities/milestone.entity';
import { ProposalAttachment } from './entities/proposal-attachment.entity';
import { Proposal } from './entities/proposal.entity';
import { ChallengeExpert, ExpertConflict, Objection, Review } from './entities/review.entities';
import { MilestonesService } from './milestones.service';
import { ProposalsController } from './proposals.controller';
import { ProposalsService } from './proposals.service';
import { ReviewsController } from './reviews.controller';
import { ReviewsService } from './reviews.service';
import { NeedSourceAdapter } from './need-source.adapter';
import { NEED_SOURCE } from './challenge-sources';

@Module({
  imports: [
    TypeOrmModule.forFeature([Challenge, Proposal, ProposalAttachment, ChallengeExpert, ExpertConflict, Review, Objection, Milestone]),
    IdentityModule,
    CatalogModule,
    MatchingModule,
    NotifyModule,
  ],
  controllers: [ChallengesController, ProposalsController, ReviewsController],
  providers: [
    ChallengesService,
    ProposalsService,
    AttachmentsService,
    ReviewsService,
    AwardsService,
    MilestonesService,
    ChallengeNoticesService,
    { provide: NEED_SOURCE, useClass: NeedSourceAdapter },
  ],
  exports: [ChallengesService],
})
export class ChallengesModule {}
