import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isLuhnValid } from './luhn.ts';

test('Luhn accepts valid check digits, with or without grouping', () => {
  assert.equal(isLuhnValid('4111111111111111'), true);
  assert.equal(isLuhnValid('4111 1111 1111 1111'), true);
  assert.equal(isLuhnValid('378282246310005'), true);
  assert.equal(isLuhnValid('79927398713'), true);
});

test('Luhn rejects a wrong check digit and non-digits', () => {
  assert.equal(isLuhnValid('4111111111111112'), false);
  assert.equal(isLuhnValid('79927398710'), false);
  assert.equal(isLuhnValid('4111a11111111111'), false);
  assert.equal(isLuhnValid('0'), false);
});
