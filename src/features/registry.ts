import type { FeatureDefinition } from './feature.ts';
import { generalKnowledgeFeature, whiteboardFeature } from './generative/board.features.ts';
import { chatComposeFeature, docsGenerateFeature, mailComposeFeature, promptAssistanceFeature } from './generative/compose.features.ts';
import { imageFeature, translateFeature } from './generative/media.features.ts';
import { meetingQueryFeature, meetingQuestionsFeature } from './meeting-query.feature.ts';
import { meetingSummaryFeature } from './meeting-summary.feature.ts';
import { tasksCaptureFeature } from './tasks-capture.feature.ts';

const FEATURES: FeatureDefinition<any, any>[] = [
  meetingSummaryFeature,
  meetingQueryFeature,
  meetingQuestionsFeature,
  tasksCaptureFeature,
  chatComposeFeature,
  mailComposeFeature,
  docsGenerateFeature,
  whiteboardFeature,
  generalKnowledgeFeature,
  promptAssistanceFeature,
  translateFeature,
  imageFeature,
];

const BY_ID = new Map(FEATURES.map((f) => [f.spec.id, f]));

/** The implementation of a catalogue feature, if it has one. */
export function getFeature(id: string): FeatureDefinition<unknown, unknown> | undefined {
  return BY_ID.get(id);
}

export function implementedFeatureIds(): string[] {
  return [...BY_ID.keys()];
}
