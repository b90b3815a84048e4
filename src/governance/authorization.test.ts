import assert from 'node:assert/strict';
import { it } from 'node:test';
import { can, PERMISSIONS } from './authorization.ts';

const user = (role: 'owner' | 'admin' | 'member', extra: { studio?: boolean; status?: 'active' | 'deactivated' } = {}) => ({
  role,
  studio: extra.studio ?? false,
  status: extra.status ?? ('active' as const),
});

it('gives owners every permission but studio, which is a grant', () => {
  for (const p of PERMISSIONS) assert.equal(can(user('owner'), p), p !== 'studio', p);
  assert.equal(can(user('owner', { studio: true }), 'studio'), true);
});

it('keeps the deployment mode to owners', () => {
  assert.equal(can(user('admin'), 'account.mode'), false);
  assert.equal(can(user('admin'), 'users.manage'), true);
});

it('lets members use content only', () => {
  assert.deepEqual(PERMISSIONS.filter((p) => can(user('member'), p)), ['content.use']);
  assert.equal(can(user('member', { studio: true }), 'studio'), true);
});

it('gives deactivated users nothing', () => {
  assert.deepEqual(PERMISSIONS.filter((p) => can(user('owner', { status: 'deactivated', studio: true }), p)), []);
});
