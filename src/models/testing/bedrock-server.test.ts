import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startBedrockServer } from './bedrock-server.ts';
import type { WireServer } from './wire-server.ts';

describe('Bedrock wire server', () => {
  let server: WireServer;
  before(async () => {
    server = await startBedrockServer({ region: 'eu-central-1', accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' });
  });
  after(() => server.close());

  const send = async (headers: Record<string, string>, body: unknown = {}) => {
    const response = await fetch(`${server.url}/model/amazon.nova-pro-v1%3A0/converse`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return { status: response.status, type: response.headers.get('x-amzn-errortype'), body: (await response.json()) as Record<string, unknown> };
  };

  test('refuses unsigned requests', async () => {
    const reply = await send({});
    assert.equal(reply.status, 403);
    assert.match(String(reply.type), /^MissingAuthenticationTokenException:/);
    assert.deepEqual(reply.body, { message: 'Missing Authentication Token' });
  });

  test('refuses a malformed Authorization header and a foreign region scope', async () => {
    assert.match(String((await send({ authorization: 'Bearer x' })).type), /^IncompleteSignatureException:/);
    const foreign = await send({
      authorization: `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/bedrock/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`,
      'x-amz-date': '20260101T000000Z',
    });
    assert.match(String(foreign.type), /^InvalidSignatureException:/);
    assert.match(String(foreign.body.message), /valid region/);
  });

  test('refuses a signature that does not verify', async () => {
    const reply = await send({
      authorization: `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/eu-central-1/bedrock/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`,
      'x-amz-date': '20260101T000000Z',
    });
    assert.equal(reply.status, 403);
    assert.match(String(reply.body.message), /signature we calculated does not match/);
  });
});
