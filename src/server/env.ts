import type { Ctx } from '../core/context.ts';
import type { Services } from '../app/services.ts';

/** Per-request variables set by middleware. */
export interface AppEnv {
  Variables: {
    services: Services;
    /** Set by the authentication middleware on protected routes. */
    ctx: Ctx;
  };
}
