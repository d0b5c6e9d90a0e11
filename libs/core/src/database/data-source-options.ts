import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { SnakeNamingStrategy } from './snake-naming.strategy';

type MigrationClass = NonNullable<DataSourceOptions['migrations']> extends (infer U)[] | infer _O ? U : never;

/** Connection options shared by the apps, the migration runner and the tests. */
export function dataSourceOptions(
  config: Pick<AppConfig, 'databaseUrl' | 'dbSchema'>,
  extra: { migrations?: MigrationClass[]; poolSize?: number } = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.databaseUrl,
    schema: config.dbSchema,
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    migrationsRun: false,
    migrationsTableName: 'migrations',
    migrations: extra.migrations ?? [],
    // Unqualified names in raw SQL and migrations resolve to the configured schema.
    extra: { options: `-c search_path=${config.dbSchema},public`, max: extra.poolSize ?? 10 },
  };
}
