import { Matching1763900400000 } from './1763900400000-matching';
import { ImportProgress1763900400100 } from './1763900400100-import-progress';

export const matchingMigrations = [Matching1763900400000, ImportProgress1763900400100];
