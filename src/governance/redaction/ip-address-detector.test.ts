import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ipAddressDetector } from './ip-address-detector.ts';
import { found } from './test-helpers.ts';

test('IPv4 addresses with valid octets', () => {
  assert.deepEqual(found(ipAddressDetector, 'blocked 106.31.73.20, then 10.0.0.1.'), ['106.31.73.20', '10.0.0.1']);
});

test('invalid octets, leading zeros, versions and longer dotted numbers are not IPv4', () => {
  assert.deepEqual(found(ipAddressDetector, '256.1.1.1 01.2.3.4 version 1.2.3.4 v2.0.1.7 1.2.3.4.5'), []);
});

test('IPv6 addresses, full and compressed, with embedded IPv4', () => {
  assert.deepEqual(found(ipAddressDetector, 'fe80::1ff:fe23:4567:890a and 2001:db8::1 and ::ffff:192.0.2.1'), [
    'fe80::1ff:fe23:4567:890a',
    '2001:db8::1',
    '::ffff:192.0.2.1',
  ]);
  assert.deepEqual(found(ipAddressDetector, '2001:0db8:0000:0000:0000:ff00:0042:8329'), ['2001:0db8:0000:0000:0000:ff00:0042:8329']);
});

test('clock times and C++ scopes are not IPv6', () => {
  assert.deepEqual(found(ipAddressDetector, 'at 12:30:45 call std::vector, or ::'), []);
});
