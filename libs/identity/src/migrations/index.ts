import { Identity1763900100000 } from './1763900100000-identity';
import { AccountSecurity1763900100100 } from './1763900100100-account-security';
import { EmailVerification1763900100200 } from './1763900100200-email-verification';
import { MemberInvitations1763900100300 } from './1763900100300-member-invitations';

export const identityMigrations = [
  Identity1763900100000,
  AccountSecurity1763900100100,
  EmailVerification1763900100200,
  MemberInvitations1763900100300,
];
