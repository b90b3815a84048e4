/**
 * Content terms for the lexical-cohesion baselines (TextRank, TextTiling):
 * lower-cased words, transcript annotations removed, stop words dropped,
 * the rest Porter stemmed.
 */
import { porterStem } from '../../src/engine/text/porter-stemmer.ts';

/**
 * A general English stop list plus the fillers and back-channels of speech
 * (`um`, `yeah`, `okay`), which in transcripts are as frequent and as empty
 * of topic as function words.
 */
const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all am an and any are aren as at be because been before being below
  between both but by can cannot could couldn d did didn do does doesn doing don down during each few for
  from further had hadn has hasn have haven having he her here hers herself him himself his how i if in
  into is isn it its itself just ll m me more most mustn my myself needn no nor not now o of off on once
  only or other our ours ourselves out over own re s same shan she should shouldn so some such t than
  that the their theirs them themselves then there these they this those through to too under until up
  ve very was wasn we were weren what when where which while who whom why will with won would wouldn y
  you your yours yourself yourselves also get got gonna wanna let like one well
  ah eh er erm hm hmm huh mm mhm mm-hmm oh okay ok uh uh-huh um yeah yep yes`.split(/\s+/),
);

// Non-speech annotations such as `{vocalsound}`, `{disfmarker}`, `[Laughter.]`.
const ANNOTATION = /\{[^}]*\}|\[[^\]]*\]/g;

/**
 * The words of a text, lower-cased, with transcript annotations removed.
 *
 * @example
 * wordsOf("{vocalsound} We'll meet Tuesday.") // ['we', 'll', 'meet', 'tuesday']
 */
export function wordsOf(text: string): string[] {
  return text.replace(ANNOTATION, ' ').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * The stemmed term a word contributes, or `undefined` for a stop word.
 *
 * @example
 * contentTerm('meetings') // 'meet'
 * contentTerm('the')      // undefined
 */
export function contentTerm(word: string): string | undefined {
  return STOP_WORDS.has(word) ? undefined : porterStem(word);
}

/**
 * The content terms of a text, in order.
 *
 * @example
 * contentTerms('Um, the remote controls are expensive') // ['remot', 'control', 'expens']
 */
export function contentTerms(text: string): string[] {
  return wordsOf(text).flatMap((word) => contentTerm(word) ?? []);
}
