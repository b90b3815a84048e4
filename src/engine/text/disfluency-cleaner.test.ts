import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanDisfluencies, sourceSpan } from './disfluency-cleaner.ts';

const clean = (text: string): string => cleanDisfluencies(text).text;

test('removes fillers, openers, stutters, repeats, cut-off words and hedges', () => {
  assert.equal(clean('Um, yeah, so we- we need the the budget, you know, by Friday.'), 'We need the budget by Friday.');
  assert.equal(clean('yeah , so we need to we need to finalise it , uh , by tuesday .'), 'We need to finalise it by tuesday.');
  assert.equal(clean('I think, I think we should, um, go with it.'), 'I think we should go with it.');
});

test('drops a restart: the words a speaker took back to say again', () => {
  assert.equal(clean('It would gain more in would gain more profit in sales.'), 'It would gain more profit in sales.');
  assert.equal(clean('If we go with it, we go with the plan.'), 'If we go with the plan.');
  // Contrasts and lists repeat words too, around content words: they stay.
  assert.equal(clean('On the one hand, on the other hand.'), 'On the one hand, on the other hand.');
  assert.equal(clean('The red one and the blue one and the green one.'), 'The red one and the blue one and the green one.');
});

test('keeps openers that are part of a phrase and legitimate doubles', () => {
  assert.equal(clean('Right now we are fine. So far so good.'), 'Right now we are fine. So far so good.');
  assert.equal(clean('He said that that was fine.'), 'He said that that was fine.');
  assert.equal(clean('Do you know the price?'), 'Do you know the price?');
});

test('keeps the comma before a new clause when a filler goes', () => {
  assert.equal(clean('The launch, uh, the build is done.'), 'The launch, the build is done.');
});

test('drops sentences that were only fillers, and transcriber annotations', () => {
  assert.equal(clean('Yeah. Okay. We agreed.'), 'We agreed.');
  assert.equal(clean("it's {disfmarker} it's all overlap [laughter] ."), "It's all overlap.");
  assert.equal(clean('Mm-hmm.'), '');
});

test('joins split contractions and tightens spaced punctuation', () => {
  assert.equal(clean("So that 's great . I do n't know ."), "So that's great. I don't know.");
});

test('drops lone cut-off letters but keeps "I", "a", initials and labels', () => {
  assert.equal(clean('we will sell the t at twenty euros.'), 'we will sell the at twenty euros.');
  assert.equal(clean('Plan B is a plan I like, says J. Smith.'), 'Plan B is a plan I like, says J. Smith.');
});

test('every cleaned character maps back to the same character in the source', () => {
  const source = 'Um, so, Priya, you know, will send the the deck by Friday. Yeah.';
  const result = cleanDisfluencies(source);
  assert.equal(result.sourceOffsets.length, result.text.length);
  for (let i = 0; i < result.text.length; i++) {
    const original = source[result.sourceOffsets[i]!]!;
    assert.ok(original === result.text[i] || original.toUpperCase() === result.text[i] || (result.text[i] === ' ' && /\s/.test(original)));
  }
  assert.equal(result.sourceWords, 13);
});

test('sourceSpan maps a cleaned span back to the words said', () => {
  const source = 'Um, we agreed on the blue case.';
  const result = cleanDisfluencies(source);
  const at = result.text.indexOf('agreed');
  const span = sourceSpan(result, { start: at, end: at + 'agreed on'.length });
  assert.equal(source.slice(span.start, span.end), 'agreed on');
});
