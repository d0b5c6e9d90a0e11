import { Challenges1763900500000 } from './1763900500000-challenges';
import { ChallengeInvited1763900500100 } from './1763900500100-challenge-invited';

export const challengesMigrations = [Challenges1763900500000, ChallengeInvited1763900500100];
