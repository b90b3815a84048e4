import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { precisionRecall, scoreDetections } from './labelled-score.ts';

describe('labelled-set scoring', () => {
  it('matches by cited segment, counts recaps as duplicates and the rest as false positives', () => {
    const c = scoreDetections([{ segments: [20] }, { segments: [20, 21] }, { segments: [5] }], [{ segment: 20 }, { segment: 40 }]);
    assert.deepEqual([c.matched, c.duplicates, c.falsePositives], [1, 1, 1]);
    assert.deepEqual(precisionRecall(c), { precision: 0.5, recall: 0.5 });
  });
  it('accepts the accepting turn for action items and checks owner and due date', () => {
    const labels = [{ segment: 36, owner: 'Oliver Grant', due: '2026-06-15', acceptedIn: 37 }];
    const c = scoreDetections([{ segments: [37], owner: 'oliver grant', due: '2026-06-16' }], labels);
    assert.deepEqual([c.matched, c.ownerRight, c.dueRight], [1, 1, 0]);
  });
});
