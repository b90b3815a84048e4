import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nameDetector } from './name-detector.ts';
import { ParticipantIndex } from './participants.ts';
import { found } from './test-helpers.ts';

const names = (text: string, participants: string[] = []) =>
  found(nameDetector, text, { participants: ParticipantIndex.from(participants) });

test('people compromise knows, with titles left out of the span', () => {
  assert.deepEqual(names('Dr. Cettina Fanucci met Kevin and ms. Marcela yesterday.'), ['Cettina Fanucci', 'Kevin', 'Marcela']);
});

test('names outside the English vocabulary, from their shape and context', () => {
  assert.deepEqual(names('Krisztián Szöllösy listed his top 20 songs.'), ['Krisztián Szöllösy']);
  assert.deepEqual(names('My name is Rubija'), ['Rubija']);
  assert.deepEqual(names('Directed By: Johannes Varvio'), ['Johannes Varvio']);
  assert.deepEqual(names('Stefanía K. Oddgeirsdóttir will be talking'), ['Stefanía K. Oddgeirsdóttir']);
});

test('speaker labels and vocatives', () => {
  assert.deepEqual(names('Ubul: What a wife.\nNicole: Remember me?'), ['Ubul', 'Nicole']);
  assert.deepEqual(names('Warrane, can I please speak to your boss?'), ['Warrane']);
});

test('a later mention of part of a full name is the same person', () => {
  assert.deepEqual(names("the verses from Faina D. Yefremova's Cautionary Tales. Is there a better example than early Yefremova?"), [
    'Faina D. Yefremova',
    'Yefremova',
  ]);
});

test('names listed together with a name are names', () => {
  assert.deepEqual(names('Our 3 founders: Eklund, Michael and Hodge.'), ['Eklund', 'Michael', 'Hodge']);
});

test('organisations, places, streets and common capitalised words are not names', () => {
  assert.deepEqual(names('Microbilt Corporation hired staff in Paris.'), []);
  assert.deepEqual(names('We moved here from Kenosha. Entertainment Weekly agreed. Maybe it works.'), []);
  assert.deepEqual(names('Send it to 5049 Harjukuja 54, or Brucker Bundesstrasse 31.'), []);
  assert.deepEqual(names('Tomomi is from Hawkins, Richardson and Santana'), ['Tomomi'], 'a firm named after its partners');
});

test('lower-case names after a strong cue, as speaker labels, or as compromise reads them', () => {
  assert.deepEqual(names('my name is vitoria'), ['vitoria']);
  assert.deepEqual(names('mika: "who are you?"'), ['mika']);
  assert.deepEqual(names('follow up with benjamin a seiler in a couple of months.'), ['benjamin a seiler']);
  assert.deepEqual(names('i am tired and this is great'), []);
});

test('participant names are names even when nothing else says so', () => {
  const text = 'Grace Bell will send the deck; Bell agreed.';
  assert.deepEqual(names(text, ['Grace Bell']), ['Grace Bell', 'Bell']);
  assert.deepEqual(names('Ordo will send the deck'), [], 'not a name without the participant list');
  assert.deepEqual(names('Ordo will send the deck', ['Ordo Kant']), ['Ordo']);
  assert.deepEqual(names('ordo kant will send the deck'), []);
  assert.deepEqual(names('ordo kant will send the deck', ['Ordo Kant']), ['ordo kant']);
});

test('a command before a name stays in the text: only the name is redacted', () => {
  assert.deepEqual(names('Call Ann Lee tomorrow. Email Bo Chen the deck. Ask Priya Nair to review it.', ['Priya Nair']), ['Ann Lee', 'Bo Chen', 'Priya Nair']);
  // A first name that looks like a verb is still a name.
  assert.deepEqual(names('Mark Jones is here and Will Smith called.'), ['Mark Jones', 'Will Smith']);
});
