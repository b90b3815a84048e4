import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../core/errors.ts';
import { loadProviderConfig, modelOf, parseProviderConfig, parseProviderRegistration } from './config.ts';

const ollama = {
  name: 'ollama-gpu1',
  kind: 'openai-compatible',
  baseUrl: 'http://gpu1:11434/v1/',
  regions: ['eu'],
  capabilities: ['text', 'structured', 'long_context'],
  models: { text: 'llama3.1:70b' },
  contextWindow: 131072,
};

function invalid(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    assert.ok(AppError.isInstance(error));
    return error;
  }
  return assert.fail('expected a validation error');
}

test('a registration is normalised: hosting by kind, upper-case regions, a model for every capability', () => {
  const config = parseProviderRegistration(ollama);
  assert.deepEqual(config.info, {
    name: 'ollama-gpu1',
    kind: 'openai-compatible',
    hosting: 'self',
    regions: ['EU'],
    capabilities: ['text', 'structured', 'long_context'],
    models: { text: 'llama3.1:70b', structured: 'llama3.1:70b', long_context: 'llama3.1:70b' },
    contextWindow: 131072,
    retainsData: false,
  });
  assert.deepEqual(config.connection, { kind: 'openai-compatible', baseUrl: 'http://gpu1:11434/v1' });
  assert.equal(config.timeoutMs, 60_000);
  assert.equal(modelOf(config.info, 'structured'), 'llama3.1:70b');
});

test('hosting defaults per kind and connection defaults', () => {
  const base = { regions: ['EU'], capabilities: ['text'], models: { text: 'm' }, contextWindow: 1000 };
  const hosting = (entry: Record<string, unknown>) => parseProviderRegistration({ name: 'x', ...base, ...entry }).info.hosting;
  assert.equal(hosting({ kind: 'openai' }), 'third-party');
  assert.equal(hosting({ kind: 'anthropic' }), 'third-party');
  assert.equal(hosting({ kind: 'perplexity' }), 'third-party');
  assert.equal(hosting({ kind: 'bedrock', region: 'eu-central-1' }), 'managed');
  assert.equal(hosting({ kind: 'azure-openai', resourceName: 'contoso' }), 'managed');
  assert.deepEqual(parseProviderRegistration({ name: 'o', kind: 'openai', ...base }).connection, {
    kind: 'openai',
    baseUrl: 'https://api.openai.com/v1',
    apiKeyEnv: 'OPENAI_API_KEY',
  });
  assert.deepEqual(parseProviderRegistration({ name: 'b', kind: 'bedrock', region: 'eu-central-1', ...base }).connection, {
    kind: 'bedrock',
    region: 'eu-central-1',
    baseUrl: 'https://bedrock-runtime.eu-central-1.amazonaws.com',
    accessKeyIdEnv: 'AWS_ACCESS_KEY_ID',
    secretAccessKeyEnv: 'AWS_SECRET_ACCESS_KEY',
  });
  assert.deepEqual(parseProviderRegistration({ name: 'a', kind: 'azure-openai', resourceName: 'contoso', ...base }).connection, {
    kind: 'azure-openai',
    baseUrl: 'https://contoso.openai.azure.com/openai',
    apiKeyEnv: 'AZURE_API_KEY',
    apiVersion: 'v1',
    deployments: {},
  });
});

test('a literal secret is refused with a pointer to the …Env field, and its value is never echoed', () => {
  const error = invalid(() => parseProviderRegistration({ ...ollama, kind: 'openai', apiKey: 'sk-live-abc123' }));
  assert.equal(error.code, 'invalid_input');
  assert.deepEqual(error.fields, [
    { path: 'apiKey', message: 'literal secrets are not allowed in the configuration; put the secret in an environment variable and name it in apiKeyEnv' },
  ]);
  assert.ok(!JSON.stringify(error.toJSON()).includes('sk-live-abc123'));

  const bedrock = invalid(() => parseProviderRegistration({ name: 'b', kind: 'bedrock', secretAccessKey: 'wJalr', sessionToken: 'IQo' }));
  assert.deepEqual(bedrock.fields?.map((f) => f.message.split(' ').at(-1)), ['secretAccessKeyEnv', 'sessionTokenEnv']);
});

test('a secret pasted into an …Env field is refused without echoing it', () => {
  const error = invalid(() => parseProviderRegistration({ ...ollama, apiKeyEnv: 'sk-proj-9f8e7d' }));
  assert.equal(error.fields?.[0].path, 'apiKeyEnv');
  assert.match(error.message, /must be the name of an environment variable/);
  assert.ok(!error.message.includes('sk-proj-9f8e7d'));
});

test('credentials in a base URL are refused', () => {
  const error = invalid(() => parseProviderRegistration({ ...ollama, baseUrl: 'http://admin:hunter2@gpu1/v1' }));
  assert.equal(error.fields?.[0].path, 'baseUrl');
  assert.ok(!error.message.includes('hunter2'));
});

test('cross-field rules name the offending path', () => {
  const cases: [Record<string, unknown>, string, RegExp][] = [
    [{ kind: 'anthropic', capabilities: ['text', 'embedding'], models: { text: 'c', embedding: 'e' } }, 'capabilities[1]', /kind anthropic cannot serve embedding/],
    [{ capabilities: ['text', 'embedding'] }, 'models.embedding', /needs a model name here/],
    [{ models: { text: 'm', long_context: 'big' } }, 'models.long_context', /served by the text model; set models.text/],
    [{ models: { text: 'm', image: 'sd' } }, 'models.image', /not in capabilities/],
    [{ capabilities: ['structured'] }, 'capabilities[0]', /needs text as well/],
    [{ capabilities: ['text', 'text'] }, 'capabilities[1]', /listed twice/],
    [{ kind: 'openai', hosting: 'self' }, 'hosting', /hosting must be third-party/],
    [{ regions: ['*'] }, 'regions[0]', /reserved for the built-in engine/],
    [{ name: 'builtin' }, 'name', /reserved/],
    [{ contextWindow: 0 }, 'contextWindow', /.+/],
    [{ timeoutMs: 'soon' }, 'timeoutMs', /.+/],
    [{ surprise: true }, 'surprise', /unknown field/],
    [{ kind: 'azure-openai', baseUrl: 'https://x.example/openai', resourceName: 'contoso' }, 'resourceName', /exactly one of resourceName and baseUrl/],
    [{ kind: 'bedrock', region: 'Frankfurt', baseUrl: undefined }, 'region', /AWS region/],
    [{ kind: 'teleport' }, 'kind', /must be one of/],
  ];
  for (const [override, path, message] of cases) {
    const error = invalid(() => parseProviderRegistration({ ...ollama, ...override }));
    const field = error.fields?.find((f) => f.path === path);
    assert.ok(field, `expected an error at ${path}, got ${JSON.stringify(error.fields)}`);
    assert.match(field.message, message);
  }
});

test('file errors name the file and the full path; every problem is listed', () => {
  const yaml = `
providers:
  - ${JSON.stringify(ollama)}
  - name: ollama-gpu1
    kind: openai-compatible
    baseUrl: http://gpu2/v1
    regions: [EU]
    capabilities: [text]
    models: { text: m }
    contextWindow: 8192
  - name: broken
    kind: anthropic
    regions: []
`;
  const error = invalid(() => parseProviderConfig(yaml, '/etc/confer/confer.yaml'));
  assert.match(error.message, /^\/etc\/confer\/confer\.yaml: providers\[1\]\.name: duplicate provider name \(also providers\[0\]\) \(and \d+ more problems\)$/);
  assert.deepEqual(error.details, { file: '/etc/confer/confer.yaml' });
  const paths = error.fields?.map((f) => f.path) ?? [];
  assert.ok(paths.includes('providers[2].regions'));
  assert.ok(paths.includes('providers[2].models'));
});

test('syntax errors are malformed_file with file and line, without quoting the file', () => {
  const error = invalid(() => parseProviderConfig('providers:\n  - name: a\n    apiKeyEnv: [unclosed\n', 'confer.yaml'));
  assert.equal(error.code, 'malformed_file');
  assert.match(error.message, /^confer\.yaml:\d+: invalid YAML/);
  assert.ok(!error.message.includes('unclosed'));
  const json = invalid(() => parseProviderConfig('{\n "providers": [\n }', 'confer.json'));
  assert.equal(json.code, 'malformed_file');
  assert.match(json.message, /^confer\.json:3: invalid JSON: /);
});

test('other top-level sections are left to their owners; a missing providers key means none', () => {
  assert.deepEqual(parseProviderConfig('server:\n  port: 8080\n', 'c.yaml'), { file: 'c.yaml', providers: [] });
  assert.deepEqual(parseProviderConfig('', 'c.yaml'), { file: 'c.yaml', providers: [] });
  assert.equal(invalid(() => parseProviderConfig('providers: {}', 'c.yaml')).fields?.[0].path, 'providers');
});

test('loadProviderConfig reads the configured file as JSON or YAML; without one there are no providers', async () => {
  const files: Record<string, string> = {
    '/c/confer.json': JSON.stringify({ providers: [ollama] }),
    '/c/confer.yaml': `providers:\n  - ${JSON.stringify(ollama)}\n`,
  };
  const read = async (file: string) => {
    if (!(file in files)) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
    return files[file];
  };
  assert.deepEqual(await loadProviderConfig(undefined, read), { file: null, providers: [] });
  for (const file of Object.keys(files)) {
    const loaded = await loadProviderConfig(file, read);
    assert.equal(loaded.providers[0].info.name, 'ollama-gpu1');
  }
  await assert.rejects(loadProviderConfig('/c/missing.yaml', read), /CONFER_CONFIG \/c\/missing\.yaml: cannot read the file \(ENOENT\)/);
});
