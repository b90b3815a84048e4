/** Test support for feature runs. */
import type { TestWorld } from '../app/testing.ts';

/**
 * Turns on `models.prefer_generative` for the whole account, so that the
 * features the built-in engine serves try a usable model first.
 *
 * @example
 * await preferGenerative(world);
 */
export async function preferGenerative(world: TestWorld): Promise<void> {
  await world.services.store.settings.set({
    accountId: world.account.id,
    scope: 'account',
    scopeId: world.account.id,
    key: 'models.prefer_generative',
    value: true,
    locked: false,
    updatedAt: world.services.clock.now().toISOString(),
    updatedBy: null,
  });
}
