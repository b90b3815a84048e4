import assert from 'node:assert/strict';
import { test } from 'node:test';
import { driverIdDetector, licensePlateDetector, passportDetector, vinDetector } from './id-document-detectors.ts';
import { redactText } from './redactor.ts';
import { found } from './test-helpers.ts';

test('US passport numbers need the word passport', () => {
  assert.deepEqual(found(passportDetector, 'passport number 123456789, next-gen passport A12345678'), ['123456789', 'A12345678']);
  assert.deepEqual(found(passportDetector, 'order 123456789'), []);
});

test('driver licence numbers of several state formats near a licence word', () => {
  assert.deepEqual(found(driverIdDetector, "my driver's license number is 2270-66-1551"), ['2270-66-1551']);
  assert.deepEqual(found(driverIdDetector, 'DL F162823540116; driving licence A123-4567-8901'), ['F162823540116', 'A123-4567-8901']);
  assert.deepEqual(found(driverIdDetector, 'invoice A1234567'), []);
});

test('licence plates near a plate word', () => {
  assert.deepEqual(found(licensePlateDetector, 'licence plate 7ABC123, registration AB12 CDE'), ['7ABC123', 'AB12 CDE']);
  assert.deepEqual(found(licensePlateDetector, 'flight BA123'), []);
});

test('each number goes to its nearest keyword', () => {
  const { text } = redactText('plate 7ABC123 driver license A1234567 passport 123456789', {
    entities: ['LICENSE_PLATE', 'DRIVER_ID', 'PASSPORT_NUMBER'],
  });
  assert.equal(text, 'plate [LICENSE_PLATE] driver license [DRIVER_ID] passport [PASSPORT_NUMBER]');
});

test('a VIN with a valid check digit needs no keyword; one without needs a VIN word', () => {
  assert.deepEqual(found(vinDetector, 'car 1M8GDM9AXKP042788 and code 1M8GDM9A1KP042788'), ['1M8GDM9AXKP042788', '1M8GDM9A1KP042788']);
  assert.deepEqual(found(vinDetector, 'ref WVWZZZ1JZXW000001'), []);
  assert.deepEqual(found(vinDetector, 'VIN WVWZZZ1JZXW000001 (European, no check digit)'), ['WVWZZZ1JZXW000001']);
});
