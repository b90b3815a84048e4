/**
 * What a question asks for: a list the summary extractors already produce
 * (action items, decisions, next steps), a catch-up, a person ("who…"), a time
 * ("when…"), or facts found by retrieval. Also who it names and which of its
 * words carry its topic.
 */
import type { PeopleDirectory } from '../meeting/people-directory.ts';
import { isStopWord } from '../text/stop-words.ts';
import { analyzeTerms } from '../text/term-analyzer.ts';
import { foldCase } from '../text/tokenizer.ts';

export type QuestionKind = 'catch-up' | 'actions' | 'decisions' | 'next-steps' | 'who' | 'when' | 'facts';

export interface QuestionIntent {
  kind: QuestionKind;
  /** Canonical names of the people the question names. */
  people: string[];
  /** Index terms of the topic, without question words, intent words or names. */
  terms: string[];
}

const CATCH_UP = /\b(?:catch me up|what did i miss|what have i missed|what i missed|recap|summari[sz]e|summary|tl;?dr|bring me up to speed|fill me in|what(?:'s| is| was| were| has| have)? (?:been )?(?:discussed|covered|said|happening|happened|going on)(?: so far)?\W*$|what happened)\b/;
// A bare request for a catch-up, which no other reading should claim.
const CATCH_UP_ONLY = /^\W*(?:(?:can you |could you |please )?(?:catch me up|fill me in|bring me up to speed|recap|summari[sz]e(?: (?:the|this) meeting)?)|what did i miss|what have i missed)\W*(?:please|so far)?\W*$/;
const ACTIONS = /\b(?:action items?|actions|to-?dos?|tasks?|assignments?|assigned|responsible for|commitments?|committed to|who(?:'s| is| was) (?:doing|handling|taking|owning)|who (?:will|should|owns|took|takes)|what (?:does|do|did|will|should) \w+(?: \w+)? (?:need to|have to|has to|do)|homework|owes?)\b/;
const DECISIONS = /\b(?:decisions?|decided|decide|agreed|agreement|conclusions?|concluded|settled|resolved|final (?:call|answer)|(?:did|do|will) (?:we|they|you) (?:pick|choose|select|go with|go for)|(?:picked|chose|chosen|selected|went with))\b/;
const NEXT_STEPS = /\b(?:next steps?|what(?:'s| is| comes| happens) next|going forward|follow[- ]?ups?|plan (?:is|going forward))\b/;
const WHO = /^(?:so |and |but )?who(?:'s|se|m)?\b/;
// "Due" asks for a time when something is due ("is the report due", "due by"), not in "due attention" or "due to".
const WHEN = /^(?:so |and |but )?(?:when|by when|until when|what (?:time|date|day)|which (?:day|date))\b|\b(?:deadlines?|due dates?|(?:is|are|was|were|be|it's|they're) due|due (?:by|on|in|at|for|back)\b|due\W*$)/;

// Words that frame a question without saying what it is about.
const FRAMING_TERMS = new Set(analyzeTerms(
  'discuss discussed discussion talk talked mention mentioned meeting meetings say said tell told explain explained ' +
  'describe described happen happened regard regarding opinion view views thought thoughts raise raised ' +
  'question questions ask asked answer reply replied suggest suggested propose proposed ' +
  'decision decisions decide decided agree agreed conclusion concluded action actions item items task tasks todo ' +
  'assign assigned responsible commitment committed step steps next follow status summary recap ' +
  'time date day deadline due pick picked choose chose chosen select selected catch miss missed speed fill ' +
  'summarize summarise summarized discussing talking opinion opinions elaborate elaborated recommend recommended ' +
  'contribute contributed introduce introduced reflect reflecting concerning respond responded group team ' +
  'think thinks thinking disagree disagreed disagreement debate debated argue argued reason reasons attitude ' +
  'feel felt consider considered idea ideas point points',
));

/**
 * Reads a question.
 *
 * @example
 * readQuestion('What did Priya decide about the vendor?', people)
 * // { kind: 'decisions', people: ['Priya Nair'], terms: ['vendor'] }
 */
export function readQuestion(question: string, people: PeopleDirectory): QuestionIntent {
  const lower = foldCase(question.trim());
  const named = new Set<string>();
  const topics = new Set<string>();
  // Words used to name someone, once per naming: "design" in "Industrial Designer" is not also the "appearance design" asked about.
  const naming: string[] = [];
  let last: { name: string; end: number } | null = null;
  for (const mention of people.findMentions(question)) {
    const terms = analyzeTerms(question.slice(mention.start, mention.end));
    // "Kirsty Williams" may be found as two mentions side by side: one naming.
    const sameNaming = last?.name === mention.name && /^[\s-]*$/.test(question.slice(last.end, mention.start));
    last = { name: mention.name, end: mention.end };
    if (sameNaming) {
      naming.push(...terms);
      continue;
    }
    // A label named again, or as what is discussed, is a topic: "… when discussing the user interface?", "… about Marketing strategy?"
    if (named.has(mention.name) || isTopicPosition(question, mention.start, mention.end)) {
      topics.add(mention.name);
      continue;
    }
    named.add(mention.name);
    naming.push(...terms);
  }
  const asked = withoutOnce(analyzeTerms(question).filter((term) => !FRAMING_TERMS.has(term)), naming);
  const roles = peopleByRole(asked, people).filter((role) => !named.has(role.name) && !topics.has(role.name));
  for (const role of roles) named.add(role.name);
  return { kind: kindOf(lower), people: [...named], terms: [...new Set(withoutOnce(asked, roles.flatMap((role) => role.terms)))] };
}

// "about the …", "discussing …": what follows may be the topic.
const TOPIC_BEFORE = /\b(?:about|discussing|discuss|discussed|regarding|concerning|on)\s+(?:the\s+)?$/i;

/**
 * A label in the place of what is discussed is the topic when it is written
 * as an ordinary word ("discussing the user interface") or heads a noun
 * phrase ("about Marketing strategy"); "about Priya", "about Priya and Tom"
 * and "about Marketing's idea" still name people.
 */
function isTopicPosition(question: string, start: number, end: number): boolean {
  const label = question.slice(start, end);
  if (/['’]s?$/.test(label) || /^['’]/.test(question.slice(end)) || !TOPIC_BEFORE.test(question.slice(Math.max(0, start - 20), start))) {
    return false;
  }
  const next = /^\s+([\p{L}-]+)/u.exec(question.slice(end))?.[1];
  return !/\p{Lu}/u.test(label) || (next !== undefined && !isStopWord(next.toLowerCase()));
}

/** `terms` less one occurrence of each word in `used`. */
function withoutOnce(terms: readonly string[], used: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const term of used) left.set(term, (left.get(term) ?? 0) + 1);
  return terms.filter((term) => {
    const count = left.get(term) ?? 0;
    if (count > 0) left.set(term, count - 1);
    return count === 0;
  });
}

/**
 * People a question names by the words of their label rather than by name:
 * "the professor" for the only speaker labelled "Professor B", "the
 * industrial design" for "Industrial Designer". A label counts when the
 * question holds every one of its words longer than a letter, and no other
 * person's label holds them all.
 */
function peopleByRole(terms: readonly string[], people: PeopleDirectory): { name: string; terms: string[] }[] {
  const asked = new Set(terms);
  const labels = people.people.map((name) => ({ name, terms: [...new Set(analyzeTerms(name).filter((term) => term.length > 1))] }));
  const found: { name: string; terms: string[] }[] = [];
  for (const label of labels) {
    if (label.terms.length === 0 || !label.terms.every((term) => asked.has(term))) continue;
    const rivals = labels.filter((other) => other.name !== label.name && label.terms.every((term) => other.terms.includes(term)));
    if (rivals.length === 0) found.push(label);
  }
  return found;
}

function kindOf(lower: string): QuestionKind {
  if (CATCH_UP_ONLY.test(lower)) return 'catch-up';
  if (NEXT_STEPS.test(lower)) return 'next-steps';
  if (ACTIONS.test(lower)) return 'actions';
  if (DECISIONS.test(lower)) return 'decisions';
  if (CATCH_UP.test(lower)) return 'catch-up';
  if (WHO.test(lower)) return 'who';
  if (WHEN.test(lower)) return 'when';
  return 'facts';
}
