import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Artifact } from '../core/types.ts';
import { checkCitations } from './citation-check.ts';

const artifact = { id: 'mtg_1' } as Artifact;
const context = [{ artifact, segments: [{ index: 0, speaker: 'Ann', start: 0, end: 4.5, text: 'We agreed to ship Friday.' }] }];

it('accepts citations of segments in the context', () => {
  assert.doesNotThrow(() => checkCitations([{ artifactId: 'mtg_1', segment: 0, start: 0, end: 4.5, speaker: 'Ann' }], context));
});

it('rejects a citation of a segment that does not exist', () => {
  assert.throws(() => checkCitations([{ artifactId: 'mtg_1', segment: 7, start: 0, end: 4.5, speaker: 'Ann' }], context), /segment 7 of mtg_1, which was not in the context/);
});

it('rejects a citation of an artifact outside the context', () => {
  assert.throws(() => checkCitations([{ artifactId: 'mtg_2', segment: 0, start: 0, end: 4.5, speaker: 'Ann' }], context), /not in the context/);
});

it('rejects a citation with the wrong speaker or time', () => {
  assert.throws(() => checkCitations([{ artifactId: 'mtg_1', segment: 0, start: 0, end: 4.5, speaker: 'Bo' }], context), /wrong speaker or times/);
  assert.throws(() => checkCitations([{ artifactId: 'mtg_1', segment: 0, start: 1, end: 4.5, speaker: 'Ann' }], context), /wrong speaker or times/);
});
