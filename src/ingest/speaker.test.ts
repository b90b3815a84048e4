import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isSpeakerName, matchSpeakerPrefix, normaliseSpace } from './speaker.ts';

describe('isSpeakerName', () => {
  it('accepts names of 1 to 60 characters with a letter', () => {
    for (const name of ['A', 'Speaker 2', 'Dr. Chloé Martin-Okafor', 'x'.repeat(60), '李雷']) assert.equal(isSpeakerName(name), true, name);
  });

  it('refuses URLs, clock times, numbers and overlong names', () => {
    for (const name of ['https://x.org', 'www.example.org', '10:30', 'at 9:15am', '42', '', 'x'.repeat(61)]) {
      assert.equal(isSpeakerName(name), false, name);
    }
  });
});

describe('matchSpeakerPrefix', () => {
  it('splits Name: text and the AMI form Name : text', () => {
    assert.deepEqual(matchSpeakerPrefix('Ana: hello: there'), { speaker: 'Ana', text: 'hello: there' });
    assert.deepEqual(matchSpeakerPrefix('B : we are ready .'), { speaker: 'B', text: 'we are ready .' });
    assert.deepEqual(matchSpeakerPrefix('  Ana   Lima:'), { speaker: 'Ana Lima', text: '' });
  });

  it('needs whitespace after the colon, so URLs and times are not turns', () => {
    for (const line of ['https://x.org/a: b', '10:30 is fine', 'Ana:hello', 'no colon here', ': text']) {
      assert.equal(matchSpeakerPrefix(line), null, line);
    }
  });
});

describe('normaliseSpace', () => {
  it('collapses every kind of whitespace run to one space and trims', () => {
    assert.equal(normaliseSpace('\t a \u00a0 b\nc  d '), 'a b c d');
    assert.equal(normaliseSpace('a b'), 'a b');
  });
});
