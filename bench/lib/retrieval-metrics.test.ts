import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { recallAtK, reciprocalRank } from './retrieval-metrics.ts';

describe('retrieval metrics', () => {
  const gold = [{ from: 0, to: 10 }, { from: 80, to: 85 }];
  it('recall@k counts gold spans hit within the first k', () => {
    assert.equal(recallAtK([40, 3, 90], gold, 5), 0.5);
    assert.equal(recallAtK([40, 3, 82], gold, 5), 1);
    assert.equal(recallAtK([40, 41, 42, 43, 44, 3], gold, 5), 0);
    assert.equal(recallAtK([], gold, 5), 0);
    assert.equal(recallAtK([1], [], 5), null);
  });
  it('MRR takes the first relevant rank', () => {
    assert.equal(reciprocalRank([40, 3, 90], gold), 0.5);
    assert.equal(reciprocalRank([84], gold), 1);
    assert.equal(reciprocalRank([50, 60], gold), 0);
  });
});
