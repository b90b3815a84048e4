/**
 * Test support above the store: services over a fresh database, an account
 * with an owner and members, and request contexts for each of them.
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock, type Clock } from '../core/clock.ts';
import type { Ctx } from '../core/context.ts';
import { newId } from '../core/ids.ts';
import { silentLogger } from '../core/logger.ts';
import type { Account, Role, User } from '../core/types.ts';
import { DbJobQueue } from '../jobs/db-job-queue.ts';
import type { Env } from '../models/adapters/create-provider.ts';
import type { ProviderConfig } from '../models/config.ts';
import { ModelService, type ModelServiceOptions } from '../models/model-service.ts';
import { createSqliteTestStore, type TestStore } from '../store/testing.ts';
import { bootstrapAccount } from '../usecases/bootstrap-account.ts';
import { loadConfig } from './config.ts';
import { userContext } from './context.ts';
import type { Services } from './services.ts';

export interface TestWorld {
  services: Services;
  testStore: TestStore;
  account: Account;
  owner: User;
  ownerToken: string;
  /** Adds a user to the account. */
  addUser(opts?: { role?: Role; email?: string; name?: string; aiAccess?: boolean }): Promise<User>;
  /** A second account, for isolation checks. */
  addAccount(name?: string): Promise<{ account: Account; owner: User; token: string }>;
  /** A request context for the user, with the account as currently stored. */
  ctx(user: User, via?: Ctx['actor']['via']): Promise<Ctx>;
  close(): Promise<void>;
}

export interface TestWorldOptions {
  clock?: Clock;
  testStore?: TestStore;
  region?: string;
  /** Providers of the operator's configuration file, with the environment their secrets are read from. */
  providers?: { configs: ProviderConfig[]; env: Env };
  /** Router settings, e.g. a wide latency band so that loopback timing noise does not reorder providers. */
  router?: ModelServiceOptions['router'];
}

export async function createTestWorld(opts: TestWorldOptions = {}): Promise<TestWorld> {
  const testStore = opts.testStore ?? (await createSqliteTestStore());
  const clock = opts.clock ?? new ManualClock('2026-03-04T15:00:00.000Z');
  const store = testStore.store;
  const exportDir = mkdtempSync(join(tmpdir(), 'confer-exports-'));
  const services: Services = {
    config: loadConfig({ CONFER_DATABASE_URL: testStore.url, CONFER_EXPORT_DIR: exportDir }),
    store,
    queue: new DbJobQueue(store, clock),
    clock,
    logger: silentLogger,
    events: new EventEmitter(),
    close: async () => {},
    models: new ModelService(store, opts.providers?.configs ?? [], {
      env: opts.providers?.env ?? {},
      clock,
      fallback: { backoffMs: 0, sleep: async () => {} },
      ...(opts.router ? { router: opts.router } : {}),
    }),
  };
  const { account, owner, token } = await bootstrapAccount(store, clock, {
    accountName: 'Acme',
    region: opts.region ?? 'EU',
    ownerEmail: 'owner@acme.test',
    ownerName: 'Olivia Owner',
    via: 'cli',
  });
  const world: TestWorld = {
    services,
    testStore,
    account,
    owner,
    ownerToken: token,
    async addUser({ role = 'member', email, name, aiAccess = true } = {}) {
      const now = clock.now().toISOString();
      const id = newId('usr');
      const user: User = {
        id,
        accountId: account.id,
        email: email ?? `${id}@acme.test`,
        name: name ?? `Member ${id.slice(-4)}`,
        role,
        studio: false,
        status: 'active',
        aiAccess,
        customAddOn: false,
        locale: 'en',
        externalId: null,
        createdAt: now,
        updatedAt: now,
      };
      await store.users.create(user);
      return user;
    },
    async addAccount(name = 'Other Corp') {
      const created = await bootstrapAccount(store, clock, {
        accountName: name,
        region: 'US',
        ownerEmail: `owner@${name.replace(/\W/g, '').toLowerCase()}.test`,
        ownerName: 'Other Owner',
        via: 'cli',
      });
      return created;
    },
    async ctx(user, via = 'api') {
      return userContext(services, (await store.accounts.get(user.accountId))!, user, via);
    },
    async close() {
      rmSync(exportDir, { recursive: true, force: true });
      await testStore.cleanup();
    },
  };
  return world;
}
