/** image.generate: images from a prompt; the prompt and every image pass a moderation provider first. */
import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import { featureSpec } from '../../core/features.ts';
import type { FeatureDefinition } from '../feature.ts';


export const imageInput = z.object({
  prompt: z.string().trim().min(1).max(4000),
  size: z.enum(['landscape', 'portrait', 'square']).default('square'),
});
export type ImageInput = z.infer<typeof imageInput>;

export interface GeneratedImages {
  images: { base64: string; mediaType: string }[];
  /** The moderation every image passed. */
  moderation: { provider: string; model: string; flagged: false };
}

export const imageFeature: FeatureDefinition<ImageInput, GeneratedImages> = {
  spec: featureSpec('image.generate')!,
  input: imageInput,
  output: z.object({
    images: z.array(z.object({ base64: z.string().min(1), mediaType: z.string().regex(/^image\//) })).min(1),
    moderation: z.object({ provider: z.string(), model: z.string(), flagged: z.literal(false) }),
  }),
  artifactIds: () => [],
  citations: () => [],
  async run({ input, models }) {
    const moderators = models.companions('moderation');
    if (moderators.length === 0) {
      throw new AppError('feature_unavailable', 'image.generate needs a usable moderation provider; without one no image is returned');
    }
    const moderate = (content: { text?: string; imageBase64?: string }) =>
      models.call('moderation', (p) => p.moderate!(content), { chain: moderators, usage: () => ({ inputTokens: 0, outputTokens: 0 }) });
    const refuse = (what: string, categories: string[]) =>
      new AppError('invalid_input', `${what} was refused by moderation${categories.length > 0 ? ` (${categories.join(', ')})` : ''}`, {
        details: { check: 'moderation', categories },
      });

    const prompt = await moderate({ text: input.prompt });
    if (prompt.value.flagged) throw refuse('the prompt', prompt.value.categories);
    const generated = await models.call('image', (p) => p.generateImage!({ prompt: input.prompt, size: input.size }), { usage: () => ({ inputTokens: 0, outputTokens: 0 }) });
    let passed: { provider: string; model: string } | undefined;
    for (const image of generated.value.images) {
      const checked = await moderate({ imageBase64: image.base64 });
      // A flagged image is never returned, not even alongside others that passed.
      if (checked.value.flagged) throw refuse('the generated image', checked.value.categories);
      passed = { provider: checked.provider.name, model: checked.value.model };
    }
    if (!passed) throw new AppError('provider_error', `provider ${generated.provider.name} returned no image`);
    return {
      output: { images: generated.value.images, moderation: { ...passed, flagged: false } },
      provider: generated.provider.name,
      model: generated.value.model,
    };
  },
};
