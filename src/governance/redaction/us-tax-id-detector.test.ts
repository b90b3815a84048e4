import assert from 'node:assert/strict';
import { test } from 'node:test';
import { found } from './test-helpers.ts';
import { itinDetector, ssnDetector } from './us-tax-id-detector.ts';

test('dashed SSNs that pass the validity rules', () => {
  assert.deepEqual(found(ssnDetector, "Here's my SSN: 460-89-9847 and 054-28-6917"), ['460-89-9847', '054-28-6917']);
  assert.deepEqual(found(ssnDetector, 'ids 666-12-3456, 000-12-3456, 123-00-4567, 912-34-5678'), []);
});

test('spaced or bare SSNs need an SSN word', () => {
  assert.deepEqual(found(ssnDetector, 'social security number 460899847'), ['460899847']);
  assert.deepEqual(found(ssnDetector, 'order 460899847 and 460 89 9847'), []);
});

test('ITINs start with 9 and have 7 or 8 in the fourth position', () => {
  assert.deepEqual(found(itinDetector, 'ITIN 912-78-1234, also 912-68-1234'), ['912-78-1234']);
  assert.deepEqual(found(itinDetector, 'my taxpayer id is 900801234'), ['900801234']);
  assert.deepEqual(found(itinDetector, 'ref 900801234'), []);
});
