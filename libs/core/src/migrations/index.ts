import { CorePlumbing1763900000000 } from './1763900000000-core-plumbing';

export const coreMigrations = [CorePlumbing1763900000000];
