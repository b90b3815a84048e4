import type { DeploymentMode } from '../core/types.ts';

/**
 * Suggested mode for a new account (SPEC §7.1): EU keeps data with managed
 * in-region services at most, US allows third-party APIs, and every other
 * region starts self-hosted only.
 */
export function defaultModeForRegion(region: string): DeploymentMode {
  const code = region.trim().toUpperCase();
  if (code === 'EU') return 'self-hosted-plus';
  if (code === 'US') return 'federated';
  return 'self-hosted-only';
}

/** Region codes are short upper-case identifiers such as EU, US, SG, KSA. */
export function normaliseRegion(region: string): string | null {
  const code = region.trim().toUpperCase();
  return /^[A-Z][A-Z0-9-]{1,15}$/.test(code) ? code : null;
}
