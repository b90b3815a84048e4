import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Store } from '../core/store.ts';
import type { Account } from '../core/types.ts';
import { DIALECTS, type TestStore } from './testing.ts';

const T0 = '2026-03-04T15:00:00.000Z';
const account = (id: string): Account => ({ id, name: id, homeRegion: 'EU', deploymentMode: 'self-hosted-plus', baseAiLicence: true, createdAt: T0, updatedAt: T0 });
const registration = (name: string) => ({ name, kind: 'openai-compatible', baseUrl: 'http://gpu1:11434/v1', apiKeyEnv: 'GPU_KEY', regions: ['EU'], capabilities: ['text'], models: { text: 'llama3.1:8b' }, contextWindow: 8192 });

for (const dialect of DIALECTS) {
  const skip = await dialect.skip();
  describe(`provider registrations: ${dialect.name}`, { skip: skip ?? false }, () => {
    let ts: TestStore;
    let store: Store;
    before(async () => {
      ts = await dialect.create();
      store = ts.store;
      await store.accounts.create(account('acc_a'));
      await store.accounts.create(account('acc_b'));
    });
    after(async () => {
      await ts?.cleanup();
    });

    it('stores, lists in registration order, reads and deletes per account', async () => {
      await store.providers.create({ accountId: 'acc_a', name: 'gpu-b', registration: registration('gpu-b'), createdBy: 'usr_1', createdAt: T0 });
      await store.providers.create({ accountId: 'acc_a', name: 'gpu-a', registration: registration('gpu-a'), createdBy: null, createdAt: '2026-03-04T15:00:01.000Z' });
      await store.providers.create({ accountId: 'acc_b', name: 'gpu-a', registration: registration('gpu-a'), createdBy: null, createdAt: T0 });
      assert.deepEqual((await store.providers.list('acc_a')).map((p) => p.name), ['gpu-b', 'gpu-a']);
      assert.deepEqual((await store.providers.get('acc_a', 'gpu-b'))?.registration, registration('gpu-b'));
      assert.equal(await store.providers.get('acc_a', 'missing'), null);
      assert.equal(await store.providers.delete('acc_a', 'gpu-a'), true);
      assert.equal(await store.providers.delete('acc_a', 'gpu-a'), false);
      assert.deepEqual((await store.providers.list('acc_b')).map((p) => p.name), ['gpu-a'], 'the other account keeps its own');
    });

    it('refuses a second registration of a name in one account', async () => {
      await assert.rejects(store.providers.create({ accountId: 'acc_a', name: 'gpu-b', registration: registration('gpu-b'), createdBy: null, createdAt: T0 }));
    });

    it('rolls back with the transaction', async () => {
      await assert.rejects(
        store.transaction(async (tx) => {
          await tx.providers.create({ accountId: 'acc_a', name: 'gpu-c', registration: registration('gpu-c'), createdBy: null, createdAt: T0 });
          throw new Error('abort');
        }),
        /abort/,
      );
      assert.equal(await store.providers.get('acc_a', 'gpu-c'), null);
    });
  });
}
