import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SettingScope, SettingValue } from '../../core/types.ts';
import { SETTING_DEFINITIONS } from './catalogue.ts';
import { resolveAllSettings, resolveSetting, type SettingSubject } from './resolve.ts';

const KEY = 'feature.meeting.summary';
const account = { id: 'acc_1', name: 'Acme' };
const legal = { id: 'grp_legal', name: 'Legal' };
const sales = { id: 'grp_sales', name: 'Sales' };
const user = { id: 'usr_ann', email: 'ann@example.com' };
const subject = (groups = [legal, sales]): SettingSubject => ({ account, groups, user });

function stored(scope: SettingScope, scopeId: string, value: unknown, locked = false, key = KEY): SettingValue {
  return { accountId: account.id, scope, scopeId, key, value, locked, updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: null };
}

describe('resolveSetting', () => {
  it('falls back to the default when nothing is set', () => {
    const resolved = resolveSetting(KEY, subject(), []);
    assert.equal(resolved.value, true);
    assert.deepEqual(resolved.decidedBy, { level: 'default', locked: false });
    assert.equal(resolved.explanation, 'on: default');
    assert.deepEqual(resolved.trail, [
      { level: 'default', locked: false, value: true, used: true, reason: 'used: no level sets a value' },
    ]);
  });

  it('uses the most specific value when nothing is locked', () => {
    const values = [stored('account', account.id, false), stored('group', legal.id, false), stored('user', user.id, true)];
    const resolved = resolveSetting(KEY, subject(), values);
    assert.equal(resolved.value, true);
    assert.deepEqual(resolved.decidedBy, { level: 'user', id: user.id, name: user.email, locked: false });
    assert.equal(resolved.explanation, 'on: set for user ann@example.com');
    assert.deepEqual(
      resolved.trail.map((t) => [t.level, t.used, t.reason]),
      [
        ['account', false, 'not used: overridden by the value set for user ann@example.com'],
        ['group', false, 'not used: overridden by the value set for user ann@example.com'],
        ['user', true, 'used: the most specific value set'],
        ['default', false, 'not used: a level sets a value'],
      ],
    );
  });

  it('lets a group value override the account when the user sets nothing', () => {
    const resolved = resolveSetting(KEY, subject(), [stored('account', account.id, true), stored('group', sales.id, false)]);
    assert.equal(resolved.explanation, 'off: set for group Sales');
    assert.equal(resolved.trail[0].reason, 'not used: overridden by the value set for group Sales');
  });

  it('lets the account value apply when no lower level sets one', () => {
    const resolved = resolveSetting(KEY, subject(), [stored('account', account.id, false)]);
    assert.equal(resolved.explanation, 'off: set for account Acme');
    assert.deepEqual(resolved.decidedBy, { level: 'account', id: account.id, name: 'Acme', locked: false });
  });

  it('takes the first locked value from the top', () => {
    const values = [stored('account', account.id, true, true), stored('group', legal.id, false, true), stored('user', user.id, false)];
    const resolved = resolveSetting(KEY, subject(), values);
    assert.equal(resolved.value, true);
    assert.equal(resolved.explanation, 'on: locked by account Acme');
    assert.deepEqual(
      resolved.trail.map((t) => t.reason),
      [
        'used: locked, so lower levels cannot override it',
        'not used: locked by account Acme',
        'not used: locked by account Acme',
        'not used: a level sets a value',
      ],
    );
  });

  it('lets a group lock beat the user value', () => {
    const resolved = resolveSetting(KEY, subject(), [stored('group', legal.id, false, true), stored('user', user.id, true)]);
    assert.equal(resolved.value, false);
    assert.equal(resolved.explanation, 'off: locked by group Legal');
    assert.deepEqual(resolved.decidedBy, { level: 'group', id: legal.id, name: 'Legal', locked: true });
  });

  it('treats a lock at user level as a plain user value', () => {
    const resolved = resolveSetting(KEY, subject(), [stored('user', user.id, false, true)]);
    assert.equal(resolved.explanation, 'off: set for user ann@example.com');
    assert.equal(resolved.decidedBy.locked, true);
  });

  describe('a user in several groups', () => {
    it('prefers a locked group value to an unlocked, more restrictive one', () => {
      const values = [stored('group', legal.id, false), stored('group', sales.id, true, true)];
      const resolved = resolveSetting(KEY, subject(), values);
      assert.equal(resolved.explanation, 'on: locked by group Sales');
      assert.deepEqual(
        resolved.trail.filter((t) => t.level === 'group').map((t) => [t.name, t.reason]),
        [
          ['Sales', 'used: locked, so lower levels cannot override it'],
          ['Legal', 'not used: group Sales locks its value'],
        ],
      );
    });

    it('takes the most restrictive of several unlocked values', () => {
      const values = [stored('group', legal.id, true), stored('group', sales.id, false)];
      const resolved = resolveSetting(KEY, subject(), values);
      assert.equal(resolved.explanation, 'off: set for group Sales');
      assert.equal(resolved.trail[1].reason, 'not used: group Sales sets a more restrictive value');
    });

    it('takes the most restrictive of several locked values, by catalogue order for enums', () => {
      const key = 'summary.email_recipients';
      const values = [stored('group', legal.id, 'all_invitees', true, key), stored('group', sales.id, 'host_only', true, key)];
      const resolved = resolveSetting(key, subject(), values);
      assert.equal(resolved.explanation, 'host_only: locked by group Sales');
    });

    it('breaks ties by group name, then id, whatever the input order', () => {
      const alpha = { id: 'grp_z', name: 'Alpha' };
      const alphaToo = { id: 'grp_a', name: 'Alpha' };
      const values = [stored('group', sales.id, false), stored('group', alpha.id, false), stored('group', alphaToo.id, false)];
      for (const groups of [[sales, alpha, alphaToo], [alphaToo, sales, alpha]]) {
        const resolved = resolveSetting(KEY, subject(groups), [...values].reverse());
        assert.deepEqual(resolved.decidedBy, { level: 'group', id: 'grp_a', name: 'Alpha', locked: false });
        assert.deepEqual(
          resolved.trail.filter((t) => t.level === 'group').map((t) => t.id),
          ['grp_a', 'grp_z', 'grp_sales'],
        );
        assert.equal(resolved.trail[1].reason, 'not used: group Alpha sets an equally restrictive value and sorts first by name, then id');
      }
    });

    it('ranks shorter lists as more restrictive', () => {
      const key = 'data_sources.kinds';
      const values = [stored('group', legal.id, ['mail', 'files'], false, key), stored('group', sales.id, ['mail'], false, key)];
      const resolved = resolveSetting(key, subject(), values);
      assert.deepEqual(resolved.value, ['mail']);
      assert.equal(resolved.explanation, 'mail: set for group Sales');
    });
  });

  it('reads only the subject’s own values', () => {
    const values = [
      stored('group', 'grp_other', false, true),
      stored('user', 'usr_bob', false),
      { ...stored('account', account.id, false, true), accountId: 'acc_other' },
      stored('account', account.id, false, true, 'summary.email_delivery'),
    ];
    const resolved = resolveSetting(KEY, subject(), values);
    assert.equal(resolved.explanation, 'on: default');
    assert.equal(resolved.trail.length, 1);
  });

  it('skips stored values that no longer fit the catalogue and says so', () => {
    const values = [stored('account', account.id, 'off', true), stored('group', legal.id, false)];
    const resolved = resolveSetting(KEY, subject(), values);
    assert.equal(resolved.explanation, 'off: set for group Legal');
    const ignored = resolved.trail.find((t) => t.level === 'account');
    assert.equal(ignored?.used, false);
    assert.equal(ignored?.reason, 'ignored: the stored value no longer fits (expects true or false, got "off")');
  });

  it('formats list values and empty lists in explanations', () => {
    const key = 'data_sources.kinds';
    assert.equal(resolveSetting(key, subject(), []).explanation, 'mail, calendar, files: default');
    assert.equal(resolveSetting(key, subject(), [stored('user', user.id, [], false, key)]).explanation, 'none: set for user ann@example.com');
  });

  it('rejects an unknown key', () => {
    assert.throws(() => resolveSetting('feature.nope', subject(), []), /unknown setting "feature\.nope"/);
  });
});

describe('resolveAllSettings', () => {
  it('resolves every key of the catalogue in order, each from its own values', () => {
    const values = [
      stored('group', legal.id, false, true),
      stored('account', account.id, 'all_invitees', false, 'summary.email_recipients'),
      stored('user', user.id, true, false, 'data_sources.enabled'),
    ];
    const all = resolveAllSettings(subject(), values);
    assert.deepEqual(all.map((s) => s.key), SETTING_DEFINITIONS.map((d) => d.key));
    const byKey = new Map(all.map((s) => [s.key, s]));
    assert.equal(byKey.get(KEY)?.explanation, 'off: locked by group Legal');
    assert.equal(byKey.get('summary.email_recipients')?.explanation, 'all_invitees: set for account Acme');
    assert.equal(byKey.get('data_sources.enabled')?.explanation, 'on: set for user ann@example.com');
    assert.equal(byKey.get('feature.meeting.questions')?.explanation, 'on: default');
    for (const setting of all) assert.deepEqual(setting, resolveSetting(setting.key, subject(), values));
  });
});
