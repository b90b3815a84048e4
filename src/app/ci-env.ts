/**
 * Whether the tests run in CI, where a missing service (PostgreSQL, Redis,
 * Chromium) is a failure rather than a visible skip. CI systems set `CI=true`
 * (some `CI=1`); `CI=false` or an empty value means a developer's machine.
 *
 * @example
 * if (missing && inCi()) throw new Error(`${missing} (required in CI)`);
 */
export function inCi(env: Record<string, string | undefined> = process.env): boolean {
  return /^(?:true|1|yes)$/i.test((env.CI ?? '').trim());
}
