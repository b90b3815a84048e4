import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addCue, groupVoices } from './cue-voices.ts';
import { matchSpeakerPrefix } from './speaker.ts';
import { TurnList } from './turn-list.ts';
import type { TimedTurn } from './types.ts';

describe('groupVoices', () => {
  it('starts a voice at each label and continues it on unlabelled lines', () => {
    assert.deepEqual(groupVoices(['opening', 'Ana: so', 'we agree?', 'Ben: yes'], matchSpeakerPrefix), [
      { speaker: 'Unknown', text: 'opening' },
      { speaker: 'Ana', text: 'so we agree?' },
      { speaker: 'Ben', text: 'yes' },
    ]);
  });
});

describe('addCue', () => {
  it('adds a single voice with the cue times and reports no estimate', () => {
    const turns = new TurnList<TimedTurn>('a.vtt');
    assert.equal(addCue(turns, 3, 5, 8, [{ speaker: 'Ana', text: ' hello ' }, { speaker: 'Ben', text: '  ' }]), false);
    assert.deepEqual(turns.items, [{ speaker: 'Ana', text: 'hello', start: 5, end: 8 }]);
  });

  it('merges neighbours with the same speaker and splits the time among the rest by words', () => {
    const turns = new TurnList<TimedTurn>('a.vtt');
    const split = addCue(turns, 3, 5, 8, [
      { speaker: 'Ana', text: 'one' },
      { speaker: 'Ana', text: 'two' },
      { speaker: 'Ben', text: 'three' },
    ]);
    assert.equal(split, true);
    assert.deepEqual(turns.items, [
      { speaker: 'Ana', text: 'one two', start: 5, end: 7 },
      { speaker: 'Ben', text: 'three', start: 7, end: 8 },
    ]);
  });

  it('adds nothing for a cue without text', () => {
    const turns = new TurnList<TimedTurn>('a.vtt');
    assert.equal(addCue(turns, 3, 5, 8, []), false);
    assert.deepEqual(turns.items, []);
  });
});
