import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ParticipantIndex } from './participants.ts';

const find = (names: string[], text: string) => ParticipantIndex.from(names).find(text).map((s) => text.slice(s.start, s.end));

test('full names in any case, titles dropped', () => {
  assert.deepEqual(find(['Dr. Ana Lima'], 'ana lima joined; Dr. ANA LIMA left'), ['ana lima', 'ANA LIMA']);
});

test('first and last names only when capitalised', () => {
  assert.deepEqual(find(['Will Grace'], 'Will said you will see Grace, by grace'), ['Will', 'Grace']);
});

test('the longest name wins and parts inside it are not reported twice', () => {
  assert.deepEqual(find(['Ana Lima', 'Ana'], 'Ana Lima and Ana'), ['Ana Lima', 'Ana']);
});

test('hasName checks first and last names ignoring case; empty lists find nothing', () => {
  const index = ParticipantIndex.from(['Ana Lima']);
  assert.equal(index.hasName('LIMA'), true);
  assert.equal(index.hasName('Bob'), false);
  assert.deepEqual(find([], 'Ana'), []);
});
