import { Matching1763900400000 } from './1763900400000-matching';
import { ImportProgress1763900400100 } from './1763900400100-import-progress';
import { SearchStatsDeltas1763900400200 } from './1763900400200-search-stats-deltas';

export const matchingMigrations = [Matching1763900400000, ImportProgress1763900400100, SearchStatsDeltas1763900400200];
