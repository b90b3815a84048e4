import { isIPv4, isIPv6 } from 'node:net';
import { textBefore } from './context-window.ts';
import { SCORE, type Detector } from './detector.ts';
import { scan } from './scan.ts';

const IPV4 = /(?<![\p{L}\p{N}.])(?:\d{1,3}\.){3}\d{1,3}(?![\p{L}\p{N}]|\.\d)/gu;
const IPV6 =
  /(?<![\p{L}\p{N}:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:(?:\d{1,3}\.){3}\d{1,3}|[0-9A-Fa-f]{1,4})?(?![\p{L}\p{N}:]|\.\d)/gu;

/** `v1.2.3.4` and `version 1.2.3.4` are software versions, not addresses. */
const VERSION_CONTEXT = /(?:\bv|\bversion|\brelease|\bbuild)\s*$/;

export const ipAddressDetector: Detector = {
  detect(text) {
    return [
      ...scan(text, IPV4, 'IP_ADDRESS', (m) => {
        // Leading zeros make an octet ambiguous (octal in some parsers), and isIPv4 refuses them.
        if (!isIPv4(m[0])) return null;
        return VERSION_CONTEXT.test(textBefore(text, m.index, 12)) ? null : SCORE.strongShape;
      }),
      ...scan(text, IPV6, 'IP_ADDRESS', (m) => {
        const groups = m[0].split(':').filter((g) => g.length > 0);
        // `::` alone or a clock time such as `12:30:` is not worth redacting as an address.
        if (groups.length < 2 || !isIPv6(m[0])) return null;
        return SCORE.strongShape;
      }),
    ];
  },
};
