import { SCORE, type Detector } from './detector.ts';
import { scan } from './scan.ts';

/** Local part, `@`, then dot-separated host labels ending in an alphabetic top-level domain. */
const EMAIL =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}_%+-](?:[\p{L}\p{N}._%+-]*[\p{L}\p{N}_%+-])?@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+\p{L}{2,24}(?![\p{L}\p{N}-]|\.[\p{L}\p{N}])/gu;

export const emailDetector: Detector = {
  detect: (text) => scan(text, EMAIL, 'EMAIL', () => SCORE.strongShape),
};
