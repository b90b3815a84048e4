import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isValidItin, isValidSsn } from './us-tax-ids.ts';

test('SSN validity rules', () => {
  assert.equal(isValidSsn('536-22-1234'), true);
  assert.equal(isValidSsn('536 22 1234'), true);
  assert.equal(isValidSsn('536221234'), true);
  for (const bad of ['000-22-1234', '666-22-1234', '912-22-1234', '536-00-1234', '536-22-0000', '536-22 1234']) {
    assert.equal(isValidSsn(bad), false, bad);
  }
});

test('ITIN: nine digits, first 9, fourth 7 or 8', () => {
  assert.equal(isValidItin('912-78-1234'), true);
  assert.equal(isValidItin('900-80-0000'), true);
  assert.equal(isValidItin('912-68-1234'), false);
  assert.equal(isValidItin('812-78-1234'), false);
});
