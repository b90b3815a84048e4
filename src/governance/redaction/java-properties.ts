import { UNICODE_BLOCKS } from './unicode-blocks.ts';

/**
 * Java's `\p{…}` names as JavaScript `v`-mode class atoms, resolved in the
 * order `java.util.regex.Pattern` uses: `name=value`, `In` + block, `Is` +
 * binary property / category / script, then plain names. POSIX names are
 * US-ASCII unless `(?U)` is on. Under `(?i)`, Java widens the case-specific
 * classes (`Lu`, `Lower`, `javaUpperCase`…) to all cased letters.
 */

export interface PropertyFlags {
  caseInsensitive: boolean;
  unicodeCharacterClass: boolean;
}

const ANY_CASE = '[\\p{Lowercase}\\p{Uppercase}\\p{Lt}]';
const IDENTIFIER_IGNORABLE = '\\x00-\\x08\\x0E-\\x1B\\x7F-\\x9F\\p{Cf}';

/** Java's `Character` predicates and Unicode binary properties reached through `Is`. */
const UNICODE_PROPERTIES: Readonly<Record<string, string>> = {
  ALPHABETIC: '\\p{Alphabetic}',
  ASSIGNED: '\\P{Cn}',
  CONTROL: '\\p{Cc}',
  HEXDIGIT: '[\\p{Nd}\\p{Hex_Digit}]',
  HEX_DIGIT: '[\\p{Nd}\\p{Hex_Digit}]',
  IDEOGRAPHIC: '\\p{Ideographic}',
  JOINCONTROL: '\\p{Join_Control}',
  JOIN_CONTROL: '\\p{Join_Control}',
  LETTER: '\\p{L}',
  LOWERCASE: '\\p{Lowercase}',
  NONCHARACTERCODEPOINT: '\\p{Noncharacter_Code_Point}',
  NONCHARACTER_CODE_POINT: '\\p{Noncharacter_Code_Point}',
  TITLECASE: '\\p{Lt}',
  PUNCTUATION: '\\p{P}',
  UPPERCASE: '\\p{Uppercase}',
  WHITESPACE: '\\p{White_Space}',
  WHITE_SPACE: '\\p{White_Space}',
  WORD: '[\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}\\p{Join_Control}]',
};

/** POSIX names in their Unicode meaning (`(?U)`, or `Is` + name). */
const UNICODE_POSIX: Readonly<Record<string, string>> = {
  ALPHA: '\\p{Alphabetic}',
  LOWER: '\\p{Lowercase}',
  UPPER: '\\p{Uppercase}',
  SPACE: '\\p{White_Space}',
  PUNCT: '\\p{P}',
  XDIGIT: '[\\p{Nd}\\p{Hex_Digit}]',
  ALNUM: '[\\p{Alphabetic}\\p{Nd}]',
  CNTRL: '\\p{Cc}',
  DIGIT: '\\p{Nd}',
  BLANK: '[\\p{Zs}\\t]',
  GRAPH: '[^\\p{Z}\\p{Cc}\\p{Cs}\\p{Cn}]',
  PRINT: '[[[^\\p{Z}\\p{Cc}\\p{Cs}\\p{Cn}][\\p{Zs}\\t]]&&\\P{Cc}]',
};

const CASED_UNICODE = new Set(['LOWERCASE', 'UPPERCASE', 'TITLECASE', 'LOWER', 'UPPER']);

/** Names Java's `forProperty` knows, case-sensitively: general categories, POSIX (ASCII) and `java*`. */
const PROPERTIES: Readonly<Record<string, string>> = {
  ...Object.fromEntries(
    'Cn Lu Ll Lt Lm Lo Mn Me Mc Nd Nl No Zs Zl Zp Cc Cf Co Cs Pd Ps Pe Pc Po Sm Sc Sk So Pi Pf L M N Z C P S LC'
      .split(' ')
      .map((gc) => [gc, `\\p{${gc}}`]),
  ),
  LD: '[\\p{L}\\p{Nd}]',
  L1: '[\\x00-\\xFF]',
  all: '[\\s\\S]',
  ASCII: '[\\x00-\\x7F]',
  Alnum: '[a-zA-Z0-9]',
  Alpha: '[a-zA-Z]',
  Blank: '[ \\t]',
  Cntrl: '[\\x00-\\x1F\\x7F]',
  Digit: '[0-9]',
  Graph: '[\\x21-\\x7E]',
  Lower: '[a-z]',
  Print: '[\\x20-\\x7E]',
  Punct: '[\\x21-\\x2F\\x3A-\\x40\\x5B-\\x60\\x7B-\\x7E]',
  Space: '[ \\t\\n\\x0B\\f\\r]',
  Upper: '[A-Z]',
  XDigit: '[0-9a-fA-F]',
  javaLowerCase: '\\p{Lowercase}',
  javaUpperCase: '\\p{Uppercase}',
  javaAlphabetic: '\\p{Alphabetic}',
  javaIdeographic: '\\p{Ideographic}',
  javaTitleCase: '\\p{Lt}',
  javaDigit: '\\p{Nd}',
  javaDefined: '\\P{Cn}',
  javaLetter: '\\p{L}',
  javaLetterOrDigit: '[\\p{L}\\p{Nd}]',
  javaJavaIdentifierStart: '[\\p{L}\\p{Nl}\\p{Sc}\\p{Pc}]',
  javaJavaIdentifierPart: `[\\p{L}\\p{Nl}\\p{Sc}\\p{Pc}\\p{Nd}\\p{Mn}\\p{Mc}${IDENTIFIER_IGNORABLE}]`,
  javaUnicodeIdentifierStart: '\\p{ID_Start}',
  javaUnicodeIdentifierPart: `[\\p{ID_Continue}${IDENTIFIER_IGNORABLE}]`,
  javaIdentifierIgnorable: `[${IDENTIFIER_IGNORABLE}]`,
  javaSpaceChar: '\\p{Z}',
  javaWhitespace: '[[\\p{Z}\\t-\\r\\x1C-\\x1F]--[\\xA0\\u2007\\u202F]]',
  javaISOControl: '[\\x00-\\x1F\\x7F-\\x9F]',
  javaMirrored: '\\p{Bidi_Mirrored}',
};

/** Under `(?i)` Java treats these as "any cased letter" (ASCII letters for the POSIX pair). */
const CASE_INSENSITIVE_PROPERTIES: Readonly<Record<string, string>> = {
  Lu: '[\\p{Lu}\\p{Ll}\\p{Lt}]',
  Ll: '[\\p{Lu}\\p{Ll}\\p{Lt}]',
  Lt: '[\\p{Lu}\\p{Ll}\\p{Lt}]',
  Lower: '[a-zA-Z]',
  Upper: '[a-zA-Z]',
  javaLowerCase: ANY_CASE,
  javaUpperCase: ANY_CASE,
  javaTitleCase: ANY_CASE,
};

function forUnicodeProperty(name: string, flags: PropertyFlags): string | null {
  const key = name.toUpperCase();
  if (flags.caseInsensitive && CASED_UNICODE.has(key)) return ANY_CASE;
  return UNICODE_PROPERTIES[key] ?? UNICODE_POSIX[key] ?? null;
}

function forPosixName(name: string, flags: PropertyFlags): string | null {
  const key = name.toUpperCase();
  if (flags.caseInsensitive && CASED_UNICODE.has(key)) return ANY_CASE;
  return UNICODE_POSIX[key] ?? null;
}

function forProperty(name: string, flags: PropertyFlags): string | null {
  if (!Object.hasOwn(PROPERTIES, name)) return null;
  return (flags.caseInsensitive ? CASE_INSENSITIVE_PROPERTIES[name] : undefined) ?? PROPERTIES[name]!;
}

function isValidJsScript(name: string): boolean {
  try {
    new RegExp(`\\p{Script=${name}}`, 'v');
    return true;
  } catch {
    return false;
  }
}

/** Java matches script names and aliases case-insensitively; JavaScript wants their exact spelling. */
function forScript(name: string): string | null {
  const titled = name
    .toLowerCase()
    .split(/[_ ]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('_');
  for (const candidate of [name, titled, titled.replace(/_/g, '')]) {
    if (/^[A-Za-z_]+$/.test(candidate) && isValidJsScript(candidate)) return `\\p{Script=${candidate}}`;
  }
  return null;
}

const normaliseBlock = (name: string) => name.toLowerCase().replace(/[\s_-]/g, '');
/** Java's constant names that differ from the Unicode block names. */
const BLOCK_ALIASES: Readonly<Record<string, string>> = {
  greek: 'greekandcoptic',
  cyrillicsupplementary: 'cyrillicsupplement',
  combiningmarksforsymbols: 'combiningdiacriticalmarksforsymbols',
};
let blocksByName: Map<string, string> | null = null;

function forBlock(name: string): string | null {
  blocksByName ??= new Map(
    UNICODE_BLOCKS.map(([block, from, to]) => [
      normaliseBlock(block),
      `[\\u{${from.toString(16)}}-\\u{${to.toString(16)}}]`,
    ]),
  );
  const key = normaliseBlock(name);
  return blocksByName.get(BLOCK_ALIASES[key] ?? key) ?? null;
}

/**
 * Translates the name inside Java's `\p{…}` to a `v`-mode class atom, or
 * returns `null` when Java would not know the name either.
 *
 * @example
 * translateJavaProperty('Alpha', { caseInsensitive: false, unicodeCharacterClass: false }); // '[a-zA-Z]'
 * translateJavaProperty('IsLatin', { caseInsensitive: false, unicodeCharacterClass: false }); // '\\p{Script=Latin}'
 */
export function translateJavaProperty(name: string, flags: PropertyFlags): string | null {
  const eq = name.indexOf('=');
  if (eq !== -1) {
    const key = name.slice(0, eq).toLowerCase();
    const value = name.slice(eq + 1);
    if (key === 'sc' || key === 'script') return forScript(value);
    if (key === 'blk' || key === 'block') return forBlock(value);
    if (key === 'gc' || key === 'general_category') return forProperty(value, flags);
    return null;
  }
  if (name.startsWith('In')) return forBlock(name.slice(2));
  if (name.startsWith('Is')) {
    const rest = name.slice(2);
    return forUnicodeProperty(rest, flags) ?? forProperty(rest, flags) ?? forScript(rest);
  }
  return (flags.unicodeCharacterClass ? forPosixName(name, flags) : null) ?? forProperty(name, flags);
}
