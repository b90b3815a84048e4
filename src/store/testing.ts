/**
 * Test support: fresh, isolated stores on each dialect. SQLite gets a file in
 * a temporary directory; PostgreSQL gets its own schema in the machine's
 * server, dropped afterwards, so test files can run in parallel.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Store } from '../core/store.ts';
import { openStore } from './connect.ts';
import { inCi } from '../app/ci-env.ts';

export const TEST_POSTGRES_URL = process.env.CONFER_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestStore {
  store: Store;
  /** Connection URL, for child processes that open the same database. */
  url: string;
  schema?: string;
  cleanup(): Promise<void>;
}

export async function createSqliteTestStore(): Promise<TestStore> {
  const dir = mkdtempSync(join(tmpdir(), 'confer-test-'));
  const url = join(dir, 'confer.db');
  const store = await openStore({ url });
  return {
    store,
    url,
    async cleanup() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let postgresReachable: Promise<string | null> | undefined;

/** `null` when PostgreSQL answers, else the reason it does not. */
export function postgresUnavailable(): Promise<string | null> {
  postgresReachable ??= (async () => {
    const client = new pg.Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 10_000 });
    try {
      await client.connect();
      await client.query('select 1');
      return null;
    } catch (error) {
      return `PostgreSQL not reachable at ${TEST_POSTGRES_URL}: ${(error as Error).message}`;
    } finally {
      await client.end().catch(() => {});
    }
  })();
  return postgresReachable;
}

export async function createPostgresTestStore(): Promise<TestStore> {
  const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const store = await openStore({ url: TEST_POSTGRES_URL, schema, poolSize: 4 });
  return {
    store,
    url: TEST_POSTGRES_URL,
    schema,
    async cleanup() {
      await store.close();
      const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    },
  };
}

export interface DialectCase {
  name: 'sqlite' | 'postgres';
  /** Reason to skip, shown in the test output; never skipped silently. */
  skip: () => Promise<string | null>;
  create: () => Promise<TestStore>;
}

/** The dialects every contract suite runs against. */
export const DIALECTS: DialectCase[] = [
  { name: 'sqlite', skip: async () => null, create: createSqliteTestStore },
  {
    name: 'postgres',
    skip: async () => {
      const reason = await postgresUnavailable();
      if (reason && inCi()) throw new Error(`${reason} (required in CI)`);
      return reason;
    },
    create: createPostgresTestStore,
  },
];
