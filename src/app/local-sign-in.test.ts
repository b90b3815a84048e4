import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { describe, it } from 'node:test';
import { ManualClock } from '../core/clock.ts';
import { silentLogger } from '../core/logger.ts';
import { authenticateToken } from '../governance/tokens.ts';
import { DbJobQueue } from '../jobs/db-job-queue.ts';
import { createSqliteTestStore } from '../store/testing.ts';
import { bootstrapAccount } from '../usecases/bootstrap-account.ts';
import { loadConfig } from './config.ts';
import { LOCAL_OWNER_EMAIL } from './context.ts';
import { isLoopback, localSignInLink } from './local-sign-in.ts';
import type { Services } from './services.ts';
import { createTestWorld } from './testing.ts';

const tokenOf = (url: string) => /^http:\/\/127\.0\.0\.1:8080\/#signin=(cfr_\S+)$/.exec(url)?.[1];

describe('local sign-in link', () => {
  it('recognises loopback addresses only', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1']) assert.equal(isLoopback(host), true, host);
    for (const host of ['0.0.0.0', '::', '10.0.0.5', '192.168.1.2', 'confer.example.com', '127.0.0.1.example.com']) assert.equal(isLoopback(host), false, host);
  });

  it('signs in as the local owner with a session token that expires, and audits it', async () => {
    const clock = new ManualClock('2026-03-04T09:00:00.000Z');
    const world = await createTestWorld({ clock });
    try {
      await bootstrapAccount(world.services.store, clock, { accountName: 'Local', region: 'EU', ownerEmail: LOCAL_OWNER_EMAIL, ownerName: 'Local owner', via: 'cli' });
      const link = await localSignInLink(world.services, 'http://127.0.0.1:8080');
      const token = tokenOf(link?.url ?? '');
      assert.ok(link && token, link?.url);
      assert.equal(link.userName, 'Local owner');
      assert.equal(link.expiresAt.toISOString(), '2026-03-04T17:00:00.000Z');
      const { user, token: record } = await authenticateToken(world.services.store, clock, token);
      assert.equal(user.email, LOCAL_OWNER_EMAIL);
      assert.equal(record.kind, 'session');
      const [event] = await world.services.store.audit.list(user.accountId, { action: 'token.create', targetId: record.id });
      assert.equal(event.details.kind, 'session');
      assert.ok(!JSON.stringify(event).includes(token), 'the token is not in the audit log');

      clock.advance(8 * 3600_000 + 1);
      await assert.rejects(authenticateToken(world.services.store, clock, token), /expired/);
    } finally {
      await world.close();
    }
  });

  it('gives no link to an installation with real accounts only', async () => {
    const world = await createTestWorld();
    try {
      assert.equal(await localSignInLink(world.services, 'http://127.0.0.1:8080'), null);
      assert.equal((await world.services.store.accounts.list()).length, 1, 'no local account is created next to real ones');
    } finally {
      await world.close();
    }
  });

  it('creates the local account on a new database, as the first CLI command would', async () => {
    const testStore = await createSqliteTestStore();
    const clock = new ManualClock('2026-03-04T09:00:00.000Z');
    const services: Services = {
      config: loadConfig({ CONFER_DATABASE_URL: testStore.url }),
      store: testStore.store,
      queue: new DbJobQueue(testStore.store, clock),
      clock,
      logger: silentLogger,
      events: new EventEmitter(),
      close: async () => {},
    };
    try {
      const link = await localSignInLink(services, 'http://127.0.0.1:8080');
      const { user } = await authenticateToken(services.store, clock, tokenOf(link?.url ?? '') ?? '');
      assert.equal(user.email, LOCAL_OWNER_EMAIL);
      assert.equal(user.role, 'owner');
    } finally {
      await testStore.cleanup();
    }
  });
});
