import { Identity1763900100000 } from './1763900100000-identity';
import { AccountSecurity1763900100100 } from './1763900100100-account-security';
import { EmailVerification1763900100200 } from './1763900100200-email-verification';
import { MemberInvitations1763900100300 } from './1763900100300-member-invitations';
import { OrganizationRegions1763900100500 } from './1763900100500-organization-regions';
import { TwoFactor1763900100600 } from './1763900100600-two-factor';

export const identityMigrations = [
  Identity1763900100000,
  AccountSecurity1763900100100,
  EmailVerification1763900100200,
  MemberInvitations1763900100300,
  OrganizationRegions1763900100500,
  TwoFactor1763900100600,
];
