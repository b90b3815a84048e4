import { ISO_COUNTRY_CODES } from './country-codes.ts';
import { SCORE, type Detector } from './detector.ts';
import { scan } from './scan.ts';

/** Generic top-level domains common enough to recognise a bare `name.tld` in prose. */
const GENERIC_TLDS = new Set(
  (
    'com org net edu gov mil int info biz name pro aero coop museum mobi jobs travel app dev io ' +
    'cloud online site tech store shop blog xyz top club live news page digital email link space website ' +
    'world agency solutions systems network services group company global media studio design eu uk'
  ).split(' '),
);

/**
 * Country-code TLDs that are also English words or file extensions (`README.md`,
 * `setup.py`, `end.It`). A bare domain with one of these needs more evidence:
 * a `www.` prefix, a path, or a second-level label such as `co.in`.
 */
const AMBIGUOUS_TLDS = new Set('md py rs pl sh so cc ai ps am as at be by do id in is it me my no to us mo pe'.split(' '));

const WITH_SCHEME = /\b(?:https?|ftps?|sftp|wss?):\/\/[^\s<>"'`]+/giu;
const WITH_WWW = /(?<![\p{L}\p{N}@._-])www\.[^\s<>"'`]+/giu;
const BARE_DOMAIN =
  /(?<![\p{L}\p{N}@._%+-])((?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+)([a-z]{2,24})(?::\d{2,5})?(\/[^\s<>"'`]*)?(?![\p{L}\p{N}@-])/gu;

/** Drops sentence punctuation and unbalanced closing brackets that follow a URL in prose. */
export function trimUrl(url: string): string {
  let end = url.length;
  for (;;) {
    const ch = url[end - 1];
    if (ch === undefined) break;
    if ('.,;:!?\'"'.includes(ch)) {
      end--;
      continue;
    }
    const open = ch === ')' ? '(' : ch === ']' ? '[' : ch === '}' ? '{' : null;
    if (open !== null) {
      const body = url.slice(0, end);
      if (body.split(open).length <= body.split(ch).length - 1) {
        end--;
        continue;
      }
    }
    break;
  }
  return url.slice(0, end);
}

function isKnownTld(tld: string): boolean {
  return GENERIC_TLDS.has(tld) || ISO_COUNTRY_CODES.has(tld.toUpperCase());
}

export const urlDetector: Detector = {
  detect(text) {
    const trimmed = (m: RegExpExecArray) => {
      const value = trimUrl(m[0]);
      return value.includes('.') ? { score: SCORE.strongShape, start: m.index, end: m.index + value.length } : null;
    };
    return [
      ...scan(text, WITH_SCHEME, 'URL', trimmed),
      ...scan(text, WITH_WWW, 'URL', trimmed),
      ...scan(text, BARE_DOMAIN, 'URL', (m) => {
        const labels = m[1]!;
        const tld = m[2]!;
        if (!isKnownTld(tld)) return null;
        const hasPath = m[3] !== undefined && m[3].length > 1;
        const labelCount = labels.split('.').length - 1;
        if (AMBIGUOUS_TLDS.has(tld) && !hasPath && labelCount < 2) return null;
        const value = trimUrl(m[0]);
        return { score: SCORE.shape, start: m.index, end: m.index + value.length };
      }),
    ];
  },
};
