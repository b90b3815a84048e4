import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestWorld, type TestWorld } from '../../app/testing.ts';
import { AppError } from '../../core/errors.ts';
import { createHold } from './legal-holds.ts';

const codeOf = (error: unknown) => (AppError.isInstance(error) ? error.code : String(error));

describe('legal hold date ranges', () => {
  let world: TestWorld;
  before(async () => {
    world = await createTestWorld();
  });
  after(() => world.close());

  it('takes a bare end date as the whole of that day, and a bare start date from its first instant', async () => {
    const ctx = await world.ctx(world.owner);
    const hold = await createHold(ctx, { name: 'february', reason: 'inquiry', from: '2026-02-01', to: '2026-02-28' });
    assert.equal(hold.from, '2026-02-01T00:00:00.000Z');
    assert.equal(hold.to, '2026-02-28T23:59:59.999Z');
  });

  it('keeps an end given as an instant exactly', async () => {
    const ctx = await world.ctx(world.owner);
    const hold = await createHold(ctx, { name: 'to-noon', reason: 'inquiry', to: '2026-02-28T12:00:00Z' });
    assert.equal(hold.to, '2026-02-28T12:00:00.000Z');
  });

  it('refuses a bound that is not a date', async () => {
    const ctx = await world.ctx(world.owner);
    await assert.rejects(createHold(ctx, { name: 'bad', reason: 'inquiry', to: 'end of February' }), (e) => codeOf(e) === 'invalid_input');
  });

  it('refuses a name with control characters, whoever calls (HTTP, CLI)', async () => {
    const ctx = await world.ctx(world.owner);
    await assert.rejects(createHold(ctx, { name: 'acme\u001b[2J', reason: 'inquiry', to: '2026-02-28' }), (e) =>
      codeOf(e) === 'invalid_input' && /name: a hold name must not contain control characters/.test((e as Error).message));
  });
});
