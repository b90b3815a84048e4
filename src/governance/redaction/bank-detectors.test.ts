import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bankAccountDetector, bankRoutingDetector, ibanDetector, swiftDetector } from './bank-detectors.ts';
import { found } from './test-helpers.ts';

test('IBANs with a valid check, electronic or grouped, any case', () => {
  assert.deepEqual(found(ibanDetector, 'My IBAN is GB56HXDO88167774656119, also gb82 west 1234 5698 7654 32 to pay'), [
    'GB56HXDO88167774656119',
    'gb82 west 1234 5698 7654 32',
  ]);
  assert.deepEqual(found(ibanDetector, 'IBAN GB82 WEST 1234 5698 7654 32 to pay, DE89370400440532013000.'), [
    'GB82 WEST 1234 5698 7654 32',
    'DE89370400440532013000',
  ]);
  assert.deepEqual(found(ibanDetector, 'gb82west12345698765432'), ['gb82west12345698765432']);
});

test('IBAN-shaped strings with a wrong check or length are not IBANs', () => {
  assert.deepEqual(found(ibanDetector, 'GB82WEST12345698765433 GB82WEST123456987654 XX82WEST12345698765432'), []);
});

test('routing numbers need the ABA checksum and a routing word', () => {
  assert.deepEqual(found(bankRoutingDetector, 'routing number 011000015'), ['011000015']);
  assert.deepEqual(found(bankRoutingDetector, 'routing number 011000016'), [], 'bad checksum');
  assert.deepEqual(found(bankRoutingDetector, 'ticket 011000015'), [], 'no keyword');
});

test('bank account numbers need an account word', () => {
  assert.deepEqual(found(bankAccountDetector, 'checking account 000123456789'), ['000123456789']);
  assert.deepEqual(found(bankAccountDetector, 'order 000123456789'), []);
});

test('SWIFT codes: keyword, or a real country code and a digit in the location or branch', () => {
  assert.deepEqual(found(swiftDetector, 'SWIFT: DEUTDEFF, BIC NWBKGB2L'), ['DEUTDEFF', 'NWBKGB2L']);
  assert.deepEqual(found(swiftDetector, 'Send to CHASUS33XXX'), ['CHASUS33XXX']);
  assert.deepEqual(found(swiftDetector, 'THIS IS BUSINESS CRITICAL, DEUTDEFF'), [], 'all-letter codes need a keyword');
  assert.deepEqual(found(swiftDetector, 'swift ABCDZZ22'), [], 'ZZ is not a country');
});
