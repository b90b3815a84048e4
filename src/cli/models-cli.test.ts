import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import YAML from 'yaml';
import { chatCompletionReply } from '../models/testing/openai-server.ts';
import { startProviderHarness, type ProviderHarness } from '../models/testing/provider-harness.ts';
import { runCaptured, STANDUP } from './testing.ts';

describe('confer CLI with model providers', () => {
  let dir: string;
  let env: Record<string, string>;
  let local: ProviderHarness;
  const cli = (...argv: string[]) => runCaptured(argv, env);

  before(async () => {
    local = await startProviderHarness('openai-compatible', { name: 'gpu-eu', capabilities: ['text', 'structured'], models: { text: 'llama3.1:70b' }, contextWindow: 32768 });
    dir = mkdtempSync(join(tmpdir(), 'confer-models-cli-'));
    const config = {
      providers: [
        local.registration,
        { name: 'bedrock-eu', kind: 'bedrock', region: 'eu-central-1', regions: ['EU'], capabilities: ['text', 'structured', 'long_context'], models: { text: 'anthropic.claude-3-5-sonnet-20240620-v1:0' }, contextWindow: 200000 },
        { name: 'openai', kind: 'openai', regions: ['US'], capabilities: ['text', 'structured', 'image', 'moderation'], models: { text: 'gpt-4.1-mini', image: 'gpt-image-1', moderation: 'omni-moderation-latest' }, contextWindow: 1047576 },
      ],
    };
    writeFileSync(join(dir, 'confer.yaml'), YAML.stringify(config));
    writeFileSync(join(dir, 'standup.txt'), STANDUP);
    env = {
      CONFER_DATABASE_URL: join(dir, 'confer.db'),
      CONFER_CONFIG: join(dir, 'confer.yaml'),
      ...(local.env as Record<string, string>),
      AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'example-secret',
      OPENAI_API_KEY: 'sk-example',
    };
  });
  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    await local.close();
  });

  it('summarises a file through the local OpenAI-compatible server with --provider', async () => {
    local.server.replyNext(
      chatCompletionReply(
        {
          overview: { text: 'Stand-up on the billing export, the schema freeze and a staging disk problem.', segments: [0, 2, 3] },
          keyPoints: [{ text: 'Staging ran out of disk space.', segments: [3] }],
          decisions: [{ text: 'Freeze the schema until the release.', segments: [2] }],
          actionItems: [{ text: 'Review the billing export.', owner: 'Bo Chen', due: '2026-03-06', segments: [1] }],
          nextSteps: [],
        },
        { model: 'llama3.1:70b' },
      ),
    );
    const { code, stdout, stderr } = await cli('summarize', join(dir, 'standup.txt'), '--provider', 'gpu-eu', '--json');
    assert.equal(code, 0, stderr);
    const summary = JSON.parse(stdout);
    assert.equal(summary.provider, 'gpu-eu');
    assert.deepEqual(summary.actionItems[0].citations[0], { artifactId: summary.meetingId, segment: 1, start: 12, end: 20, speaker: 'Bo Chen' });
    assert.equal(local.server.requests.length, 1);
    const body = local.server.requests[0].body as Record<string, any>;
    assert.equal(body.model, 'llama3.1:70b');
    assert.equal(body.response_format.json_schema.name, 'meeting_summary');
    assert.match(body.messages[1].content, /\[1\] 00:12 Bo Chen: I'll review the billing export by Friday\./);
  });

  it('refuses a provider the account may not use, on stderr with a non-zero exit', async () => {
    const { code, stderr } = await cli('summarize', join(dir, 'standup.txt'), '--provider', 'openai');
    assert.equal(code, 6);
    assert.match(stderr, /provider openai cannot run meeting\.summary for this account: hosting class third-party not allowed in mode self-hosted-plus/);
  });

  it('shows a different, correct availability table for each mode', async () => {
    const tables: Record<string, Record<string, { available: boolean; servedBy: string[]; reason: string; implemented: boolean }>> = {};
    for (const mode of ['self-hosted-only', 'self-hosted-plus', 'federated']) {
      const set = await cli('account', 'set-mode', mode);
      assert.equal(set.code, 0, set.stderr);
      const { code, stdout } = await cli('features', '--json');
      assert.equal(code, 0);
      const listing = JSON.parse(stdout);
      assert.equal(listing.account.deploymentMode, mode);
      tables[mode] = Object.fromEntries(listing.features.map((f: any) => [f.featureId, f]));
    }
    assert.deepEqual(tables['self-hosted-only']['chat.compose'].servedBy, ['gpu-eu']);
    assert.deepEqual(tables['self-hosted-plus']['chat.compose'].servedBy, ['gpu-eu', 'bedrock-eu']);
    assert.deepEqual(tables.federated['chat.compose'].servedBy, ['gpu-eu', 'bedrock-eu', 'openai']);
    assert.equal(tables['self-hosted-plus']['image.generate'].reason, 'needs image; no usable provider has it in mode self-hosted-plus, region EU');
    assert.equal(tables.federated['image.generate'].available, true);
    assert.equal(tables['self-hosted-only']['translate.live'].reason, 'needs translation; no usable provider has it in mode self-hosted-only, region EU');

    const text = await cli('features');
    assert.match(text.stdout, /^account .*: mode federated, region EU$/m);
    assert.match(text.stdout, /^image\.generate +yes +served by openai$/m);
    // Available says what the models could serve; implemented what this version runs.
    assert.equal(tables.federated['meeting.summary'].implemented, true);
    assert.equal(tables.federated['cc.sentiment'].available, true);
    assert.equal(tables.federated['cc.sentiment'].implemented, false);
    assert.match(text.stdout, /^cc\.sentiment +yes +built-in engine.* \(not in this version of Confer yet\)$/m);
    assert.match(text.stdout, /^\d+ of 39 features available; \d+ of them run in this version$/m);
  });

  it('lists the providers with usability for the account and never prints a secret', async () => {
    await cli('account', 'set-mode', 'self-hosted-plus');
    const { code, stdout } = await cli('providers');
    assert.equal(code, 0);
    assert.match(stdout, /^builtin \(builtin, self, \*\) usable: built-in engine, runs in process; capabilities -; circuit closed$/m);
    assert.match(stdout, /^openai \(openai, third-party, US\) not usable: hosting class third-party not allowed in mode self-hosted-plus;/m);
    assert.match(stdout, /^bedrock-eu \(bedrock, managed, EU\) usable: processes data in EU;/m);
    const json = JSON.parse((await cli('providers', '--json')).stdout);
    assert.deepEqual(json.map((p: { name: string; source: string }) => [p.name, p.source]), [['builtin', 'builtin'], ['gpu-eu', 'config'], ['bedrock-eu', 'config'], ['openai', 'config']]);
    for (const secret of [...local.secrets, 'example-secret', 'sk-example']) assert.ok(!stdout.includes(secret));
  });
});
