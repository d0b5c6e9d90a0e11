import { Challenges1763900500000 } from './1763900500000-challenges';

export const challengesMigrations = [Challenges1763900500000];
