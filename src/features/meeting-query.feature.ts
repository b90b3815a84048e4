import { z } from 'zod';
import { featureSpec } from '../core/features.ts';
import type { Answer } from '../core/outputs.ts';
import { answerQuestion } from '../engine/index.ts';
import { TEXT_STYLES } from '../core/outputs.ts';
import type { FeatureDefinition } from './feature.ts';
import { generativeAnswer, withBuiltinFallback } from './generative/meeting-model.ts';
import { meetingDateOf } from './meeting-summary.feature.ts';
import { answerSchema } from './schemas.ts';

export const meetingQuestionInput = z.object({
  artifactId: z.string().min(1),
  question: z.string().trim().min(1, 'a question is required').max(2000),
  /** Answer length budget in words. */
  maxWords: z.number().int().min(5).max(1000).optional(),
  /** How the built-in engine writes: `quotes` (default, in quotation marks) or `minutes` (reported speech); a model writes its own prose. */
  style: z.enum(TEXT_STYLES).optional(),
});

export type MeetingQuestionInput = z.infer<typeof meetingQuestionInput>;

function answerFeature(id: 'meeting.query' | 'meeting.questions'): FeatureDefinition<MeetingQuestionInput, Answer> {
  return {
    spec: featureSpec(id)!,
    input: meetingQuestionInput,
    output: answerSchema,
    artifactIds: (input) => [input.artifactId],
    citations: (answer) => answer.citations,
    chunked: true,
    async run(run) {
      const { input, context, models } = run;
      const [{ artifact, segments }] = context;
      const meetingDate = meetingDateOf(artifact);
      return withBuiltinFallback(
        run,
        async () => {
          const { answer, provider, model, usage } = await generativeAnswer(models, {
            artifactId: artifact.id,
            question: input.question,
            meetingDate,
            maxWords: input.maxWords,
            segments,
          });
          return { output: answer, provider, model, usage };
        },
        () => answerQuestion({ artifactId: artifact.id, segments, question: input.question, meetingDate, maxWords: input.maxWords, style: input.style }),
      );
    },
  };
}

/** Questions about a past meeting (the panel). */
export const meetingQueryFeature = answerFeature('meeting.query');

/** Questions asked while the meeting is running, including "catch me up". */
export const meetingQuestionsFeature = answerFeature('meeting.questions');
