import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AUTH_USER_LOADER } from '@app/core';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { MeController } from './me.controller';
import { MeService } from './me.service';
import { MembersService } from './members.service';
import { Organization } from './organization.entity';
import { OrganizationsController } from './organizations.controller';
import { OrganizationsService } from './organizations.service';
import { ProvisioningService } from './provisioning.service';
import { RefreshToken } from './refresh-token.entity';
import { User } from './user.entity';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([Organization, User, RefreshToken])],
  controllers: [AuthController, MeController, OrganizationsController],
  providers: [
    AuthService,
    UsersService,
    OrganizationsService,
    ProvisioningService,
    MeService,
    MembersService,
    { provide: AUTH_USER_LOADER, useExisting: UsersService },
  ],
  exports: [UsersService, OrganizationsService, ProvisioningService, AUTH_USER_LOADER],
})
export class IdentityModule {}
