import type { Context } from 'hono';
import type { AppEnv } from './env.ts';

/**
 * The origin people reach Confer at: `CONFER_PUBLIC_URL` when set, otherwise
 * the origin of the request, for links handed out to browsers.
 *
 * @example
 * `${publicOrigin(c)}/shared/${token}` // 'https://confer.example.com/shared/shr_…'
 */
export function publicOrigin(c: Context<AppEnv>): string {
  return c.var.services.config.identity.publicUrl ?? new URL(c.req.url).origin;
}
