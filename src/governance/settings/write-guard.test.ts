import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../core/errors.ts';
import type { SettingScope, SettingValue } from '../../core/types.ts';
import { assertNotLockedAbove, lockAbove, type SettingTarget } from './write-guard.ts';

const KEY = 'feature.meeting.summary';
const account = { id: 'acc_1', name: 'Acme' };
const legal = { id: 'grp_legal', name: 'Legal' };
const sales = { id: 'grp_sales', name: 'Sales' };
const user = { id: 'usr_ann', email: 'ann@example.com' };

const onAccount: SettingTarget = { scope: 'account', account };
const onSales: SettingTarget = { scope: 'group', account, group: sales };
const onUser: SettingTarget = { scope: 'user', account, groups: [sales, legal], user };

function stored(scope: SettingScope, scopeId: string, value: unknown, locked: boolean, key = KEY): SettingValue {
  return { accountId: account.id, scope, scopeId, key, value, locked, updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: null };
}

describe('lockAbove', () => {
  it('finds nothing above the account', () => {
    assert.equal(lockAbove(KEY, onAccount, [stored('account', account.id, false, true)]), null);
  });

  it('finds an account lock above a group and a user', () => {
    const values = [stored('account', account.id, false, true)];
    const holder = { level: 'account', id: account.id, name: 'Acme' };
    assert.deepEqual(lockAbove(KEY, onSales, values), holder);
    assert.deepEqual(lockAbove(KEY, onUser, values), holder);
  });

  it('finds a lock of any of the user’s groups, naming the first by name', () => {
    const values = [stored('group', sales.id, true, true), stored('group', legal.id, false, true)];
    assert.deepEqual(lockAbove(KEY, onUser, values), { level: 'group', id: legal.id, name: 'Legal' });
  });

  it('ignores unlocked values, other groups, other keys, other accounts and stale values', () => {
    const values = [
      stored('account', account.id, false, false),
      stored('group', legal.id, false, true),
      stored('group', sales.id, false, true, 'summary.email_delivery'),
      { ...stored('account', account.id, false, true), accountId: 'acc_other' },
      stored('account', account.id, 'no', true),
    ];
    assert.equal(lockAbove(KEY, onSales, values), null);
    assert.equal(lockAbove(KEY, { scope: 'user', account, groups: [sales], user }, values), null);
  });

  it('does not treat a group’s own lock as above it', () => {
    assert.equal(lockAbove(KEY, onSales, [stored('group', sales.id, false, true)]), null);
  });
});

describe('assertNotLockedAbove', () => {
  it('allows a write that takes effect', () => {
    assert.doesNotThrow(() => assertNotLockedAbove(KEY, onUser, [stored('account', account.id, false, false)]));
  });

  it('refuses a write below a lock with a conflict naming the locking level', () => {
    try {
      assertNotLockedAbove(KEY, onUser, [stored('group', legal.id, false, true)]);
      assert.fail('expected a conflict');
    } catch (error) {
      assert.ok(AppError.isInstance(error));
      assert.equal(error.code, 'conflict');
      assert.equal(error.status, 409);
      assert.equal(
        error.message,
        'setting "feature.meeting.summary" is locked by group Legal; unlock it there before setting it for user ann@example.com',
      );
      assert.deepEqual(error.details, { key: KEY, lockedBy: { level: 'group', id: legal.id, name: 'Legal' } });
    }
  });

  it('names the group being written to', () => {
    assert.throws(
      () => assertNotLockedAbove(KEY, onSales, [stored('account', account.id, true, true)]),
      /locked by account Acme; unlock it there before setting it for group Sales/,
    );
  });

  it('rejects an unknown key', () => {
    assert.throws(() => assertNotLockedAbove('feature.nope', onSales, []), /unknown setting/);
  });
});
