import assert from 'node:assert/strict';
import { test } from 'node:test';
import { phoneDetector } from './phone-detector.ts';
import { found } from './test-helpers.ts';

test('US formats and extensions', () => {
  assert.deepEqual(found(phoneDetector, 'Call 905-674-3793, (212) 555-0100 or 345-899-3560x4587.'), [
    '905-674-3793',
    '(212) 555-0100',
    '345-899-3560x4587',
  ]);
});

test('international formats', () => {
  assert.deepEqual(found(phoneDetector, 'Desk: +46 (0)8 928 571 38, mobile +447700 921 916, +1-984-182-0190'), [
    '+46 (0)8 928 571 38',
    '+447700 921 916',
    '+1-984-182-0190',
  ]);
  assert.deepEqual(found(phoneDetector, 'Tel 03.93.92.16.85'), ['03.93.92.16.85']);
});

test('numbers in a list of labelled numbers', () => {
  assert.deepEqual(found(phoneDetector, '082 490 1693-Office\\,+41 (0)69 979 80 58-Fax'), ['082 490 1693', '+41 (0)69 979 80 58']);
  assert.deepEqual(found(phoneDetector, 'stop sending messages to 699 956 915'), ['699 956 915']);
});

test('short or bare numbers need a phone word nearby', () => {
  assert.deepEqual(found(phoneDetector, 'call me on 467 3395'), ['467 3395']);
  assert.deepEqual(found(phoneDetector, 'order 467 3395 shipped'), []);
  assert.deepEqual(found(phoneDetector, 'my mobile is 9498777106'), ['9498777106']);
  assert.deepEqual(found(phoneDetector, 'invoice 9498777106'), []);
});

test('dates, times, amounts, IP addresses and card numbers are not phones', () => {
  assert.deepEqual(
    found(phoneDetector, 'On 2020-06-20 11:34:35, 12-05-2021 and 12.05.2021 we paid 1.234.567 EUR, 10.0.0.1, 4111 1111 1111 1111'),
    [],
  );
  assert.deepEqual(found(phoneDetector, 'it cost 555 1234 dollars'), []);
  assert.deepEqual(found(phoneDetector, 'The office is at 17031 2202 Rissik St'), [], 'a street number, not a phone');
});
