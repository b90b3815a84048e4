import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isValidAbaRouting } from './aba-routing.ts';

test('routing numbers with a valid 3-7-1 checksum and prefix pass', () => {
  assert.equal(isValidAbaRouting('011000015'), true);
  assert.equal(isValidAbaRouting('021000021'), true);
  assert.equal(isValidAbaRouting('121000358'), true);
});

test('a wrong checksum, an unassigned prefix or a wrong length fails', () => {
  assert.equal(isValidAbaRouting('011000016'), false);
  assert.equal(isValidAbaRouting('401000010'), false, 'prefix 40 is unassigned even though the checksum holds');
  assert.equal(isValidAbaRouting('01100001'), false);
});
