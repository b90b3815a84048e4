import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { resolve } from 'node:path';
import { AppError } from '../core/errors.ts';
import type { Store } from '../core/store.ts';
import { KyselyStore } from './kysely-store.ts';
import { migrateToLatest } from './migrate.ts';
import type { Database } from './schema.ts';
import { createSqliteDialect } from './sqlite-dialect.ts';

export const DEFAULT_SQLITE_FILE = './data/confer.db';

export interface StoreConfig {
  /** `postgres://…` selects PostgreSQL; otherwise a SQLite file path (`sqlite:` prefix optional). */
  url?: string;
  /** PostgreSQL schema to use (tests isolate themselves in one). */
  schema?: string;
  /** Run migrations on open (default true). */
  migrate?: boolean;
  poolSize?: number;
}

export function describeStoreUrl(url: string | undefined): { dialect: 'sqlite' | 'postgres'; target: string } {
  if (url && /^postgres(ql)?:\/\//i.test(url)) {
    const parsed = new URL(url);
    return { dialect: 'postgres', target: `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}` };
  }
  const file = url ? url.replace(/^sqlite:(\/\/)?/i, '') : DEFAULT_SQLITE_FILE;
  return { dialect: 'sqlite', target: file === ':memory:' ? file : resolve(file) };
}

function createDb(config: StoreConfig): { db: Kysely<Database>; dialect: 'sqlite' | 'postgres'; target: string } {
  const { dialect, target } = describeStoreUrl(config.url);
  if (dialect === 'postgres') {
    const pool = new pg.Pool({
      connectionString: config.url,
      max: config.poolSize ?? 10,
      ...(config.schema ? { options: `-c search_path=${config.schema}` } : {}),
    });
    return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), dialect, target };
  }
  return { db: new Kysely<Database>({ dialect: openSqlite(target) }), dialect, target };
}

/** The file named by the configuration is the operator's input: say which file could not be used, and why. */
function openSqlite(file: string): ReturnType<typeof createSqliteDialect> {
  try {
    return createSqliteDialect(file);
  } catch (error) {
    const reason = ['ENOTDIR', 'EEXIST'].includes((error as NodeJS.ErrnoException).code ?? '') ? 'a part of the path is a file, not a directory' : (error as Error).message;
    throw new AppError('invalid_input', `cannot open the sqlite database at ${file}: ${reason}; set CONFER_DATABASE_URL to a SQLite file or a postgres:// URL`, {
      cause: error,
    });
  }
}

async function migrateOrClose(db: Kysely<Database>, dialect: 'sqlite' | 'postgres', target: string, schema?: string): Promise<string[]> {
  try {
    return await migrateToLatest(db, dialect, schema);
  } catch (error) {
    await db.destroy().catch(() => {});
    if (AppError.isInstance(error)) throw error;
    throw new AppError('internal', `cannot open the ${dialect} database at ${target}: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * Opens the store named by the configuration and brings its schema up to date.
 *
 * @example
 * const store = await openStore({ url: process.env.CONFER_DATABASE_URL });
 */
export async function openStore(config: StoreConfig = {}): Promise<Store> {
  const { db, dialect, target } = createDb(config);
  if (config.migrate !== false) await migrateOrClose(db, dialect, target, config.schema);
  return new KyselyStore(db, dialect);
}

/** Runs pending migrations and reports what was applied. */
export async function runMigrations(config: StoreConfig = {}): Promise<{ dialect: string; target: string; applied: string[] }> {
  const { db, dialect, target } = createDb(config);
  const applied = await migrateOrClose(db, dialect, target, config.schema);
  await db.destroy();
  return { dialect, target, applied };
}
