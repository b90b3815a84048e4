/**
 * Who is who in one meeting: speaker labels and known participant names,
 * merged so "Priya", "priya" and "Priya Nair" all resolve to one person.
 */
import { isStopWord } from '../text/stop-words.ts';
import { tokenize } from '../text/tokenizer.ts';

/** A person named in a text, resolved to the canonical name. */
export interface PersonMention {
  name: string;
  start: number;
  end: number;
}

// Label parts that describe a role or a slot rather than a person, so a
// speaker "Grad G" is not "mentioned" by every "grad student".
const ROLE_WORDS = new Set([
  'speaker', 'professor', 'prof', 'grad', 'phd', 'postdoc', 'student', 'user', 'guest', 'host', 'unknown',
  'participant', 'moderator', 'interviewer', 'interviewee', 'agent', 'customer', 'caller', 'manager',
  'designer', 'expert', 'project', 'industrial', 'interface', 'chair', 'member', 'team', 'mr', 'mrs', 'ms', 'dr',
]);

export class PeopleDirectory {
  /** Canonical names, speakers first in order of first turn. */
  readonly people: string[] = [];
  private readonly byKey = new Map<string, string | null>();
  private readonly speakerNames = new Map<string, string>();
  private readonly longestKey: number;
  /** Matches text that may name someone; most sentences name nobody and skip tokenising. */
  private readonly anyName: RegExp | null;

  /**
   * @example
   * const people = new PeopleDirectory(['Priya', 'Tom'], ['Priya Nair']);
   * people.canonicalSpeaker('Priya') // 'Priya Nair'
   * people.resolve('nair')           // 'Priya Nair'
   */
  constructor(speakers: readonly string[], participants: readonly string[] = []) {
    const fullNames = unique(participants.map((name) => name.trim()).filter((name) => name.length > 0));
    const parts = new Map<string, Set<string>>();
    for (const name of fullNames) {
      for (const part of nameParts(name)) {
        if (!parts.has(part)) parts.set(part, new Set());
        parts.get(part)!.add(name);
      }
    }
    for (const label of unique(speakers)) {
      const key = keyOf(label);
      const exact = fullNames.find((name) => keyOf(name) === key);
      const byPart = parts.get(key);
      const canonical = exact ?? (byPart?.size === 1 ? [...byPart][0]! : label);
      this.speakerNames.set(label, canonical);
      if (!this.people.includes(canonical)) this.people.push(canonical);
    }
    for (const name of fullNames) if (!this.people.includes(name)) this.people.push(name);

    for (const label of this.speakerNames.keys()) this.addKey(keyOf(label), this.speakerNames.get(label)!);
    for (const name of this.people) {
      this.addKey(keyOf(name), name);
      for (const part of nameParts(name)) this.addKey(part, name);
    }
    this.longestKey = Math.max(1, ...[...this.byKey.keys()].map((key) => key.split(' ').length));
    const firstWords = [...new Set([...this.byKey.keys()].map((key) => key.split(' ')[0]!))];
    this.anyName = firstWords.length > 0
      ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${firstWords.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'iu')
      : null;
  }

  /** The canonical name for a speaker label (the label itself when nothing better is known). */
  canonicalSpeaker(label: string): string {
    return this.speakerNames.get(label) ?? label;
  }

  /** The canonical name for a name as written, or null when it names nobody known (or several people). */
  resolve(name: string): string | null {
    return this.byKey.get(keyOf(name)) ?? null;
  }

  /**
   * Known people named in a text, longest match first.
   *
   * @example
   * new PeopleDirectory(['Priya Nair', 'Tom']).findMentions('Priya, can you ask Tom?')
   * // [{ name: 'Priya Nair', start: 0, end: 5 }, { name: 'Tom', start: 19, end: 22 }]
   */
  findMentions(text: string): PersonMention[] {
    if (!this.anyName?.test(text)) return [];
    const tokens = tokenize(text);
    const mentions: PersonMention[] = [];
    for (let i = 0; i < tokens.length; i++) {
      for (let n = Math.min(this.longestKey, tokens.length - i); n >= 1; n--) {
        const key = tokens.slice(i, i + n).map((token) => token.norm.replace(/'s$/, '')).join(' ');
        const name = this.byKey.get(key);
        if (!name) continue;
        mentions.push({ name, start: tokens[i]!.start, end: tokens[i + n - 1]!.end });
        i += n - 1;
        break;
      }
    }
    return mentions;
  }

  private addKey(key: string, name: string): void {
    if (!isUsableKey(key)) return;
    const known = this.byKey.get(key);
    // A first name shared by two people resolves to neither.
    if (known === undefined) this.byKey.set(key, name);
    else if (known !== name) this.byKey.set(key, null);
  }
}

function keyOf(name: string): string {
  return tokenize(name).map((token) => token.norm).join(' ');
}

function nameParts(name: string): string[] {
  const words = tokenize(name).map((token) => token.norm);
  return words.length > 1 ? words : [];
}

function isUsableKey(key: string): boolean {
  if (key.length < 2) return false;
  if (key.includes(' ')) return true;
  return !isStopWord(key) && !ROLE_WORDS.has(key) && !/^\p{N}+$/u.test(key);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
