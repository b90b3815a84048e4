import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { quoteLine } from './quote-line.ts';

describe('quoteLine', () => {
  it('quotes a trimmed line', () => {
    assert.equal(quoteLine('  00:01:0 --> 00:01:05.000 '), '"00:01:0 --> 00:01:05.000"');
  });

  it('shortens a long line to the limit with an ellipsis', () => {
    assert.equal(quoteLine('x'.repeat(60)), `"${'x'.repeat(60)}"`);
    assert.equal(quoteLine('x'.repeat(61)), `"${'x'.repeat(59)}…"`);
    assert.equal(quoteLine('abcdef', 4), '"abc…"');
  });
});
