import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { translateJavaRegex } from './java-regex.ts';
import { findAllMatches } from './regex-sandbox.ts';

/**
 * Differential test: every pattern is run by java.util.regex (through
 * __fixtures__/JavaMatches.java) and by its translation, on the same inputs.
 * Needs a JDK (11+) on PATH; without one the test is skipped with a notice.
 */

const CASES: ReadonlyArray<[java: string, inputs: string[]]> = [
  ['\\b(?:\\d[ -]*?){13,16}\\b', ['card 4111 1111 1111 1111 ok', '1234-5678-9012-3456', '4111111111111111111111']],
  ['(?i)internal use only', ['INTERNAL USE ONLY', 'Internal Use Only!', 'ınternal use only', 'İNTERNAL USE ONLY']],
  ['(?iu)internal', ['ınternal', 'INTERNAL']],
  ['a(?i)b|c', ['aB', 'C', 'Ab']],
  ['(?iu-s:x.)', ['X\n', 'Xa']],
  ['(?i)[^a]+', ['Aab']],
  ['(?i)\\p{Lower}+', ['abcDEF1']],
  ['\\p{Lower}+', ['abcDEF1']],
  ['(?i)\\p{IsUppercase}', ['a']],
  ['(?i)straße', ['STRASSE', 'STRAßE']],
  ['(?iu)σ', ['ς', 'Σ']],
  ['[\\p{L}&&[^a-z]]+', ['abcDEFé']],
  ['[^\\p{L}&&[a-z0-9]]+', ['ab12']],
  ['[\\w&&[^\\d]]+', ['ab12_c']],
  ['[\\d-z]+', ['1-z']],
  ['[a-]+', ['a-a']],
  ['[-a]+', ['a-a']],
  ['[^]a]+', [']a]bc']],
  ['[\\Q]\\E]+', [']]a']],
  ['[\\x41-\\x43]+', ['ABCD']],
  ['[\\v-\\f]+', ['\u000b\u000c']],
  ['\\p{L1}+', ['abé€']],
  ['\\p{IsWhite_Space}+', ['a \u2003b']],
  ['\\p{javaWhitespace}+', ['a \u00a0\u2003\u001cb']],
  ['\\p{Sc}', ['$ € a']],
  ['\\p{block=Greek}+', ['αβ ab']],
  ['\\p{InBasic_Latin}+', ['ab é']],
  ['\\p{InLatin-1 Supplement}+', ['ab é']],
  ['\\p{InLATIN_1_SUPPLEMENT}+', ['ab é']],
  ['\\p{InCyrillicSupplementary}', ['\u0500']],
  ['\\p{IsHan}+', ['中文a']],
  ['\\p{IsCyrillic}+', ['Привет a']],
  ['\\p{IsL}+', ['ab 1']],
  ['\\p{Alnum}\\p{XDigit}\\p{Space}\\p{Cntrl}\\p{Print}\\p{Graph}\\p{Blank}', ['aF \u0001a! ']],
  ['(?U)\\bé', ['xé é']],
  ['(?U)\\s+', ['a \u00a0b']],
  ['(?m)$', ['x\r\ny']],
  ['(?m)^', ['x\r\ny\n']],
  ['a$', ['a\r', 'a\u0085', 'a\u2028', 'a\n', 'a\n\n']],
  ['(?d)a$', ['a\r\n', 'a\n', 'a\r']],
  ['\\R\\n', ['\r\n', '\n\n']],
  ['(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)\\10', ['abcdefghijj', 'abcdefghija0']],
  ['(?x)a{2}', ['aa']],
  ['(?x)a +', ['aaa']],
  ['(?x)a+ ?', ['aaa']],
  ['(?x)a\\ b', ['a b']],
  ['(?x)a#x\nb', ['ab']],
  ['a\\.b\\-c\\#', ['a.b-c#']],
  ['x|', ['x']],
  ['a]', ['a]']],
  ['a}', ['a}']],
  ['(?:ab)+?', ['ababab']],
  ['\\Bfoo', ['foo xfoo']],
  ['\\p{IsLu}+', ['AB ab']],
  ['\\p{gc=Lu}+', ['AB ab']],
  ['\\PL+', ['ab 12']],
  ['[a-z&&[def]&&[ef]]+', ['abcdefg']],
  // Invalid in Java, rejected by the translation too.
  ['a**', ['a']],
  ['(?q)a', ['a']],
  ['a{,3}', ['a']],
  ['[[a]', ['a']],
  ['\\E', ['E']],
  ['\\c', ['a']],
  ['[a-\\d]', ['a']],
];

const escape = (s: string) =>
  s.replace(/[\\\n\r\t]|[^\x20-\x7e]/gu, (c) => {
    const simple: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    return simple[c] ?? [...c].map((_, i) => `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`).join('');
  });

function ours(java: string, input: string): string {
  try {
    const { source, flags } = translateJavaRegex(java);
    const flat = findAllMatches(new RegExp(source, `g${flags}`), input);
    const pairs: string[] = [];
    for (let i = 0; i < flat.length; i += 2) pairs.push(`${flat[i]}-${flat[i + 1]}`);
    return pairs.join(',');
  } catch {
    return 'ERR';
  }
}

test('translated patterns match exactly what java.util.regex matches', (t) => {
  const lines = CASES.flatMap(([java, inputs]) => inputs.map((input) => `${escape(java)}\t${escape(input)}`));
  const program = fileURLToPath(new URL('./__fixtures__/JavaMatches.java', import.meta.url));
  const run = spawnSync('java', [program], { input: `${lines.join('\n')}\n`, encoding: 'utf8', timeout: 60_000 });
  if (run.error) {
    t.skip(`no Java runtime on PATH (${run.error.message}); install a JDK 11+ to run this comparison`);
    return;
  }
  assert.equal(run.status, 0, run.stderr);
  const javaResults = run.stdout.split('\n');
  let k = 0;
  for (const [java, inputs] of CASES) {
    for (const input of inputs) {
      const expected = javaResults[k++]!;
      const actual = ours(java, input);
      if (expected.startsWith('ERR')) assert.equal(actual, 'ERR', `${java} is invalid in Java but was translated`);
      else assert.equal(actual, expected, `${java} on ${JSON.stringify(input)}`);
    }
  }
});
