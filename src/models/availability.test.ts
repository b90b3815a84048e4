import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FEATURE_SPECS, type FeatureSpec } from '../core/features.ts';
import type { DeploymentMode } from '../core/types.ts';
import { featureAvailability, type FeatureAvailability } from './availability.ts';
import { BUILTIN_PROVIDER_INFO } from './builtin-provider.ts';
import { providerEntry, ROUTE_PROVIDERS, routeProvider } from './testing/route-fixtures.ts';

const inEU = (deploymentMode: DeploymentMode, providers = ROUTE_PROVIDERS) =>
  new Map(featureAvailability(providers, { homeRegion: 'EU', deploymentMode }).map((f) => [f.featureId, f]));
const row = (table: Map<string, FeatureAvailability>, id: string) => {
  const { available, servedBy, reason } = table.get(id)!;
  return { available, servedBy, reason };
};

test('every feature of the catalogue gets a verdict with a reason', () => {
  const table = featureAvailability(ROUTE_PROVIDERS, { homeRegion: 'EU', deploymentMode: 'federated' });
  assert.deepEqual(table.map((f) => f.featureId), FEATURE_SPECS.map((s) => s.id));
  for (const feature of table) assert.ok(feature.reason.length > 0, feature.featureId);
});

test('self-hosted-only, EU: only self-hosted models and the built-in engine count', () => {
  const table = inEU('self-hosted-only');
  assert.deepEqual(row(table, 'meeting.summary'), { available: true, servedBy: ['builtin', 'ollama-eu', 'vllm-eu-long'], reason: 'built-in engine; also ollama-eu, vllm-eu-long' });
  assert.deepEqual(row(table, 'chat.compose'), { available: true, servedBy: ['ollama-eu', 'vllm-eu-long'], reason: 'served by ollama-eu, vllm-eu-long' });
  assert.deepEqual(row(table, 'image.generate'), { available: false, servedBy: [], reason: 'needs image; no usable provider has it in mode self-hosted-only, region EU' });
  assert.deepEqual(row(table, 'translate.live'), { available: false, servedBy: [], reason: 'needs translation; no usable provider has it in mode self-hosted-only, region EU' });
  assert.equal(row(table, 'panel.follow_ups').reason, 'built-in engine (a template) or ollama-eu, vllm-eu-long');
  assert.equal(row(table, 'tasks.capture').reason, 'built-in engine');
});

test('self-hosted-plus, EU: an image model without a moderation companion is not enough', () => {
  const table = inEU('self-hosted-plus');
  assert.deepEqual(row(table, 'image.generate'), {
    available: false,
    servedBy: [],
    reason: 'needs moderation for image.generate; no usable provider has it in mode self-hosted-plus, region EU',
  });
  assert.deepEqual(row(table, 'chat.compose').servedBy, ['ollama-eu', 'vllm-eu-long', 'bedrock-eu', 'azure-eu']);
});

test('federated, EU: third-party providers complete the picture', () => {
  const table = inEU('federated');
  assert.deepEqual(row(table, 'image.generate'), { available: true, servedBy: ['azure-eu', 'openai'], reason: 'served by azure-eu, openai' });
  assert.equal(row(table, 'translate.live').available, false, 'no registered provider declares translation');
});

test('availability differs per mode', () => {
  const availableCount = (mode: DeploymentMode) => [...inEU(mode).values()].filter((f) => f.available).length;
  const unavailable = (mode: DeploymentMode) => [...inEU(mode).values()].filter((f) => !f.available).map((f) => f.featureId);
  assert.deepEqual(unavailable('self-hosted-only'), ['image.generate', 'translate.live']);
  assert.deepEqual(unavailable('federated'), ['translate.live']);
  assert.ok(availableCount('federated') > availableCount('self-hosted-only'));
});

test('with only the built-in engine, builtin features stay available and say how', () => {
  const table = inEU('self-hosted-only', [BUILTIN_PROVIDER_INFO]);
  assert.deepEqual(row(table, 'meeting.summary'), { available: true, servedBy: ['builtin'], reason: 'built-in engine' });
  assert.deepEqual(row(table, 'panel.follow_ups'), {
    available: true,
    servedBy: ['builtin'],
    reason: 'served by a template from the built-in engine; needs text; no usable provider has it in mode self-hosted-only, region EU',
  });
  assert.equal(row(table, 'panel.data_analysis').reason, 'served by statistics only from the built-in engine; needs text; no usable provider has it in mode self-hosted-only, region EU');
  assert.equal(row(table, 'mail.compose').available, false);
});

test('residency: a managed provider counts only in its own region', () => {
  const providers = [BUILTIN_PROVIDER_INFO, routeProvider('bedrock-us')];
  assert.equal(row(inEU('self-hosted-plus', providers), 'chat.compose').available, false);
  const inUS = featureAvailability(providers, { homeRegion: 'US', deploymentMode: 'self-hosted-plus' }).find((f) => f.featureId === 'chat.compose');
  assert.deepEqual(inUS?.servedBy, ['bedrock-us']);
});

test('capabilities spread over several providers do not make a feature available', () => {
  const spec: FeatureSpec = { ...FEATURE_SPECS.find((s) => s.id === 'chat.compose')!, id: 'x.search', capabilities: ['text', 'web_search'] };
  const providers = [providerEntry('plain', 'openai-compatible', 'self', ['EU'], ['text'], 8192), providerEntry('searchy', 'openai-compatible', 'self', ['EU'], ['web_search'], 8192)];
  const [result] = featureAvailability(providers, { homeRegion: 'EU', deploymentMode: 'self-hosted-only' }, [spec]);
  assert.equal(result.reason, 'needs text and web_search from one provider; no usable provider has all of them in mode self-hosted-only, region EU');
});
