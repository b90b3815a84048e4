/**
 * Seconds from the parts of a subtitle timestamp. Summing whole
 * milliseconds first keeps `00:00:31.702` at 31.702 rather than
 * 31.701999999999998.
 *
 * @example
 * timestampSeconds('01', '02', '03', '004'); // 3723.004
 */
export const timestampSeconds = (hours: string, minutes: string, seconds: string, millis: string): number =>
  (((Number(hours) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000 + Number(millis)) / 1000;
