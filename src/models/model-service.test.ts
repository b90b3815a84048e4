import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ProviderRepo, StoredProvider } from '../core/store.ts';
import { parseProviderRegistration } from './config.ts';
import { ModelService } from './model-service.ts';

const entry = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  kind: 'openai-compatible',
  baseUrl: 'http://127.0.0.1:9/v1',
  regions: ['EU'],
  capabilities: ['text'],
  models: { text: 'llama3.1:8b' },
  contextWindow: 8192,
  ...extra,
});

function storeWith(rows: StoredProvider[]): { providers: ProviderRepo } {
  return {
    providers: {
      list: async (accountId) => rows.filter((r) => r.accountId === accountId),
      get: async () => null,
      create: async () => {},
      delete: async () => false,
    },
  };
}

const row = (accountId: string, registration: Record<string, unknown>): StoredProvider => ({
  accountId,
  name: String(registration.name),
  registration,
  createdBy: null,
  createdAt: '2026-03-04T15:00:00.000Z',
});

describe('ModelService', () => {
  it("merges the built-in engine, the operator's file and each account's own registrations", async () => {
    const service = new ModelService(storeWith([row('acc_a', entry('own-a')), row('acc_b', entry('own-b'))]), [parseProviderRegistration(entry('shared'))], { env: {} });
    assert.deepEqual((await service.providers('acc_a')).map((p) => [p.info.name, p.source]), [['builtin', 'builtin'], ['shared', 'config'], ['own-a', 'account']]);
    assert.deepEqual((await service.providers('acc_b')).map((p) => p.info.name), ['builtin', 'shared', 'own-b']);
  });

  it('leaves out an account registration whose name the file now takes, or whose secret is no longer set', async () => {
    const service = new ModelService(storeWith([row('acc_a', entry('shared')), row('acc_a', entry('keyed', { apiKeyEnv: 'GONE_KEY' }))]), [parseProviderRegistration(entry('shared'))], {
      env: {},
    });
    assert.deepEqual((await service.providers('acc_a')).map((p) => [p.info.name, p.source]), [['builtin', 'builtin'], ['shared', 'config']]);
    assert.throws(() => service.checkRegistration(entry('keyed', { apiKeyEnv: 'GONE_KEY' })), /environment variable GONE_KEY \(named by apiKeyEnv\) is not set/);
  });

  it("never calls a provider outside the account's registrations, nor the built-in engine", async () => {
    const service = new ModelService(storeWith([row('acc_b', entry('own-b'))]), [], { env: {} });
    const foreign = (await service.providers('acc_b')).find((p) => p.info.name === 'own-b')!.info;
    await assert.rejects(service.run('acc_a', [foreign], async () => 'called'), /provider own-b is not a registered provider of this account/);
    const builtin = (await service.providers('acc_a'))[0].info;
    await assert.rejects(service.run('acc_a', [builtin], async () => 'called'), /runs in process/);
  });
});
