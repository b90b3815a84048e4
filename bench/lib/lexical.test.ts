import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contentTerm, contentTerms, wordsOf } from './lexical.ts';

test('words drop transcript annotations and punctuation', () => {
  assert.deepEqual(wordsOf("{vocalsound} We'll meet {disfmarker} Tuesday [Laughter.] at 10."), [
    'we',
    'll',
    'meet',
    'tuesday',
    'at',
    '10',
  ]);
});

test('stop words and speech fillers carry no term; others are stemmed', () => {
  assert.equal(contentTerm('the'), undefined);
  assert.equal(contentTerm('um'), undefined);
  assert.equal(contentTerm('yeah'), undefined);
  assert.equal(contentTerm('controls'), 'control');
  assert.deepEqual(contentTerms('Um, so the remote controls are really expensive'), [
    'remot',
    'control',
    'realli',
    'expens',
  ]);
});
