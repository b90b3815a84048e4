import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readCueVoices } from './webvtt-cue-text.ts';

const voices = (...lines: string[]) => readCueVoices(lines).map(({ speaker, text }) => [speaker, text.trim()]);

describe('readCueVoices', () => {
  it('reads voice spans with classes, multi-word names and optional closing tags', () => {
    assert.deepEqual(voices('<v.loud.fast Ana Lima>Hi <i>all</i></v> <v Ben>yo'), [
      ['Ana Lima', 'Hi all'],
      ['Unknown', ''],
      ['Ben', 'yo'],
    ]);
  });

  it('joins the lines of a cue with spaces', () => {
    assert.deepEqual(voices('<v Ana>first line', 'second line'), [['Ana', 'first line second line']]);
  });

  it('gives text outside voice spans to Unknown and an empty annotation too', () => {
    assert.deepEqual(voices('intro <v Ana>hi</v> outro'), [
      ['Unknown', 'intro'],
      ['Ana', 'hi'],
      ['Unknown', 'outro'],
    ]);
    assert.deepEqual(voices('<v>hi'), [['Unknown', 'hi']]);
  });

  it('strips other tags and timestamps without splitting words, and decodes references', () => {
    assert.deepEqual(voices('<v Ana>re<b>mark</b>able <00:00:01.000>&lt;3 &amp; <c.x>more</c> <ruby>漢<rt>kan</rt></ruby>'), [
      ['Ana', 'remarkable <3 & more 漢kan'],
    ]);
    assert.deepEqual(voices('<v R&amp;D Team>ok'), [['R&D Team', 'ok']]);
    assert.deepEqual(voices('a < b'), [['Unknown', 'a']]);
  });

  it('uses the Name: convention when there are no voice spans', () => {
    assert.deepEqual(voices('<b>Ana:</b> ready?', 'Ben: yes', 'let us go'), [
      ['Ana', 'ready?'],
      ['Ben', 'yes let us go'],
    ]);
    assert.deepEqual(voices('<vx>Not a voice'), [['Unknown', 'Not a voice']]);
  });
});
