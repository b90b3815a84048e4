import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PeopleDirectory } from '../meeting/people-directory.ts';
import { readQuestion } from './question-intent.ts';

const people = new PeopleDirectory(['Priya', 'Tom'], ['Priya Nair', 'Tom Becker']);
const kind = (question: string) => readQuestion(question, people).kind;

test('recognises list questions, catch-ups, "who" and "when"', () => {
  assert.equal(kind('What action items were assigned?'), 'actions');
  assert.equal(kind('What does Tom need to do?'), 'actions');
  assert.equal(kind('Which vendor did we pick?'), 'decisions');
  assert.equal(kind("What's next?"), 'next-steps');
  assert.equal(kind('Catch me up'), 'catch-up');
  assert.equal(kind('what did I miss?'), 'catch-up');
  assert.equal(kind('Who raised the pricing issue?'), 'who');
  assert.equal(kind('When does the hotfix ship?'), 'when');
  assert.equal(kind('How much does Relaymark cost?'), 'facts');
  assert.equal(kind('Is the report due on Friday?'), 'when');
  assert.equal(kind('What is the deadline for the audit?'), 'when');
  assert.equal(kind('Which drafts are due?'), 'when');
});

test('"due" asks for a time only when something is due', () => {
  assert.equal(kind('Why did Tom say the design should be paid due attention?'), 'facts');
  assert.equal(kind('What was the delay due to?'), 'facts');
});

test('keeps the topic words and the people named, drops the framing', () => {
  assert.deepEqual(readQuestion('What did Priya say about the vendor contracts?', people), {
    kind: 'facts',
    people: ['Priya Nair'],
    terms: ['vendor', 'contract'],
  });
  assert.deepEqual(readQuestion('What was decided about hiring?', people).terms, ['hire']);
});

test('a question may name a speaker by the words of a role label', () => {
  const roles = new PeopleDirectory(['Professor B', 'PhD A', 'PhD C', 'Industrial Designer', 'Project Manager'], []);
  assert.deepEqual(readQuestion('What did the professor think about the results?', roles), { kind: 'facts', people: ['Professor B'], terms: ['result'] });
  const design = readQuestion('Why did the Industrial Design disagree about the shape?', roles);
  assert.deepEqual(design.people, ['Industrial Designer']);
  assert.ok(!design.terms.includes('design'));
  // Two labels share "phd", and "project" alone is not "Project Manager".
  assert.deepEqual(readQuestion('What did the PhD students say about noise?', roles).people, []);
  assert.deepEqual(readQuestion('What is the project timeline?', roles), { kind: 'facts', people: [], terms: ['project', 'timelin'] });
});

test('a label named a second time is also the topic; a name found in two parts side by side is named once', () => {
  const roles = new PeopleDirectory(['User Interface', 'Marketing', 'Kirsty Williams AM'], []);
  assert.deepEqual(readQuestion('What did the User Interface think of the user interface?', roles), {
    kind: 'facts',
    people: ['User Interface'],
    terms: ['user', 'interfac'],
  });
  assert.deepEqual(readQuestion('What did Kirsty Williams say about university mergers?', roles), {
    kind: 'facts',
    people: ['Kirsty Williams AM'],
    terms: ['univers', 'merger'],
  });
});

test('a label in the place of what is discussed is the topic, not the person; someone\'s stays a person', () => {
  const roles = new PeopleDirectory(['User Interface', 'Marketing', 'Industrial Designer', 'Project Manager'], []);
  assert.deepEqual(readQuestion('Why did Marketing object when discussing the user interface?', roles), {
    kind: 'facts',
    people: ['Marketing'],
    terms: ['object', 'user', 'interfac'],
  });
  assert.deepEqual(readQuestion('Summarize the discussion about Marketing strategy.', roles).people, []);
  assert.deepEqual(readQuestion('What did Project Manager say about Marketing?', roles).people, ['Project Manager', 'Marketing']);
  assert.deepEqual(readQuestion("What did Project Manager ask about the Industrial Designer's presentation?", roles).people, [
    'Project Manager',
    'Industrial Designer',
  ]);
});

test('the words of a name are taken once: the same word said again is asked about', () => {
  const roles = new PeopleDirectory(['Industrial Designer', 'Marketing'], []);
  const design = readQuestion('Why did Industrial Designer want the appearance design simpler?', roles);
  assert.deepEqual(design.people, ['Industrial Designer']);
  assert.ok(design.terms.includes('design'));
  assert.ok(readQuestion('What did Marketing say about market trends?', roles).terms.includes('market'));
});
