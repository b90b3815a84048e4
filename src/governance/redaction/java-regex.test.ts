import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../../core/errors.ts';
import { translateJavaRegex } from './java-regex.ts';
import { findAllMatches } from './regex-sandbox.ts';

function matchesOf(java: string, input: string): string[] {
  const { source, flags } = translateJavaRegex(java);
  const flat = findAllMatches(new RegExp(source, `g${flags}`), input);
  const out: string[] = [];
  for (let i = 0; i < flat.length; i += 2) out.push(input.slice(flat[i], flat[i + 1]));
  return out;
}

/**
 * Each construct with inputs and the matches java.util.regex.Pattern finds
 * in them (recorded with OpenJDK 17's Matcher.find, empty matches skipped).
 */
const TRANSLATIONS: ReadonlyArray<[construct: string, java: string, samples: Array<[input: string, javaMatches: string[]]>]> = [
  ["SPEC example: card-like digit runs", "\\b(?:\\d[ -]*?){13,16}\\b", [["card 4111 1111 1111 1111 ok", ["4111 1111 1111 1111"]], ["ref 1234-5678-9012-3456", ["1234-5678-9012-3456"]], ["12 34", []]]],
  ["SPEC example: leading (?i)", "(?i)internal use only", [["INTERNAL USE ONLY", ["INTERNAL USE ONLY"]], ["Internal Use Only!", ["Internal Use Only"]], ["internal  use only", []]]],
  ["(?i) folds ASCII only", "(?i)é", [["É é", ["é"]]]],
  ["(?iu) folds Unicode, Kelvin sign included", "(?iu)k", [["K k \u212a", ["K", "k", "\u212a"]]]],
  ["(?iu) ranges", "(?iu)[a-z]+", [["\u212aıſ", ["\u212aıſ"]]]],
  ["scoped (?i:\u2026)", "(?i:ab)c", [["ABc abC", ["ABc"]]]],
  ["(?i) in the middle lasts to the end of the group", "(a(?i)b)c|d", [["aBc aBC D", ["aBc"]]]],
  ["(?-i) turns folding off", "(?i)a(?-i)b", [["AB Ab", ["Ab"]]]],
  ["(?s) dot matches line terminators", "(?s)a.b", [["a\nb", ["a\nb"]]]],
  ["dot excludes Java's line terminators", "a.b", [["a\nb a\rb a\u0085b a\u2028b axb", ["axb"]]]],
  ["(?d) only \\n ends a line", "(?d)a.b", [["a\nb a\rb", ["a\rb"]]]],
  ["^ and $ without (?m)", "^a$", [["a\n", ["a"]]]],
  ["$ before a final \\r\\n", "a$", [["a\r\n", ["a"]]]],
  ["(?m) ^ and $ at every line", "(?m)^a$", [["a\na\r\na\ra", ["a", "a", "a", "a"]]]],
  ["(?x) drops whitespace and comments", "(?x) a b # comment\n c", [["abc a b c", ["abc"]]]],
  ["(?x) inside a class", "(?x)[a b]+", [["a b ab", ["a", "b", "ab"]]]],
  ["(?U) Unicode \\w", "(?U)\\w+", [["héllo wörld_1", ["héllo", "wörld_1"]]]],
  ["\\w is ASCII by default", "\\w+", [["héllo", ["h", "llo"]]]],
  ["(?U) Unicode \\d", "(?U)\\d+", [["\u0661\u0662\u0663 123", ["\u0661\u0662\u0663", "123"]]]],
  ["\\s is ASCII by default", "\\s+", [["a \u00a0b", [" "]]]],
  ["\\p{Lu}", "\\p{Lu}+", [["Hello WORLD ÉCOLE", ["H", "WORLD", "ÉCOLE"]]]],
  ["\\p{IsLatin} script", "\\p{IsLatin}+", [["abc αβγ déf", ["abc", "déf"]]]],
  ["\\p{InGreek} block", "\\p{InGreek}+", [["abc αβγ déf", ["αβγ"]]]],
  ["\\p{javaLowerCase}", "\\p{javaLowerCase}+", [["abcDEFéÉ", ["abc", "é"]]]],
  ["\\p{Alpha} is ASCII", "\\p{Alpha}+", [["abcé1", ["abc"]]]],
  ["\\p{IsAlphabetic} is Unicode", "\\p{IsAlphabetic}+", [["abcé1", ["abcé"]]]],
  ["\\p{Punct}", "\\p{Punct}+", [["a!@#b.,c\u20ac", ["!@#", ".,"]]]],
  ["\\p{Alnum} under (?U)", "(?U)\\p{Alnum}+", [["abé1 x", ["abé1", "x"]]]],
  ["(?i) widens \\p{Lu}", "(?i)\\p{Lu}+", [["abcDEF", ["abcDEF"]]]],
  ["\\p{sc=\u2026} \\p{gc=\u2026} \\pL", "\\p{sc=Greek}\\p{gc=Lu}\\pL", [["αBc", ["αBc"]]]],
  ["\\P{\u2026} negation", "\\PL+", [["ab 12", [" 12"]]]],
  ["\\A \\z", "\\Aab\\z", [["ab", ["ab"]]]],
  ["\\Z allows a final line terminator", "a\\Z", [["a\r\n", ["a"]]]],
  ["\\Q\u2026\\E quotes; a quantifier binds to the last character", "\\Qa.b\\E*", [["a.bbb a. axb", ["a.bbb", "a."]]]],
  ["intersection with a negated class", "[a-z&&[^aeiou]]+", [["hello world", ["h", "ll", "w", "rld"]]]],
  ["intersection with a bare operand", "[a-z&&def]+", [["abcdefg", ["def"]]]],
  ["nested class union", "[a-d[m-p]]+", [["abcdefmnopq", ["abcd", "mnop"]]]],
  ["] first in a class is literal", "[]a]+", [["]a]", ["]a]"]]]],
  ["\\h \\v", "\\h+|\\v+", [["a \t\u00a0b\n\u000b\r", [" \t\u00a0", "\n\u000b\r"]]]],
  ["\\R line break", "a\\Rb", [["a\r\nb a\nb", ["a\r\nb", "a\nb"]]]],
  ["escapes \\0 \\x \\u \\c \\e \\a", "\\0101\\x42\\u0043\\cA\\e\\a", [["ABC\u0001\u001b\u0007", ["ABC\u0001\u001b\u0007"]]]],
  ["\\x{\u2026} beyond the BMP", "\\x{1F600}+", [["😀😀a", ["😀😀"]]]],
  ["backreferences, multi-digit only when the group exists", "(a)\\10", [["aa0", ["aa0"]]]],
  ["named groups and \\k<name>", "(?<n>x)\\k<n>", [["xx", ["xx"]]]],
  ["lazy and counted quantifiers", "a{2,3}?", [["aaaaa", ["aa", "aa"]]]],
  ["quantified look-ahead", "(?=a)*b", [["b", ["b"]]]],
  ["look-behind", "(?<=a)b|(?<!a)c", [["ab cb ac xc", ["b", "c", "c"]]]],
  ["\\b word boundary", "\\bfoo\\b", [["foo foobar bar_foo foo.", ["foo", "foo"]]]],
];

for (const [construct, java, samples] of TRANSLATIONS) {
  test(`translates ${construct}: ${java}`, () => {
    for (const [input, expected] of samples) assert.deepEqual(matchesOf(java, input), expected, JSON.stringify(input));
  });
}

test('translations use the v flag and never a global i flag', () => {
  const { source, flags } = translateJavaRegex('(?i)internal use only');
  assert.equal(flags, 'v');
  assert.equal(source, '[iI][nN][tT][eE][rR][nN][aA][lL] [uU][sS][eE] [oO][nN][lL][yY]');
});

test('POSIX bracket names take their POSIX meaning, not Java\'s literal reading', () => {
  assert.deepEqual(matchesOf('[[:alpha:]]+', 'ab1:cd'), ['ab', 'cd']);
  assert.deepEqual(matchesOf('[[:^digit:]]+', 'ab12'), ['ab']);
  assert.deepEqual(matchesOf('(?U)[[:alpha:]]+', 'é1'), ['é']);
});

const REJECTIONS: ReadonlyArray<[java: string, message: RegExp]> = [
  ['a*+', /possessive quantifier \*\+ has no JavaScript equivalent; use \* instead at index 1/],
  ['a++b', /possessive quantifier \+\+ .* at index 1/],
  ['a?+', /possessive quantifier \?\+ .* at index 1/],
  ['\\d{3}+', /possessive quantifier \{3\}\+ .* at index 2/],
  ['(?>ab)c', /atomic group \(\?>…\) has no JavaScript equivalent at index 0/],
  ['\\Gfoo', /\\G \(end of the previous match\) has no JavaScript equivalent at index 0/],
  ['a\\X', /\\X \(extended grapheme cluster\) .* at index 1/],
  ['\\b{g}', /\\b\{g\} \(grapheme boundary\) .* at index 0/],
  ['\\N{LATIN SMALL LETTER A}', /\\N\{…\} .* not supported/],
  ['(?i)(a)\\1', /backreference under \(\?i\) cannot be translated.* at index 7/],
  ['\\1(a)', /backreference \\1 comes before its group is closed at index 0/],
  ['(a)\\2', /backreference \\2 names a group that does not exist at index 3/],
  ['\\k<x>(?<x>a)', /named group <x> is not defined and closed before \\k<x> at index 0/],
  ['(?<x>a)(?<x>b)', /named group <x> is already defined at index 7/],
  ['(?q)a', /unknown inline flag 'q' in group starting at index 0/],
  ['*a', /dangling meta character '\*' \(nothing to repeat\) at index 0/],
  ['a{', /illegal repetition: '\{' must start a quantifier .* at index 1/],
  ['{2}', /illegal repetition: '\{' starts a quantifier but there is nothing to repeat/],
  ['a{3,2}', /illegal repetition range \{3,2\}: maximum below minimum at index 1/],
  ['a{2', /unclosed counted repetition/],
  ['(ab', /unclosed group: '\(' has no matching '\)' at index 0/],
  ['ab)', /unmatched closing '\)' at index 2/],
  ['[ab', /unclosed character class at index 0/],
  ['[z-a]', /illegal character range \(end before start\) at index 2/],
  ['[a&&]', /empty right-hand side of && in a character class at index 2/],
  ['[\\b]', /escape \\b is not allowed inside a character class at index 1/],
  ['\\p{Foo}', /unknown character property \\p\{Foo\} at index 0/],
  ['\\p{InNoSuchBlock}', /unknown character property/],
  ['\\y', /illegal or unsupported escape sequence \\y at index 0/],
  ['\\0', /illegal octal escape sequence/],
  ['\\x{110000}', /above U\+10FFFF/],
  ['\\u12', /illegal Unicode escape sequence at index 0/],
  ['a\\', /trailing backslash at index 1/],
];

test('constructs that are invalid in Java or have no JavaScript equivalent are rejected with their position', () => {
  for (const [java, message] of REJECTIONS) {
    assert.throws(
      () => translateJavaRegex(java),
      (error: unknown) => AppError.isInstance(error) && error.code === 'invalid_input' && message.test(error.message),
      `${java} should be rejected with ${message}`,
    );
  }
});
