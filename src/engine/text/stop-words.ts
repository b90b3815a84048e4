/**
 * Words that carry no topic in meeting speech: the usual English function
 * words plus conversational glue ("yeah", "gonna", "stuff") that would
 * otherwise dominate term statistics of spoken transcripts.
 */

const FUNCTION_WORDS = `
a about above after again against all am an and any are aren't as at be because been before being
below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down
during each few for from further had hadn't has hasn't have haven't having he he'd he'll he's her here
here's hers herself him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself
let's me more most mustn't my myself no nor not of off on once only or other ought our ours ourselves
out over own same shan't she she'd she'll she's should shouldn't so some such than that that's the
their theirs them themselves then there there's these they they'd they'll they're they've this those
through to too under until up very was wasn't we we'd we'll we're we've were weren't what what's when
when's where where's which while who who's whom why why's with won't would wouldn't you you'd you'll
you're you've your yours yourself yourselves
also just really actually maybe might must shall will may us yes yet still even ever every much many
one ones another else anything something nothing everything anyone someone everyone somebody anybody
nobody thing things way lot lots bit kind sort sure well quite rather pretty enough though although
however whether either neither around across along within without upon onto per via etc
s t d ll m re ve n't 's 're 'll 've 'd 'm
`;

const CONVERSATIONAL_WORDS = `
yeah yep yup nope okay ok alright right um umm uh uhh er erm ah ahh oh hmm hm mm mmm mhm uh-huh huh
gonna wanna gotta kinda sorta dunno lemme gimme ya yo hey hi hello bye thanks thank please
like know mean think guess suppose say said says saying get got getting go going goes went gone come
coming came want wanted need needed put take took make made see seen look looked let
stuff basically literally probably definitely obviously anyway anyways guys guy
`;

function wordsOf(list: string): string[] {
  return list.split(/\s+/).filter((word) => word.length > 0);
}

/** Lower-cased stop words; look words up after `foldCase`. */
export const STOP_WORDS: ReadonlySet<string> = new Set([...wordsOf(FUNCTION_WORDS), ...wordsOf(CONVERSATIONAL_WORDS)]);

/**
 * Whether a normalised word should be ignored when weighing topics.
 *
 * @example
 * isStopWord('the')    // true
 * isStopWord('budget') // false
 */
export function isStopWord(norm: string): boolean {
  return STOP_WORDS.has(norm);
}
