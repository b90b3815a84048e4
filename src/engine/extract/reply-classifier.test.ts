import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyReply } from './reply-classifier.ts';

test('reads acceptance, refusal and other replies from their opening words', () => {
  assert.equal(classifyReply('Sure, I can have it by Thursday.'), 'accept');
  assert.equal(classifyReply('Yep, on it.'), 'accept');
  assert.equal(classifyReply("Yeah, but I can't this week."), 'refuse');
  assert.equal(classifyReply('Sorry, no time before the launch.'), 'refuse');
  assert.equal(classifyReply('Which section of the wiki?'), 'none');
});
