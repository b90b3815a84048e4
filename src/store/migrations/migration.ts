import type { Kysely } from 'kysely';

export type Dialect = 'sqlite' | 'postgres';

/**
 * A schema change. `up` receives the dialect because a few column types and
 * the full-text index differ between SQLite and PostgreSQL.
 */
export interface ConferMigration {
  name: string;
  up(db: Kysely<any>, dialect: Dialect): Promise<void>;
}

/** Binary column type per dialect. */
export const blobType = (dialect: Dialect) => (dialect === 'postgres' ? 'bytea' : 'blob');
