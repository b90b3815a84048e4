import vm from 'node:vm';

/**
 * Runs administrator-written regular expressions under a time budget. V8's
 * backtracking engine cannot be interrupted from JavaScript, but a script run
 * through `node:vm` with a `timeout` is terminated by a watchdog thread, and
 * that includes a regex stuck in catastrophic backtracking.
 */

export type MatchRange = [start: number, end: number];

/**
 * Every non-empty match of the global `re` in `text`, as flat start/end
 * pairs. Self-contained: its source is also what runs inside the sandbox.
 */
export function findAllMatches(re: RegExp, text: string): number[] {
  const found: number[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex = m.index + ((text.codePointAt(m.index) ?? 0) > 0xffff ? 2 : 1);
      continue;
    }
    found.push(m.index, m.index + m[0].length);
  }
  re.lastIndex = 0;
  return found;
}

export function toRanges(flat: readonly number[]): MatchRange[] {
  const ranges: MatchRange[] = [];
  for (let i = 0; i < flat.length; i += 2) ranges.push([flat[i]!, flat[i + 1]!]);
  return ranges;
}

const FIND_ALL = new vm.Script(`(${findAllMatches.toString()})(input.re, input.text)`);

interface SandboxGlobals {
  input: { re: RegExp; text: string } | null;
}

/**
 * One isolated context; each `Redactor` with custom patterns owns one, so
 * requests never share inputs. The budget is wall-clock time, so a timeout is
 * tried once more before it counts: a garbage-collection pause can stall even
 * a linear pattern, a catastrophic one times out both times.
 */
export class RegexSandbox {
  private readonly context = vm.createContext({ input: null }) as SandboxGlobals;

  /** Every non-empty match of the global `regex` in `text`, or `null` when the search ran out of `budgetMs` twice. */
  findAll(regex: RegExp, text: string, budgetMs: number): MatchRange[] | null {
    for (let attempt = 0; attempt < 2; attempt++) {
      const flat = this.run(regex, text, budgetMs);
      if (flat !== null) return toRanges(flat);
    }
    return null;
  }

  private run(regex: RegExp, text: string, budgetMs: number): number[] | null {
    this.context.input = { re: regex, text };
    try {
      return FIND_ALL.runInContext(this.context, { timeout: budgetMs }) as number[];
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return null;
      throw error;
    } finally {
      this.context.input = null;
      regex.lastIndex = 0;
    }
  }
}
