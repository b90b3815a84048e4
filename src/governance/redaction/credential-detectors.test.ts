import assert from 'node:assert/strict';
import { test } from 'node:test';
import { passwordDetector, pinDetector, usernameDetector } from './credential-detectors.ts';
import { found } from './test-helpers.ts';

test('a PIN is four digits announced as a PIN, passcode or code', () => {
  assert.deepEqual(found(pinDetector, 'My PIN is 4821.'), ['4821']);
  assert.deepEqual(found(pinDetector, 'passcode: 0000, the door code 1234'), ['0000', '1234']);
  assert.deepEqual(found(pinDetector, '7395 is my pin'), ['7395']);
});

test('four digits without a PIN word, or with another kind of code, are not a PIN', () => {
  assert.deepEqual(found(pinDetector, 'Room 4821 in 2024'), []);
  assert.deepEqual(found(pinDetector, 'zip code 1234, error code 4040, area code 0201'), []);
  assert.deepEqual(found(pinDetector, 'PIN 48213'), [], 'five digits');
});

test('a password is the value after the keyword', () => {
  assert.deepEqual(found(passwordDetector, 'password: hunter2'), ['hunter2']);
  assert.deepEqual(found(passwordDetector, 'the wifi pwd=Tr0ub4dor&3; the passcode is "correct horse battery"'), ['Tr0ub4dor&3', 'correct horse battery']);
  assert.deepEqual(found(passwordDetector, 'My password for the portal is s3cr3t!x.'), ['s3cr3t!x']);
});

test('talking about passwords discloses none', () => {
  assert.deepEqual(found(passwordDetector, 'I forgot my password. The password is incorrect. Reset your password every month.'), []);
  assert.deepEqual(found(passwordDetector, 'password-protected files'), []);
});

test('usernames after a keyword and @handles', () => {
  assert.deepEqual(found(usernameDetector, 'username: jdoe_42, login is asmith'), ['jdoe_42', 'asmith']);
  assert.deepEqual(found(usernameDetector, 'ping @jane.doe or my handle @dev_ops'), ['@jane.doe', '@dev_ops']);
});

test('ordinary words after "login" and e-mail addresses are not usernames', () => {
  assert.deepEqual(found(usernameDetector, 'the login page; enter your username and password; mail jane@example.com'), []);
});
