/**
 * Direct speech turned into reported speech, the way a minute-taker writes
 * it: "I think we should keep the LCD" said by Marketing becomes "Marketing
 * thought they should keep the LCD". Only grammar changes (person, tense,
 * contractions) and hedges go ("basically", "kind of"); every content word
 * stays as it was said, so the sentence still cites its turn faithfully.
 */

export interface ReportOptions {
  /**
   * Who said it. A speaker label that names someone (not a bare letter such
   * as "A") takes the place of the first "I"; other first-person words become
   * "they", "them", "their".
   */
  speaker?: string | null;
  /**
   * Whether "will" shifts back to "would" too. A summary's minutes keep what
   * someone will do in the future ("Tom will send it"); an answer retells
   * what was said, so it shifts it ("Tom said he would send it"). Default false.
   */
  shiftWill?: boolean;
}

// The first "we" of a report is the people in the meeting; later ones are "they".
const GROUP = 'the group';

const PERSON = new Map(Object.entries({
  me: 'them',
  my: 'their',
  mine: 'theirs',
  myself: 'themselves',
  we: 'they',
  us: 'them',
  our: 'their',
  ours: 'theirs',
  ourselves: 'themselves',
  // Whoever was addressed is not known from the words alone: "they".
  you: 'they',
  your: 'their',
  yours: 'theirs',
  yourself: 'themselves',
  yourselves: 'themselves',
}));

// Auxiliaries and the commonest present forms, shifted one tense back. "Will"
// shifts only when asked (`shiftWill`): minutes keep what someone will do in the future.
const BACKSHIFT = new Map(Object.entries({
  is: 'was',
  are: 'were',
  am: 'was',
  shall: 'should',
  can: 'could',
  may: 'might',
  have: 'had',
  has: 'had',
  do: 'did',
  does: 'did',
  "isn't": "wasn't",
  "aren't": "weren't",
  "can't": "couldn't",
  "don't": "didn't",
  "doesn't": "didn't",
  "haven't": "hadn't",
  "hasn't": "hadn't",
  gonna: 'going to',
  wanna: 'wanted to',
  gotta: 'had to',
}));

const FUTURE_IN_PAST = new Map([['will', 'would'], ["won't", "wouldn't"]]);

// Verbs people say right after "I" or "we" in meetings, in the past tense.
const PAST = new Map(Object.entries({
  think: 'thought',
  guess: 'guessed',
  believe: 'believed',
  feel: 'felt',
  know: 'knew',
  mean: 'meant',
  need: 'needed',
  want: 'wanted',
  like: 'liked',
  hope: 'hoped',
  agree: 'agreed',
  disagree: 'disagreed',
  suggest: 'suggested',
  propose: 'proposed',
  say: 'said',
  see: 'saw',
  get: 'got',
  go: 'went',
  make: 'made',
  find: 'found',
  try: 'tried',
  use: 'used',
  look: 'looked',
  expect: 'expected',
  prefer: 'preferred',
  recommend: 'recommended',
  understand: 'understood',
  remember: 'remembered',
  worry: 'worried',
  wonder: 'wondered',
  decide: 'decided',
  plan: 'planned',
  work: 'worked',
  talk: 'talked',
  start: 'started',
  put: 'put',
  seem: 'seemed',
  sound: 'sounded',
  depend: 'depended',
  come: 'came',
  give: 'gave',
  take: 'took',
  tell: 'told',
  show: 'showed',
  ask: 'asked',
  mention: 'mentioned',
  include: 'included',
  suppose: 'supposed',
  assume: 'assumed',
  doubt: 'doubted',
  love: 'loved',
  realise: 'realised',
  realize: 'realized',
}));

const NUMBERED = new Set(['phase', 'part', 'type', 'level', 'stage', 'chapter', 'section', 'version', 'appendix', 'class', 'grade', 'tier', 'war', 'schedule', 'annex', 'title']);
// Words after which "you" is an object: prepositions and verbs that take a person.
const OBJECT_BEFORE = new Set([
  'to', 'for', 'with', 'at', 'from', 'about', 'of', 'by', 'on', 'into', 'than', 'without', 'behind', 'around',
  'tell', 'told', 'give', 'gave', 'show', 'showed', 'ask', 'asked', 'let', 'help', 'thank', 'send', 'sent', 'remind',
  'call', 'meet', 'pay', 'bring', 'want', 'need', 'expect', 'see', 'saw', 'hear', 'heard', 'email', 'ping', 'join',
]);
const SECOND_PERSON = new Set(['you', 'your', 'yours', 'yourself', 'yourselves']);
// A sentence that opens or closes by naming whom it speaks to.
const VOCATIVE = /^\W*\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)?,|, \p{Lu}\p{Ll}+\W*$/u;

// Other subjects whose verb is shifted too ("they want" → "they wanted", "it seems" → "it seemed").
const OTHER_SUBJECTS = new Set(['you', 'they', 'he', 'she', 'it']);

/** The past of a present form: "think", "thinks", "goes", "tries". */
function pastOf(verb: string): string | undefined {
  if (PAST.has(verb)) return PAST.get(verb);
  if (verb.endsWith('ies')) return PAST.get(`${verb.slice(0, -3)}y`);
  if (verb.endsWith('es') && PAST.has(verb.slice(0, -2))) return PAST.get(verb.slice(0, -2));
  if (verb.endsWith('s')) return PAST.get(verb.slice(0, -1));
  return undefined;
}

// Words after which an auxiliary is an infinitive or part of a verb group and keeps its form ("to do", "should have").
const KEEPS_FORM = new Set([
  'to', 'would', 'should', 'could', 'might', 'must', 'will', 'shall', 'can', 'may', "didn't", "don't", "doesn't",
  "wouldn't", "shouldn't", "couldn't", "won't", "can't", 'did', 'does', 'do', 'not', 'let', 'gonna', 'wanna',
]);

/** Whether the word after `before` keeps its form: after a modal, "to", "not", or "I'll", "we'd". */
const keepsForm = (before: string) => KEEPS_FORM.has(before) || /'(?:ll|d)$/.test(before);

const PAST_AUXILIARIES = new Set(['was', 'were', 'had', 'did', 'would', 'could', 'should', 'might']);

/** An auxiliary before a subject inverts it ("do we have…?"): the verb after the subject keeps its form. */
const isAuxiliary = (word: string) => BACKSHIFT.has(word) || KEEPS_FORM.has(word) || PAST_AUXILIARIES.has(word);

// Words before which "can" and "may" are nouns ("a can", "in May").
const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'our', 'my', 'your', 'its', 'good', 'free', 'in']);

// "it's", "that's": the "'s" of these is "is" (or "has" before a participle).
const IS_BEFORE_S = new Set(['it', 'that', 'there', 'here', 'what', 'he', 'she', 'who', 'where', 'this', 'everything', 'nothing']);
const PARTICIPLE_AFTER_HAS = new Set(['been', 'got', 'gotten', 'had', 'done', 'made', 'seen', 'gone']);

// A word, or a contraction ending ("'ll", "'re", "'m", "'ve", "'d", "'s") attached to it.
const WORD = /[A-Za-z]+(?:['’][A-Za-z]+)*/g;

/**
 * Reports a sentence someone said: third person, past tense.
 *
 * @example
 * reportSpeech("I think we should keep the LCD.", { speaker: 'Marketing' })
 * // 'Marketing thought the group should keep the LCD.'
 * reportSpeech("It's too expensive, we'll drop the joystick.")
 * // 'It was too expensive, the group will drop the joystick.'
 */
export function reportSpeech(sentence: string, options: ReportOptions = {}): string {
  const name = nameOf(options.speaker);
  const future = options.shiftWill ? 'would' : 'will';
  // "Priya, could you…": the person addressed is named, so "you" is clear and stays.
  const plain = withoutHedges(sentence);
  const addressed = VOCATIVE.test(plain);
  let named = false;
  let groupNamed = false;
  let previous = '';
  // Whether the last subject was plural "they" (from "we", or "I" without a name): "was" then reads "were".
  let plural = false;
  // The word after a subject pronoun is its verb.
  let afterSubject = false;
  let inverted = false;
  const out = plain.replace(WORD, (word, offset: number) => {
    const lower = word.toLowerCase().replace(/’/g, "'");
    const next = nextWord(plain, offset + word.length);
    const rendered = expandNegation(renderWord(lower, word, previous, next));
    previous = lower;
    // "I" or "we" starting a later sentence: its replacement starts with a capital.
    return rendered !== word && /(?:^|[.!?]["')\]]?\s+)$/.test(plain.slice(0, offset)) ? capitalise(rendered) : rendered;
  });
  return out;

  function renderWord(lower: string, original: string, before: string, next: string): string {
    const wasAfterSubject = afterSubject;
    const wasInverted = inverted;
    afterSubject = false;
    inverted = false;
    if (wasInverted) return original;
    const [stem, ending] = splitContraction(lower);
    // "Phase I", "Type I": a numeral, not a speaker.
    if (lower === 'i' && NUMBERED.has(before)) return original;
    if (stem === 'i' || stem === 'we') {
      let subject: string;
      if (stem === 'i' && name && !named) {
        subject = name;
        named = true;
        plural = false;
      } else if (stem === 'we' && !groupNamed) {
        subject = GROUP;
        groupNamed = true;
        plural = true;
      } else {
        subject = 'they';
        plural = true;
      }
      inverted = ending === '' && isAuxiliary(before);
      afterSubject = ending === '' && !inverted;
      return subject + (ending ? ` ${contracted(ending, next, plural, future)}` : '');
    }
    if (stem === 'let' && ending === "'s") {
      const subject = groupNamed ? 'they' : GROUP;
      groupNamed = true;
      return `${subject} ${future}`;
    }
    if (addressed && SECOND_PERSON.has(stem)) return original;
    if (ending) {
      if (ending === "'s" && IS_BEFORE_S.has(stem)) return `${keepCase(original, stem)} ${PARTICIPLE_AFTER_HAS.has(next) ? 'had' : 'was'}`;
      if (ending === "'re" || ending === "'ll" || ending === "'ve" || ending === "'m") {
        const subject = stem === 'you' ? 'they' : keepCase(original, stem);
        return `${subject} ${contracted(ending, next, stem === 'you' || stem === 'they', future)}`;
      }
      return original;
    }
    const asObject = lower === 'you' && OBJECT_BEFORE.has(before);
    if (OTHER_SUBJECTS.has(lower) && !isAuxiliary(before) && !asObject) {
      afterSubject = true;
      plural = lower === 'you' || lower === 'they';
    }
    // "tell you", "for you": "you" as an object is "them".
    const person = asObject ? 'them' : PERSON.get(lower);
    if (person) return person;
    if (lower === 'was' && wasAfterSubject && plural) return 'were';
    // "a can", "in May", "the will to", "Will said": nouns and names, not auxiliaries.
    const noun = (lower === 'can' || lower === 'may' || lower === 'will') &&
      (DETERMINERS.has(before) || (lower !== 'can' && original !== lower && before !== ''));
    const shifted = options.shiftWill && (lower === 'will' || lower === "won't") ? FUTURE_IN_PAST.get(lower) : BACKSHIFT.get(lower);
    if (shifted && !keepsForm(before) && !noun) {
      if (lower === 'am') return plural && wasAfterSubject ? 'were' : 'was';
      return keepInitial(original, shifted);
    }
    const past = wasAfterSubject ? pastOf(lower) : undefined;
    if (past) return past;
    return original;
  }
}

// Minutes spell negations out: "didn't" → "did not".
const NEGATIONS = new Map(Object.entries({ "won't": 'will not', "can't": 'cannot', "shan't": 'shall not', "ain't": 'was not' }));

function expandNegation(word: string): string {
  const match = /^([A-Za-z]+)n['’]t$/.exec(word);
  if (!match) return word;
  const known = NEGATIONS.get(word.toLowerCase().replace(/’/g, "'"));
  return known ? keepInitial(word, known) : `${match[1]} not`;
}

// Hedges a minute-taker leaves out: they soften how something was said, not what.
const HEDGE = /\b(?:really|actually|basically|literally)\b,?\s+(?=\w)/gi;
// "kind of"/"sort of" as a hedge ("it's kind of big"), not as a noun ("what kind of remote").
const HEDGE_OF = /(?<!\b(?:what|this|that|a|an|the|some|any|which|every|each|one|no|same|these|those|of|all|other|different|right|wrong)\s+)\b(?:kind|sort) of\s+(?=\w)/gi;
// "just" as a filler ("we just need"), not "only" ("just two buttons"), "a moment ago" ("had just left") or "exactly" ("just like").
const HEDGE_JUST = /(?<!\b(?:had|has|have|was|were|is|are|'ve|'d)\s+)\bjust\s+(?!(?:a|an|the|one|two|three|four|five|six|seven|eight|nine|ten|\d+|for|about|as|like|in|on|at|because|before|after|now|then|enough|once|over|under|that|this|what|how|to)\b)(?=\w)/gi;

function withoutHedges(sentence: string): string {
  const plain = sentence.replace(HEDGE, '').replace(HEDGE_OF, '').replace(HEDGE_JUST, '');
  if (plain === sentence) return sentence;
  // A sentence that opened with a hedge opens with a capital again; "iPhone" keeps its case.
  return plain.replace(/(^|[.!?]["')\]]?\s+)(\p{Ll})(?=\p{Ll}*(?!\p{L}))/gu, (_, lead: string, letter: string) => lead + letter.toUpperCase());
}

/** The replacement with the original's capital, for a sentence-initial "Is it…". */
function keepInitial(original: string, replacement: string): string {
  return /^\p{Lu}/u.test(original) ? replacement[0]!.toUpperCase() + replacement.slice(1) : replacement;
}

function contracted(ending: string, next: string, plural: boolean, future: string): string {
  switch (ending) {
    case "'m":
      return plural ? 'were' : 'was';
    case "'re":
      return 'were';
    case "'ll":
      return future;
    case "'d":
      return PARTICIPLE_AFTER_HAS.has(next) || next === 'better' ? 'had' : 'would';
    case "'ve":
      return 'had';
    default:
      return ending;
  }
}

function splitContraction(lower: string): [string, string] {
  const match = /^(.+?)('(?:ll|re|ve|m|d|s))$/.exec(lower);
  return match ? [match[1]!, match[2]!] : [lower, ''];
}

function nextWord(text: string, from: number): string {
  const match = /^[\s,]*([A-Za-z]+)/.exec(text.slice(from));
  return match ? match[1]!.toLowerCase() : '';
}

function keepCase(original: string, stem: string): string {
  return original.slice(0, stem.length);
}

/** A speaker label usable in place of "I": at least two letters, not a generic "Speaker 2". */
function nameOf(speaker: string | null | undefined): string | null {
  const label = speaker?.trim() ?? '';
  if (label.replace(/[^\p{L}]/gu, '').length < 2 || /^(?:speaker|spk|unknown)\b/i.test(label)) return null;
  return label;
}

function capitalise(text: string): string {
  return text.replace(/^(\W*)(\p{Ll})/u, (_, lead: string, letter: string) => lead + letter.toUpperCase());
}
