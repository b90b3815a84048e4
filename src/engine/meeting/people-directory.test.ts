import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PeopleDirectory } from './people-directory.ts';

test('a speaker label resolves to the participant it is short for', () => {
  const people = new PeopleDirectory(['Priya', 'Tom Becker', 'Speaker 3'], ['Priya Nair', 'Tom Becker', 'Ana Silva']);
  assert.equal(people.canonicalSpeaker('Priya'), 'Priya Nair');
  assert.equal(people.canonicalSpeaker('Tom Becker'), 'Tom Becker');
  assert.equal(people.canonicalSpeaker('Speaker 3'), 'Speaker 3');
  assert.deepEqual(people.people, ['Priya Nair', 'Tom Becker', 'Speaker 3', 'Ana Silva']);
});

test('first and last names resolve, unless two people share them', () => {
  const people = new PeopleDirectory(['Tom Becker', 'Tom Ortiz'], ['Priya Nair']);
  assert.equal(people.resolve('nair'), 'Priya Nair');
  assert.equal(people.resolve('Becker'), 'Tom Becker');
  assert.equal(people.resolve('Tom'), null);
  assert.equal(people.resolve('Sam'), null);
});

test('finds mentions with their positions, full names first and possessives included', () => {
  const people = new PeopleDirectory(['Priya Nair', 'Tom'], []);
  const text = "Priya Nair, can you ask Tom? Priya's deck is late.";
  const mentions = people.findMentions(text);
  assert.deepEqual(mentions.map((mention) => [mention.name, text.slice(mention.start, mention.end)]), [
    ['Priya Nair', 'Priya Nair'],
    ['Tom', 'Tom'],
    ['Priya Nair', "Priya's"],
  ]);
});

test('role words and single letters in labels are never read as names', () => {
  const people = new PeopleDirectory(['Grad G', 'A', 'Project Manager'], []);
  assert.deepEqual(people.findMentions('A grad student asked the manager.'), []);
  assert.equal(people.findMentions('Ask the project manager.')[0]?.name, 'Project Manager');
});
