import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AUTH_USER_LOADER } from '@app/core';
import { AccountChanges } from './account-changes.subscriber';
import { AccountController } from './account.controller';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { BureauSetupService } from './bureau-setup.service';
import { InvitationsController } from './invitations.controller';
import { InvitationsService } from './invitations.service';
import { LoginChallenges } from './login-challenge.service';
import { LoginThrottle } from './login-throttle';
import { MeController } from './me.controller';
import { MeService } from './me.service';
import { MembersService } from './members.service';
import { Organization } from './organization.entity';
import { OrganizationsController } from './organizations.controller';
import { OrganizationsService } from './organizations.service';
import { PasswordLink } from './password-link.entity';
import { PasswordsService } from './passwords.service';
import { ProvisioningService } from './provisioning.service';
import { RecoveryCode } from './recovery-code.entity';
import { RefreshToken } from './refresh-token.entity';
import { RegistrationController } from './registration.controller';
import { RegistrationService } from './registration.service';
import { SessionsService } from './sessions.service';
import { TwoFactorController } from './two-factor.controller';
import { TwoFactorService } from './two-factor.service';
import { User } from './user.entity';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([Organization, User, RefreshToken, PasswordLink, RecoveryCode])],
  controllers: [
    AuthController,
    RegistrationController,
    AccountController,
    MeController,
    OrganizationsController,
    InvitationsController,
    TwoFactorController,
  ],
  providers: [
    AccountChanges,
    AuthService,
    UsersService,
    OrganizationsService,
    ProvisioningService,
    MeService,
    MembersService,
    SessionsService,
    PasswordsService,
    RegistrationService,
    InvitationsService,
    BureauSetupService,
    LoginThrottle,
    LoginChallenges,
    TwoFactorService,
    { provide: AUTH_USER_LOADER, useExisting: UsersService },
  ],
  exports: [
    UsersService,
    OrganizationsService,
    ProvisioningService,
    PasswordsService,
    RegistrationService,
    BureauSetupService,
    AUTH_USER_LOADER,
  ],
})
export class IdentityModule {}
