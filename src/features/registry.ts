import type { FeatureDefinition } from './feature.ts';
import { ccSmartComposeFeature } from './generative/cc-smart-compose.feature.ts';
import { chatComposeFeature } from './generative/chat-compose.feature.ts';
import { chatSentenceCompletionFeature } from './generative/chat-sentence-completion.feature.ts';
import { docsGenerateFeature } from './generative/docs-generate.feature.ts';
import { docsSentenceCompletionFeature } from './generative/docs-sentence-completion.feature.ts';
import { eventsComposeFeature } from './generative/events-compose.feature.ts';
import { generalKnowledgeFeature } from './generative/general-knowledge.feature.ts';
import { imageFeature } from './generative/image.feature.ts';
import { mailComposeFeature } from './generative/mail-compose.feature.ts';
import { promptAssistanceFeature } from './generative/prompt-assistance.feature.ts';
import { translateFeature } from './generative/translate.feature.ts';
import { whiteboardFeature } from './generative/whiteboard.feature.ts';
import { meetingQueryFeature, meetingQuestionsFeature } from './meeting-query.feature.ts';
import { meetingSummaryFeature } from './meeting-summary.feature.ts';
import { tasksCaptureFeature } from './tasks-capture.feature.ts';

const FEATURES: FeatureDefinition<any, any>[] = [
  meetingSummaryFeature,
  meetingQueryFeature,
  meetingQuestionsFeature,
  tasksCaptureFeature,
  chatComposeFeature,
  chatSentenceCompletionFeature,
  ccSmartComposeFeature,
  mailComposeFeature,
  docsGenerateFeature,
  docsSentenceCompletionFeature,
  whiteboardFeature,
  eventsComposeFeature,
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
