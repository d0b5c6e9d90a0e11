export * from './stats.module';
export * from './stats-place';
export * from './stats-scope';
export * from './targets/target.entity';
export * from './targets/target-metrics';
export * from './targets/targets.service';
export * from './targets/target.dto';
export * from './migrations';
