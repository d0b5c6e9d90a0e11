import { Identity1763900100000 } from './1763900100000-identity';

export const identityMigrations = [Identity1763900100000];
