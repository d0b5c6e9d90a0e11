import { coreMigrations, MigrationCtor } from '@app/core';
import { identityMigrations } from '@app/identity';

/** Every library's migrations; they run in timestamp order. */
export const ALL_MIGRATIONS: MigrationCtor[] = [...coreMigrations, ...identityMigrations];
