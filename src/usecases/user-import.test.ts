import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DIALECTS } from '../store/testing.ts';
import { createTestWorld, type TestWorld } from '../app/testing.ts';
import { importUsersCsv } from './user-import.ts';

const CSV = [
  'email,name,groups,role,aiAccess,customAddOn',
  'ann@acme.test,Ann Lee,Legal;Sales,admin,true,yes',
  'bob@acme.test,"Becker, Bob",Sales,,false,',
  'bad-email,Nobody,Sales,member,true,false',
  'cy@acme.test,Cy,Ops,superuser,true,false',
  'dee@acme.test,Dee,,member,maybe,false',
  'ann@acme.test,Ann again,,,,',
  '',
].join('\n');

for (const dialect of DIALECTS) {
  const skip = await dialect.skip();
  describe(`CSV user import: ${dialect.name}`, { skip: skip ?? false }, () => {
    let world: TestWorld;
    before(async () => {
      world = await createTestWorld({ testStore: await dialect.create() });
    });
    after(() => world.close());

    it('reports what a dry run would do and writes nothing', async () => {
      const before = (await world.services.store.audit.list(world.account.id)).length;
      const report = await importUsersCsv(await world.ctx(world.owner), CSV, { file: 'users.csv', dryRun: true });
      assert.equal(report.created, 2);
      assert.deepEqual(report.rows[0].groupsCreated, ['Legal', 'Sales']);
      assert.equal(await world.services.store.users.getByEmail(world.account.id, 'ann@acme.test'), null);
      assert.equal((await world.services.store.groups.list(world.account.id)).length, 0);
      assert.equal((await world.services.store.audit.list(world.account.id)).length, before);
    });

    it('applies good rows, reports bad ones by line and never half-applies a row', async () => {
      const ctx = await world.ctx(world.owner);
      const report = await importUsersCsv(ctx, CSV, { file: 'users.csv' });
      assert.deepEqual(
        report.errors.map((e) => [e.line, e.message]),
        [
          [4, '"bad-email" is not an email address'],
          [5, 'role must be one of owner, admin, member, got "superuser"'],
          [6, 'aiAccess must be true or false, got "maybe"'],
          [7, 'ann@acme.test already appears on line 2'],
        ],
      );
      assert.equal(report.created, 2);
      const store = world.services.store;
      const ann = (await store.users.getByEmail(world.account.id, 'ann@acme.test'))!;
      assert.equal(ann.role, 'admin');
      assert.equal(ann.customAddOn, true);
      const bob = (await store.users.getByEmail(world.account.id, 'bob@acme.test'))!;
      assert.equal(bob.name, 'Becker, Bob');
      assert.equal(bob.aiAccess, false);
      assert.deepEqual((await store.groups.groupsOf(world.account.id, ann.id)).map((g) => g.name).sort(), ['Legal', 'Sales']);
      // Row 5 failed on its role: its group Ops was not created.
      assert.deepEqual((await store.groups.list(world.account.id)).map((g) => g.name).sort(), ['Legal', 'Sales']);
    });

    it('is idempotent and applies changes on a later run', async () => {
      const ctx = await world.ctx(world.owner);
      const again = await importUsersCsv(ctx, CSV, { file: 'users.csv' });
      assert.equal(again.created + again.updated, 0);
      assert.equal(again.unchanged, 2);
      const changed = await importUsersCsv(ctx, 'email,groups,aiAccess\nann@acme.test,Legal,false\n');
      assert.deepEqual(changed.rows[0], { line: 2, email: 'ann@acme.test', action: 'updated', changes: ['aiAccess', 'groups'], groupsCreated: [] });
    });

    it('refuses a file with an unknown column or a member caller', async () => {
      await assert.rejects(importUsersCsv(await world.ctx(world.owner), 'email,colour\n', { file: 'u.csv' }), /u\.csv:1: unknown column "colour"/);
      await assert.rejects(importUsersCsv(await world.ctx(await world.addUser()), CSV), /users\.manage/);
    });
  });
}
