import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reportSpeech } from './reported-speech.ts';

test('the speaker takes the place of the first "I", the group of the first "we"; other first-person words become "they"', () => {
  assert.equal(reportSpeech('I think we should keep the LCD.', { speaker: 'Marketing' }), 'Marketing thought the group should keep the LCD.');
  assert.equal(reportSpeech('We agreed. We are done, I guess.', { speaker: 'Tom' }), 'The group agreed. They were done, Tom guessed.');
  assert.equal(reportSpeech('I told them my plan, and I stand by it.', { speaker: 'Ana Silva' }), 'Ana Silva told them their plan, and they stand by it.');
  assert.equal(reportSpeech('Our budget is ours to spend, so give us the numbers.'), 'Their budget was theirs to spend, so give them the numbers.');
  assert.equal(reportSpeech('You said your team can do it yourselves.'), 'They said their team could do it themselves.');
});

test('a bare letter or a generic label is not a name: "I" becomes "they", with a plural verb', () => {
  assert.equal(reportSpeech('I am not sure, I was away.', { speaker: 'A' }), 'They were not sure, they were away.');
  assert.equal(reportSpeech("I'm on it.", { speaker: 'Speaker 2' }), 'They were on it.');
  assert.equal(reportSpeech("I'm on it.", { speaker: 'Priya' }), 'Priya was on it.');
});

test('auxiliaries and contractions move one tense back; what someone will do stays in the future', () => {
  assert.equal(reportSpeech("I'll send it Friday, it won't wait.", { speaker: 'Tom' }), 'Tom will send it Friday, it will not wait.');
  assert.equal(reportSpeech("It's too expensive, we'll drop the joystick."), 'It was too expensive, the group will drop the joystick.');
  assert.equal(reportSpeech("We can't ship it and we don't have to."), 'The group could not ship it and they did not have to.');
  assert.equal(reportSpeech("You're right, it's been a long week and we've got a plan."), 'They were right, it had been a long week and the group had got a plan.');
  assert.equal(reportSpeech("We're gonna need the data."), 'The group were going to need the data.');
  assert.equal(reportSpeech("I'd rather wait. I'd better ask.", { speaker: 'Tom' }), 'Tom would rather wait. They had better ask.');
});

test('the verb after any subject pronoun moves to the past', () => {
  assert.equal(reportSpeech('It seems fine, they want it and she thinks it works.'), 'It seemed fine, they wanted it and she thought it worked.');
  assert.equal(reportSpeech('You know it goes there.'), 'They knew it went there.');
  assert.equal(reportSpeech('I will tell you something if you want, thank you.', { speaker: 'Ana' }), 'Ana will tell them something if they wanted, thank them.');
  assert.equal(reportSpeech("I'll let you know."), 'They will let them know.');
});

test('"you" stays when the sentence names whom it speaks to; "let\'s" is what the group will do', () => {
  assert.equal(reportSpeech('Priya, could you tell marketing?', { speaker: 'Maya' }), 'Priya, could you tell marketing?');
  assert.equal(reportSpeech('Can you take it, Sam?'), 'Could you take it, Sam?');
  assert.equal(reportSpeech("Then let's go with Relaymark."), 'Then the group will go with Relaymark.');
  assert.equal(reportSpeech("Let's go with it."), 'The group will go with it.');
});

test('verb groups, infinitives and nouns keep their form', () => {
  assert.equal(reportSpeech('We should have done it, we need to do it now.'), 'The group should have done it, they needed to do it now.');
  assert.equal(reportSpeech('Do we have the will to do it?'), 'Did the group have the will to do it?');
  assert.equal(reportSpeech("Then I'll have a map, and we'd be done.", { speaker: 'Ana' }), 'Then Ana will have a map, and the group would be done.');
  assert.equal(reportSpeech('Put a can of paint there in May.'), 'Put a can of paint there in May.');
  assert.equal(reportSpeech("We didn't think it is worth it."), 'The group did not think it was worth it.');
});

test('minutes spell negations out', () => {
  assert.equal(reportSpeech("It isn't ready, it wouldn't fit and they won't wait."), 'It was not ready, it would not fit and they will not wait.');
  assert.equal(reportSpeech('We don’t know.'), 'The group did not know.');
});

test('retold, what someone will do becomes what they would do; "will" as a noun or a name stays', () => {
  const retold = { speaker: 'Tom', shiftWill: true };
  assert.equal(reportSpeech("I'll send it Friday, it won't wait.", retold), 'Tom would send it Friday, it would not wait.');
  assert.equal(reportSpeech("We will ship. Let's go with it.", retold), 'The group would ship. They would go with it.');
  assert.equal(reportSpeech('Do we have the will to do it? Ask Will.', retold), 'Did the group have the will to do it? Ask Will.');
});

test('content words, numbers and punctuation are kept exactly', () => {
  assert.equal(reportSpeech('Phase I is done and I am glad.', { speaker: 'Ana' }), 'Phase I was done and Ana was glad.');
  assert.equal(reportSpeech('The remote costs 12.5 Euros, half rubber, half plastic.'), 'The remote costs 12.5 Euros, half rubber, half plastic.');
  assert.equal(reportSpeech(''), '');
  assert.equal(reportSpeech('It constructor, we toString the hasOwnProperty.'), 'It constructor, the group toString the hasOwnProperty.');
});

test('minutes leave out hedges, but not "kind of" as a noun or "just" meaning only or a moment ago', () => {
  assert.equal(reportSpeech('Basically we just need a remote that is kind of big, really.', { speaker: 'Ana' }), 'The group needed a remote that was big, really.');
  assert.equal(reportSpeech('What kind of remote do you actually want?'), 'What kind of remote did they want?');
  assert.equal(reportSpeech('We had just left. It is just two buttons.'), 'The group had just left. It was just two buttons.');
  assert.equal(reportSpeech('I sort of think so.', { speaker: 'Ana' }), 'Ana thought so.');
  assert.equal(reportSpeech('It is fine. Actually, iPhones work too.'), 'It was fine. iPhones work too.');
});
