import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ENV_VARS } from './config.ts';

/** Variables read only by the test helpers (src/store/testing.ts, src/jobs/testing.ts). */
const TEST_ONLY = ['CONFER_TEST_DATABASE_URL', 'CONFER_TEST_REDIS_URL'];

describe('README configuration table', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const documented = [...readme.matchAll(/^\| `(CONFER_[A-Z_]+)` \|/gm)].map((m) => m[1]);

  it('documents every variable Confer reads', () => {
    for (const name of [...Object.keys(ENV_VARS), ...TEST_ONLY]) assert.ok(documented.includes(name), `${name} is missing from the README`);
  });

  it('lists no variable that Confer does not read, and none twice', () => {
    for (const name of documented) assert.ok(name in ENV_VARS || TEST_ONLY.includes(name), `${name} is in the README but not read`);
    assert.equal(new Set(documented).size, documented.length, 'a variable is documented twice');
  });
});
