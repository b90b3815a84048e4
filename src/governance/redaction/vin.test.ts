import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasValidVinCheckDigit, isVinShape } from './vin.ts';

test('the position-9 check digit is validated', () => {
  assert.equal(hasValidVinCheckDigit('1M8GDM9AXKP042788'), true, 'check digit X');
  assert.equal(hasValidVinCheckDigit('11111111111111111'), true);
  assert.equal(hasValidVinCheckDigit('1M8GDM9A1KP042788'), false);
});

test('VINs never contain I, O or Q and have 17 characters', () => {
  assert.equal(isVinShape('1M8GDM9AXKP042788'), true);
  assert.equal(isVinShape('1M8GDM9AXKP04278O'), false);
  assert.equal(isVinShape('1M8GDM9AXKP04278'), false);
  assert.equal(hasValidVinCheckDigit('IM8GDM9AXKP042788'), false);
});
