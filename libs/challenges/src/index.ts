export * from './challenges.module';
export * from './challenges.service';
export * from './challenge.constants';
export * from './entities/challenge.entity';
export * from './entities/proposal.entity';
export * from './entities/milestone.entity';
export * from './scoring.util';
export * from './migrations';
