import assert from 'node:assert/strict';
import { test } from 'node:test';
import { segmentsOf } from '../__fixtures__/segments-of.ts';
import { buildMeetingDocument } from '../meeting/meeting-document.ts';
import { TfIdfSpace } from '../retrieval/tfidf-space.ts';
import { segmentTopics } from './topic-segmenter.ts';

const BATTERY = [
  'The battery supplier quoted a higher price for the lithium cells this quarter.',
  'Lithium cells from the second battery supplier last longer but charge slower.',
  'Battery life matters more than charge speed for the remote.',
  'The supplier can ship the cells in six weeks if we order now.',
  'A bigger battery makes the casing heavier, so the cells need a slimmer layout.',
  'The lithium supplier also offers a recycling programme for old cells.',
];
const MARKETING = [
  'The marketing campaign targets students with a launch video on social media.',
  'Students respond better to short video ads than to banners in our surveys.',
  'The campaign budget covers three videos and an influencer partnership.',
  'Social media ads for the launch should start two weeks before the release.',
  'The influencer partnership needs a contract signed by legal this month.',
  'Our survey showed students want colourful designs in the launch video.',
];

function meetingOf(first: string[], second: string[]) {
  const turns = [...first, ...first, ...second, ...second].map((text, i) => [i % 2 === 0 ? 'A' : 'B', text] as const);
  return buildMeetingDocument('m', segmentsOf(turns));
}

test('cuts where the vocabulary changes, covering every turn in order', () => {
  const doc = meetingOf(BATTERY, MARKETING);
  const spans = segmentTopics(doc, new TfIdfSpace(doc.sentences.map((sentence) => sentence.terms)), {
    windowTerms: 20, smoothingPasses: 1, topicsPerLogUnit: 1.3, wordsPerLogUnit: 50, maxTopics: 8, minTopicWords: 40,
    depthDeviations: 0.5, transitionDeviations: 1.5,
  });
  assert.deepEqual(spans, [{ fromTurn: 0, toTurn: 11 }, { fromTurn: 12, toTurn: 23 }]);
});

test('a short meeting on one subject is one chapter', () => {
  const doc = buildMeetingDocument('m', segmentsOf(BATTERY.map((text) => ['A', text] as const)));
  assert.deepEqual(segmentTopics(doc, new TfIdfSpace(doc.sentences.map((sentence) => sentence.terms))), [{ fromTurn: 0, toTurn: 5 }]);
});

test('a chair announcing the next topic opens a chapter there', () => {
  const turns = [
    ...BATTERY.map((text) => ['A', text] as const),
    ...BATTERY.slice(0, 3).map((text) => ['B', text] as const),
    ['C', "Okay, let's move on to the marketing campaign."] as const,
    ...MARKETING.map((text) => ['B', text] as const),
    ...MARKETING.slice(0, 3).map((text) => ['A', text] as const),
  ];
  const doc = buildMeetingDocument('m', segmentsOf(turns));
  const spans = segmentTopics(doc, new TfIdfSpace(doc.sentences.map((sentence) => sentence.terms)));
  assert.deepEqual(spans.map((span) => span.fromTurn), [0, 9]);
});

test('an empty meeting has no chapters', () => {
  const doc = buildMeetingDocument('m', []);
  assert.deepEqual(segmentTopics(doc, new TfIdfSpace([])), []);
});
