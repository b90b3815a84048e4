import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BUILTIN_BLOCKED_PATTERNS } from './builtin-blocked-patterns.ts';
import { isCardNumber } from './credit-card.ts';
import { redactText } from './redactor.ts';

test('card numbers of the major issuers are recognised', () => {
  for (const n of ['4111111111111111', '5555555555554444', '2223003122003222', '378282246310005', '6011111111111117', '3530111333300000', '30569309025904', '4222222222222']) {
    assert.equal(isCardNumber(n), true, n);
  }
  assert.equal(isCardNumber('6304 0000 0000 0000'), true, 'Maestro, 16 digits');
});

test('Luhn-valid numbers without an issuer prefix or with the wrong length are not cards', () => {
  assert.equal(isCardNumber('1234567812345670'), false, 'Luhn-valid, no issuer starts with 1234');
  assert.equal(isCardNumber('411111111111111'), false, 'Visa never issues 15 digits');
  assert.equal(isCardNumber('4111111111111112'), false, 'bad check digit');
  assert.equal(isCardNumber('41111111111'), false, 'too short');
});

const opts = { entities: [], blockedPatterns: [BUILTIN_BLOCKED_PATTERNS.CREDIT_CARD] };

test('CREDIT_CARD blocks grouped and ungrouped card numbers', () => {
  assert.equal(redactText('card 4111 1111 1111 1111 exp 12/27', opts).text, 'card [BLOCKED] exp 12/27');
  assert.equal(redactText('cc 4111-1111-1111-1111.', opts).text, 'cc [BLOCKED].');
  const { spans } = redactText('amex 378282246310005', opts);
  assert.deepEqual(spans, [{ type: 'BLOCKED', start: 5, end: 20, value: '378282246310005', pattern: 'CREDIT_CARD' }]);
});

test('CREDIT_CARD finds the card inside a longer run of digit groups', () => {
  assert.equal(redactText('4111 1111 1111 1111 2025', opts).text, '[BLOCKED] 2025');
});

test('CREDIT_CARD leaves invalid numbers, phone numbers and long digit runs alone', () => {
  for (const text of ['4111 1111 1111 1112', 'call 415 555 0100', 'order 12345678901234567890123', 'id 1234-5678-9012-3456']) {
    assert.equal(redactText(text, opts).text, text);
  }
});
