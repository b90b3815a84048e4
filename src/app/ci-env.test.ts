import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inCi } from './ci-env.ts';

test('CI=true or 1 means CI; false, empty or unset means a developer machine', () => {
  for (const value of ['true', 'TRUE', '1', 'yes']) assert.equal(inCi({ CI: value }), true, value);
  for (const value of ['false', '0', '', undefined]) assert.equal(inCi({ CI: value }), false, String(value));
});
