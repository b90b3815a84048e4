import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestWorld, type TestWorld } from '../../app/testing.ts';
import { createApp } from '../app.ts';
import { lineText } from './text-fields.ts';

const REFUSED = 'must not contain control characters (such as NUL, tab or a line break)';

describe('one-line text fields', () => {
  it('accept any printable text and refuse control characters', () => {
    const schema = lineText().min(1);
    for (const ok of ['Ops', 'Zoë Ørsted', '会議 — Q3 ☕']) assert.equal(schema.safeParse(ok).success, true, ok);
    for (const bad of ['a\u0000b', 'a\tb', 'a\nb', 'a\u001bb', 'a\u007fb', 'a\u0085b']) {
      const parsed = schema.safeParse(bad);
      assert.equal(parsed.success, false, JSON.stringify(bad));
      assert.equal(parsed.error!.issues[0].message, REFUSED);
    }
  });

  describe('in the API', () => {
    let world: TestWorld;
    let app: ReturnType<typeof createApp>;
    before(async () => {
      world = await createTestWorld();
      app = createApp(world.services);
    });
    after(() => world.close());

    const post = (path: string, body: unknown, method = 'POST') =>
      app.request(path, { method, headers: { authorization: `Bearer ${world.ownerToken}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

    it('refuse names and titles with control characters, storing nothing', async () => {
      const cases: [string, unknown, string][] = [
        ['/v1/groups', { name: 'a\u0000b' }, 'name'],
        ['/v1/users', { email: 'zed@acme.test', name: 'Zed\u0000' }, 'name'],
        ['/v1/holds', { name: 'hold\u0007', reason: 'r', userId: world.owner.id }, 'name'],
        ['/v1/tokens', { name: 'ci\nbot' }, 'name'],
        ['/v1/redaction/patterns', { name: 'id\u0000', pattern: '[0-9]+' }, 'name'],
        ['/v1/meetings', { title: 'Stand-up\u0000', content: 'Ann: hello' }, 'title'],
      ];
      for (const [path, body, field] of cases) {
        const res = await post(path, body);
        assert.equal(res.status, 400, path);
        assert.deepEqual(((await res.json()) as any).error.fields, [{ path: field, message: REFUSED }], path);
      }
      assert.equal((await world.services.store.groups.list(world.account.id)).length, 0);
    });
  });
});
