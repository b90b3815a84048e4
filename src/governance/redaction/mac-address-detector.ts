import { SCORE, type Detector } from './detector.ts';
import { scan } from './scan.ts';

/** Six hex pairs with one consistent separator, or Cisco's three dotted quads. */
const MAC =
  /(?<![\p{L}\p{N}:.-])(?:[0-9A-Fa-f]{2}([:-])(?:[0-9A-Fa-f]{2}\1){4}[0-9A-Fa-f]{2}|[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4})(?![\p{L}\p{N}:-]|\.[0-9A-Fa-f])/gu;

export const macAddressDetector: Detector = {
  detect: (text) =>
    scan(text, MAC, 'MAC_ADDRESS', (m) =>
      // A dotted Cisco form of plain digits is more likely a number than an address.
      m[1] === undefined && !/[A-Fa-f]/.test(m[0]) ? null : SCORE.strongShape,
    ),
};
