import { Matching1763900400000 } from './1763900400000-matching';

export const matchingMigrations = [Matching1763900400000];
