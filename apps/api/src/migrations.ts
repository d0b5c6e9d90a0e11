import { challengesMigrations } from '@app/challenges';
import { catalogMigrations } from '@app/catalog';
import { coreMigrations, MigrationCtor } from '@app/core';
import { identityMigrations } from '@app/identity';
import { matchingMigrations } from '@app/matching';
import { notifyMigrations } from '@app/notify';
import { statsMigrations } from '@app/stats';

/** Every library's migrations; they run in timestamp order. */
export const ALL_MIGRATIONS: MigrationCtor[] = [
  ...coreMigrations,
  ...identityMigrations,
  ...catalogMigrations,
  ...notifyMigrations,
  ...matchingMigrations,
  ...challengesMigrations,
  ...statsMigrations,
];
