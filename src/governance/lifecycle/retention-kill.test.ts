import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { createTestWorld, type TestWorld } from '../../app/testing.ts';
import { DAY, ManualClock } from '../../core/clock.ts';
import { DIALECTS } from '../../store/testing.ts';
import { createHold } from './legal-holds.ts';
import { setRetentionPolicy } from './retention-policies.ts';
import { runRetentionSweep } from './retention-sweep.ts';
import { storeMeeting } from './testing.ts';

const SWEEP_CHILD = fileURLToPath(new URL('./__fixtures__/sweep-child.ts', import.meta.url));

for (const dialect of DIALECTS) {
  const skip = await dialect.skip();
  describe(`a retention sweep killed midway: ${dialect.name}`, { skip: skip ?? false }, () => {
    let world: TestWorld;
    let url: string;
    const clock = new ManualClock('2026-03-04T15:00:00.000Z');

    before(async () => {
      const testStore = await dialect.create();
      world = await createTestWorld({ testStore, clock });
      url = testStore.schema ? `${testStore.url}?options=${encodeURIComponent(`-c search_path=${testStore.schema}`)}` : testStore.url;
    });
    after(() => world.close());

    it('loses the batch in flight only; the rerun deletes each item exactly once and keeps what is held', async () => {
      const ctx = await world.ctx(world.owner);
      const ids: string[] = [];
      for (let i = 0; i < 12; i++) ids.push(await storeMeeting(ctx, `Killed sweep ${i}`));
      await createHold(ctx, { name: 'keep-3', reason: 'inquiry', artifactId: ids[3] });
      await setRetentionPolicy(ctx, { kind: 'artifact', target: 'meeting', days: 1, mode: 'permanent' });
      clock.advance(2 * DAY);

      const child = spawn(process.execPath, ['--import', 'tsx', SWEEP_CHILD, url, clock.now().toISOString(), '5', '3'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      let stdout = '';
      for await (const chunk of child.stdout) {
        stdout += chunk;
        if (stdout.includes('paused')) break;
      }
      assert.match(stdout, /paused after 5/, `the sweep did not reach its pause point: ${stderr}`);
      child.kill('SIGKILL');
      await once(child, 'exit');

      const store = world.services.store;
      const left = async () => (await Promise.all(ids.map((id) => store.retention.artifactAnyState(ctx.account.id, id)))).filter(Boolean).length;
      const afterKill = await left();
      assert.ok(afterKill < 12 && afterKill > 1, `one batch committed, the one in flight rolled back (${afterKill} left)`);

      await runRetentionSweep(world.services);
      assert.equal(await left(), 1, 'only the held meeting remains');
      assert.ok(await store.retention.artifactAnyState(ctx.account.id, ids[3]));
      const purged = (await store.audit.list(ctx.account.id, { action: 'retention.purge', limit: 1000 })).flatMap((e) => e.details.artifactIds as string[]);
      assert.equal(purged.length, 11);
      assert.equal(new Set(purged).size, 11, 'no item was deleted twice');
      for (const id of ids) assert.equal(await store.segments.count(id), id === ids[3] ? 3 : 0);
    });
  });
}
