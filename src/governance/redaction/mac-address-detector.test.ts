import assert from 'node:assert/strict';
import { test } from 'node:test';
import { macAddressDetector } from './mac-address-detector.ts';
import { found } from './test-helpers.ts';

test('MAC addresses with colons, dashes or Cisco dots', () => {
  assert.deepEqual(found(macAddressDetector, '00:1A:2B:3C:4D:5E, 00-1a-2b-3c-4d-5e and 001a.2b3c.4d5e'), [
    '00:1A:2B:3C:4D:5E',
    '00-1a-2b-3c-4d-5e',
    '001a.2b3c.4d5e',
  ]);
});

test('mixed separators, wrong group counts and dotted plain numbers are not MAC addresses', () => {
  assert.deepEqual(found(macAddressDetector, '00:1A-2B:3C:4D:5E 00:1A:2B:3C:4D 1234.5678.9012'), []);
});
