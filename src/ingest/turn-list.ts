import { AppError } from '../core/errors.ts';
import { MAX_SEGMENTS } from './limits.ts';
import { normaliseSpace } from './speaker.ts';
import type { Turn } from './types.ts';

/**
 * Collects a parser's turns: normalises whitespace, drops turns left without
 * text, and enforces `MAX_SEGMENTS` as turns arrive so an oversized file
 * fails at the first turn over the limit rather than after a full parse.
 *
 * @example
 * const turns = new TurnList('a.txt');
 * turns.add(1, { speaker: 'Ana', text: '  hello \n there ' });
 * turns.items; // [{ speaker: 'Ana', text: 'hello there' }]
 */
export class TurnList<T extends Turn> {
  readonly items: T[] = [];

  constructor(private readonly file: string) {}

  /**
   * `line` is where the turn starts, for the limit error; a function when
   * finding it costs more than reading the turn.
   */
  add(line: number | (() => number), turn: T): void {
    const text = normaliseSpace(turn.text);
    if (text === '') return;
    if (this.items.length === MAX_SEGMENTS) {
      if (typeof line === 'function') line = line();
      throw new AppError(
        'payload_too_large',
        `${this.file}:${line}: segment ${MAX_SEGMENTS + 1} is over the limit of ${MAX_SEGMENTS} segments per transcript; split the transcript into smaller files`,
        { details: { file: this.file, line, count: MAX_SEGMENTS + 1, limit: MAX_SEGMENTS } },
      );
    }
    this.items.push({ ...turn, speaker: normaliseSpace(turn.speaker), text });
  }
}
