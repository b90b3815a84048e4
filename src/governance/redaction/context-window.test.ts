import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasContext, keywordProximity, textAfter, textBefore } from './context-window.ts';

test('the window stays inside the sentence', () => {
  assert.equal(textBefore('My PIN changed. Room 4821', 21, 30), 'room ');
  assert.equal(textAfter('4821 is my pin. Call me', 4, 30), ' is my pin.');
  // A search after a late sentence break must not shift the next search's start.
  assert.equal(textAfter('x'.repeat(40) + '. Next one', 0, 60), `${'x'.repeat(40)}.`);
  assert.equal(textBefore('My PIN changed. Room 4821', 21, 30), 'room ');
});

test('keywords are found before or after, nearer ones scoring higher', () => {
  const text = 'passport 123 and licence 456';
  assert.equal(hasContext(text, 25, 28, /\blicence\b/, { before: 40, after: 0 }), true);
  assert.equal(hasContext(text, 9, 12, /\blicence\b/, { before: 40, after: 0 }), false);
  const near = keywordProximity(text, 25, 28, /\blicence\b/, { before: 40, after: 0 })!;
  const far = keywordProximity(text, 25, 28, /\bpassport\b/, { before: 40, after: 0 })!;
  assert.ok(near > far);
  assert.equal(keywordProximity('123 is my pin', 0, 3, /\bpin\b/, { before: 0, after: 20 })! > 0, true);
});
