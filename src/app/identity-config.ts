/**
 * Sign-in configuration, read from the environment. OIDC is enabled when
 * `CONFER_OIDC_ISSUER` and `CONFER_OIDC_CLIENT_ID` are set. Claim names say
 * where the identity provider puts groups and licences; they are applied at
 * every sign-in.
 */
import { z } from 'zod';
import { AppError } from '../core/errors.ts';

export const IDENTITY_ENV_VARS = {
  CONFER_PUBLIC_URL: 'the URL users reach Confer at (https://confer.example.com); used for the OIDC redirect URI, secure cookies and the same-origin check of cookie requests, SCIM locations and links in summary emails; default the request URL',
  CONFER_OIDC_ISSUER: 'OIDC issuer URL; enables single sign-on at /auth/oidc/login',
  CONFER_OIDC_CLIENT_ID: 'OIDC client id registered for Confer',
  CONFER_OIDC_LABEL: 'name of the identity provider on the web sign-in button ("Sign in with <label>"); default `single sign-on`',
  CONFER_OIDC_CLIENT_SECRET: 'OIDC client secret; leave unset for a public client (PKCE only)',
  CONFER_OIDC_SCOPES: 'scopes requested at sign-in; default `openid email profile`',
  CONFER_OIDC_GROUPS_CLAIM: 'claim listing the group names of the user; default `groups`',
  CONFER_OIDC_AI_ACCESS_CLAIM: 'claim (boolean) assigning the base AI licence at each sign-in; unset leaves it as stored',
  CONFER_OIDC_ADDON_CLAIM: 'claim (boolean) assigning the custom add-on licence at each sign-in; unset leaves it as stored',
  CONFER_OIDC_CREATE_USERS: 'create a user at first sign-in (`on`/`off`); default `on` (`off`: only provisioned users may sign in)',
  CONFER_OIDC_ACCOUNT: 'account id users sign in to; default the first account',
  CONFER_OIDC_ALLOW_HTTP: 'allow an `http://` issuer, for local testing only (`on`/`off`); default `off`',
  CONFER_SESSION_HOURS: 'lifetime of a web session in hours; default 12',
} as const;

const onOff = z.enum(['on', 'off']);
const schema = z.object({
  CONFER_PUBLIC_URL: z.url().optional(),
  CONFER_OIDC_ISSUER: z.url().optional(),
  CONFER_OIDC_CLIENT_ID: z.string().optional(),
  CONFER_OIDC_CLIENT_SECRET: z.string().optional(),
  CONFER_OIDC_LABEL: z.string().trim().min(1).max(60).default('single sign-on'),
  CONFER_OIDC_SCOPES: z.string().default('openid email profile'),
  CONFER_OIDC_GROUPS_CLAIM: z.string().default('groups'),
  CONFER_OIDC_AI_ACCESS_CLAIM: z.string().optional(),
  CONFER_OIDC_ADDON_CLAIM: z.string().optional(),
  CONFER_OIDC_CREATE_USERS: onOff.default('on'),
  CONFER_OIDC_ACCOUNT: z.string().optional(),
  CONFER_OIDC_ALLOW_HTTP: onOff.default('off'),
  CONFER_SESSION_HOURS: z.coerce.number().min(0.1).max(24 * 90).default(12),
});

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret?: string;
  /** Shown to people on the sign-in button; not a secret. */
  label: string;
  scopes: string;
  groupsClaim: string;
  aiAccessClaim?: string;
  addOnClaim?: string;
  createUsers: boolean;
  account?: string;
  allowHttp: boolean;
}

export interface IdentityConfig {
  publicUrl?: string;
  oidc: OidcConfig | null;
  sessionHours: number;
}

export function loadIdentityConfig(env: Record<string, string | undefined>): IdentityConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([k, v]) => k in IDENTITY_ENV_VARS && v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('invalid_input', `environment variable ${String(issue.path[0])}: ${issue.message}`);
  }
  const c = parsed.data;
  if (c.CONFER_OIDC_ISSUER && !c.CONFER_OIDC_CLIENT_ID) {
    throw new AppError('invalid_input', 'environment variable CONFER_OIDC_CLIENT_ID: required when CONFER_OIDC_ISSUER is set');
  }
  return {
    publicUrl: c.CONFER_PUBLIC_URL?.replace(/\/+$/, ''),
    sessionHours: c.CONFER_SESSION_HOURS,
    oidc: c.CONFER_OIDC_ISSUER
      ? {
          issuer: c.CONFER_OIDC_ISSUER,
          clientId: c.CONFER_OIDC_CLIENT_ID!,
          clientSecret: c.CONFER_OIDC_CLIENT_SECRET,
          label: c.CONFER_OIDC_LABEL,
          scopes: c.CONFER_OIDC_SCOPES,
          groupsClaim: c.CONFER_OIDC_GROUPS_CLAIM,
          aiAccessClaim: c.CONFER_OIDC_AI_ACCESS_CLAIM,
          addOnClaim: c.CONFER_OIDC_ADDON_CLAIM,
          createUsers: c.CONFER_OIDC_CREATE_USERS === 'on',
          account: c.CONFER_OIDC_ACCOUNT,
          allowHttp: c.CONFER_OIDC_ALLOW_HTTP === 'on',
        }
      : null,
  };
}
