import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestWorld, type TestWorld } from '../app/testing.ts';
import { createApp } from './app.ts';

type Schema = { $ref?: string; type?: string; properties?: Record<string, Schema>; additionalProperties?: unknown; anyOf?: Schema[]; oneOf?: Schema[]; allOf?: Schema[]; items?: Schema };

describe('JSON request bodies', () => {
  let world: TestWorld;
  let app: ReturnType<typeof createApp>;
  before(async () => {
    world = await createTestWorld();
    app = createApp(world.services);
  });
  after(() => world.close());

  it('refuse unknown fields on every route, so a misspelt field is not silently ignored', async () => {
    const doc = (await (await app.request('/v1/openapi.json')).json()) as { paths: Record<string, Record<string, any>>; components: { schemas: Record<string, Schema> } };
    const resolve = (s: Schema): Schema => (s.$ref ? doc.components.schemas[s.$ref.split('/').pop()!] : s);
    const lenient: string[] = [];
    const check = (where: string, raw: Schema) => {
      const s = resolve(raw);
      for (const part of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])]) check(where, part);
      if (s.items) check(`${where}[]`, s.items);
      if (!s.properties) return;
      if (s.additionalProperties !== false) lenient.push(where);
      for (const [name, child] of Object.entries(s.properties)) check(`${where}.${name}`, child);
    };
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        for (const [type, media] of Object.entries((operation.requestBody?.content ?? {}) as Record<string, { schema: Schema }>)) {
          if (/json/.test(type)) check(`${method.toUpperCase()} ${path}`, media.schema);
        }
      }
    }
    assert.deepEqual(lenient, []);
  });

  it('name the unknown field and store nothing', async () => {
    const res = await app.request('/v1/meetings', {
      method: 'POST',
      headers: { authorization: `Bearer ${world.ownerToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ content: 'Ann: hello', titel: 'Stand-up' }),
    });
    assert.equal(res.status, 400);
    assert.deepEqual(((await res.json()) as any).error.fields, [{ path: 'titel', message: 'unknown field; check its spelling' }]);
    assert.equal((await world.services.store.artifacts.list(world.account.id)).total, 0);
  });
});
