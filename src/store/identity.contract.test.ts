/** Identity links and the audit chain head, on every dialect. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Store } from '../core/store.ts';
import type { User } from '../core/types.ts';
import { DIALECTS, type TestStore } from './testing.ts';

const T0 = '2026-03-04T10:00:00.000Z';
const T1 = '2026-03-05T10:00:00.000Z';

const user = (id: string): User => ({
  id, accountId: 'acc_i', email: `${id}@example.com`, name: id, role: 'member', studio: false, status: 'active',
  aiAccess: true, customAddOn: false, locale: 'en', externalId: null, createdAt: T0, updatedAt: T0,
});

for (const dialect of DIALECTS) {
  const skip = await dialect.skip();
  describe(`identity store contract: ${dialect.name}`, { skip: skip ?? false }, () => {
    let ts: TestStore;
    let store: Store;
    before(async () => {
      ts = await dialect.create();
      store = ts.store;
      await store.accounts.create({ id: 'acc_i', name: 'I', homeRegion: 'EU', deploymentMode: 'self-hosted-only', baseAiLicence: true, createdAt: T0, updatedAt: T0 });
      await store.users.create(user('usr_a'));
      await store.users.create(user('usr_b'));
    });
    after(() => ts.cleanup());

    it('links an issuer and subject to one user, records later sign-ins and relinks', async () => {
      const link = { accountId: 'acc_i', issuer: 'https://idp.example.com', subject: 's1', protocol: 'oidc' as const, userId: 'usr_a', createdAt: T0, lastSignInAt: T0 };
      assert.equal(await store.identities.find('acc_i', link.issuer, 's1'), null);
      await store.identities.upsert(link);
      await store.identities.upsert({ ...link, lastSignInAt: T1 });
      assert.deepEqual(await store.identities.find('acc_i', link.issuer, 's1'), { ...link, lastSignInAt: T1 });
      assert.equal(await store.identities.find('acc_i', 'https://other.example.com', 's1'), null);
      await store.identities.upsert({ ...link, userId: 'usr_b', lastSignInAt: T1 });
      assert.deepEqual(await store.identities.listForUser('acc_i', 'usr_a'), []);
      assert.equal((await store.identities.listForUser('acc_i', 'usr_b')).length, 1);
    });

    it('reports the audit chain head after appends', async () => {
      assert.equal(await store.audit.head('acc_i'), null);
      const base = { accountId: 'acc_i', at: T0, actorType: 'system' as const, actorId: null, targetType: null, targetId: null, outcome: 'ok' as const, details: {} };
      await store.audit.append({ ...base, action: 'a' });
      const second = await store.audit.append({ ...base, action: 'b' });
      assert.deepEqual(await store.audit.head('acc_i'), { seq: 2, hash: second.hash });
    });
  });
}
