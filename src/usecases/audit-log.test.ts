import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { createTestWorld, type TestWorld } from '../app/testing.ts';
import { createGroup } from './directory.ts';
import { exportAudit, listAudit, verifyAudit } from './audit-log.ts';

describe('audit log verification', () => {
  let world: TestWorld;
  let db: Database.Database;
  beforeEach(async () => {
    world = await createTestWorld();
    const ctx = await world.ctx(world.owner);
    for (const name of ['A', 'B', 'C', 'D']) await createGroup(ctx, { name });
    db = new Database(world.testStore.url);
  });
  afterEach(async () => {
    db.close();
    await world.close();
  });
  const verify = async () => verifyAudit(await world.ctx(world.owner), { pageSize: 2 });
  const row = (seq: number) => db.prepare('select * from audit_events where account_id = ? and seq = ?').get(world.account.id, seq) as { id: string };

  it('passes an intact chain, across pages', async () => {
    const result = await verify();
    assert.equal(result.ok, true);
    assert.equal(result.checked, 7);
    assert.equal(result.head?.seq, 7);
  });

  it('names a changed record', async () => {
    db.prepare("update audit_events set at = '2020-01-01T00:00:00.000Z' where account_id = ? and seq = 5").run(world.account.id);
    const { ok, problem } = await verify();
    assert.equal(ok, false);
    assert.deepEqual([problem?.kind, problem?.seq, problem?.id], ['tampered', 5, row(5).id]);
  });

  it('names records moved out of order', async () => {
    db.prepare('update audit_events set seq = -4 where account_id = ? and seq = 4').run(world.account.id);
    db.prepare('update audit_events set seq = 4 where account_id = ? and seq = 5').run(world.account.id);
    db.prepare('update audit_events set seq = 5 where account_id = ? and seq = -4').run(world.account.id);
    const { problem } = await verify();
    assert.deepEqual([problem?.kind, problem?.seq], ['reordered', 4]);
  });

  it('names records cut from the end of the log', async () => {
    db.prepare('delete from audit_events where account_id = ? and seq >= 6').run(world.account.id);
    const { problem } = await verify();
    assert.deepEqual([problem?.kind, problem?.seq], ['truncated', 6]);
    assert.match(problem!.message, /records 6–7 are missing/);
  });

  it('filters by actor, action and target and exports JSON lines since a time', async () => {
    const ctx = await world.ctx(world.owner);
    const groups = await listAudit(ctx, { action: 'group.create', actor: world.owner.email });
    assert.equal(groups.length, 4);
    assert.deepEqual(await listAudit(ctx, { target: `group:${groups[0].targetId}` }), [groups[0]]);
    const lines: string[] = [];
    assert.equal(await exportAudit(ctx, { since: '2026-03-04T15:00:00Z' }, (l) => void lines.push(l)), 8);
    assert.equal(JSON.parse(lines.at(-1)!).action, 'audit.export');
    await assert.rejects(listAudit(await world.ctx(await world.addUser()), {}), /audit\.read/);
  });
});
