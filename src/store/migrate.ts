import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { AppError } from '../core/errors.ts';
import { MIGRATIONS } from './migrations/index.ts';
import type { Dialect } from './migrations/migration.ts';

class CodeMigrationProvider implements MigrationProvider {
  constructor(private readonly dialect: Dialect) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    return Object.fromEntries(MIGRATIONS.map((m) => [m.name, { up: (db: Kysely<any>) => m.up(db, this.dialect) }]));
  }
}

/**
 * Applies pending migrations; returns the names applied in this call.
 * `schema` names the PostgreSQL schema the store lives in, so the migration
 * tables are looked up there and not in another schema of the same database.
 */
export async function migrateToLatest(db: Kysely<any>, dialect: Dialect, schema?: string): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: new CodeMigrationProvider(dialect),
    migrationTableName: 'confer_migrations',
    migrationLockTableName: 'confer_migrations_lock',
    // Kysely looks for its tables in every schema unless told which one; another schema's
    // migration tables on the same PostgreSQL server must not count as ours.
    ...(dialect === 'postgres' ? { migrationTableSchema: schema ?? (await currentSchema(db)) } : {}),
    // Features land in parallel branches, so numbering is not strictly the order of arrival.
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new AppError('internal', `database migration ${failed?.migrationName ?? ''} failed: ${(error as Error).message}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

async function currentSchema(db: Kysely<any>): Promise<string> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  if (!schema) throw new AppError('internal', 'the PostgreSQL search_path names no existing schema; create it or fix the connection options');
  return schema;
}
