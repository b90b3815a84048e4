import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emailDetector } from './email-detector.ts';
import { found } from './test-helpers.ts';

test('email addresses, including sub-domains, plus tags and Unicode', () => {
  assert.deepEqual(found(emailDetector, 'Mail UtaKortig@jourrapide.com or a.b+tag@mail.example.co.uk.'), [
    'UtaKortig@jourrapide.com',
    'a.b+tag@mail.example.co.uk',
  ]);
  assert.deepEqual(found(emailDetector, 'josé@correo.es'), ['josé@correo.es']);
});

test('handles, bare domains and malformed addresses are not emails', () => {
  assert.deepEqual(found(emailDetector, '@jdoe, example.com, user@localhost, a@b.c, x@.com'), []);
});
