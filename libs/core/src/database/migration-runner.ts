import { DataSource, MigrationInterface } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';

export type MigrationCtor = new () => MigrationInterface;

/** Creates the schema when missing and runs every pending migration, in timestamp order. */
export async function runMigrations(config: Pick<AppConfig, 'databaseUrl' | 'dbSchema'>, migrations: MigrationCtor[]): Promise<string[]> {
  const bootstrap = new DataSource({ type: 'postgres', url: config.databaseUrl });
  await bootstrap.initialize();
  try {
    await bootstrap.query(`CREATE SCHEMA IF NOT EXISTS "${config.dbSchema}"`);
  } finally {
    await bootstrap.destroy();
  }
  const ds = new DataSource({ ...dataSourceOptions(config, { migrations, poolSize: 2 }) });
  await ds.initialize();
  try {
    const ran = await ds.runMigrations({ transaction: 'each' });
    return ran.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}

/** Drops a schema and all it holds (test clean-up). */
export async function dropSchema(databaseUrl: string, schema: string): Promise<void> {
  if (!/^[a-z][a-z0-9_]*$/.test(schema) || schema === 'public') throw new Error(`refusing to drop schema ${schema}`);
  const ds = new DataSource({ type: 'postgres', url: databaseUrl });
  await ds.initialize();
  try {
    await ds.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await ds.destroy();
  }
}
