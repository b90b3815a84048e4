import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isValidIban } from './iban.ts';

test('valid IBANs pass, in print or electronic form and any case', () => {
  assert.equal(isValidIban('GB82 WEST 1234 5698 7654 32'), true);
  assert.equal(isValidIban('gb82west12345698765432'), true);
  assert.equal(isValidIban('DE89370400440532013000'), true);
  assert.equal(isValidIban('NO9386011117947'), true);
});

test('wrong check digits, lengths or countries fail', () => {
  assert.equal(isValidIban('GB82 WEST 1234 5698 7654 33'), false, 'mod 97');
  assert.equal(isValidIban('GB82 WEST 1234 5698 7654 3'), false, 'length for GB is 22');
  assert.equal(isValidIban('ZZ82WEST12345698765432'), false, 'unknown country');
  assert.equal(isValidIban('GB8AWEST12345698765432'), false, 'check digits must be digits');
});
