import { Identity1763900100000 } from './1763900100000-identity';
import { AccountSecurity1763900100100 } from './1763900100100-account-security';

export const identityMigrations = [Identity1763900100000, AccountSecurity1763900100100];
