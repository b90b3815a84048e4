import { z } from 'zod';
import { AppError } from '../core/errors.ts';
import type { LogLevel } from '../core/logger.ts';
import { IDENTITY_ENV_VARS, loadIdentityConfig, type IdentityConfig } from './identity-config.ts';

/**
 * Every environment variable Confer reads. The README's configuration table
 * carries the same descriptions (config.test.ts checks both lists match).
 */
export const ENV_VARS = {
  CONFER_DATABASE_URL: 'PostgreSQL URL (postgres://…) or SQLite file path; default ./data/confer.db',
  CONFER_REDIS_URL: 'Redis URL (redis://…); when set, jobs go through BullMQ on Redis instead of the database queue',
  CONFER_CONFIG: 'path to the operator configuration file (JSON or YAML): model providers',
  CONFER_HOST: 'address `confer serve` listens on; default 127.0.0.1',
  CONFER_PORT: 'port `confer serve` listens on; default 8080',
  CONFER_LOG_LEVEL: 'debug, info, warn or error; default info for serve/worker, warn for other commands',
  CONFER_REGION: 'home region of the local account created on first use; default EU',
  CONFER_WORKER: 'run the job worker inside `confer serve` (on/off); default on',
  CONFER_ACCOUNT: 'account id the CLI acts on; default the first account',
  CONFER_USER: 'email of the user the CLI acts as; default the account owner',
  ...IDENTITY_ENV_VARS,
  CONFER_SMTP_URL: 'SMTP server for summary emails (smtp://user:pass@host:587 or smtps://…); unset: no email is sent',
  CONFER_MAIL_FROM: 'sender address of summary emails; default confer@localhost',
  CONFER_EXPORT_DIR: 'directory where eDiscovery exports made through the API are written, one sub-directory per export; default ./data/exports',
} as const;

const schema = z.object({
  CONFER_DATABASE_URL: z.string().optional(),
  CONFER_REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must start with redis:// or rediss://').optional(),
  CONFER_CONFIG: z.string().optional(),
  CONFER_HOST: z.string().default('127.0.0.1'),
  CONFER_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  CONFER_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).optional(),
  CONFER_REGION: z.string().default('EU'),
  CONFER_WORKER: z.enum(['on', 'off']).default('on'),
  CONFER_ACCOUNT: z.string().optional(),
  CONFER_USER: z.string().optional(),
  CONFER_SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  CONFER_MAIL_FROM: z.string().default('confer@localhost'),
  CONFER_EXPORT_DIR: z.string().default('./data/exports'),
});

export interface AppConfig {
  databaseUrl?: string;
  redisUrl?: string;
  configFile?: string;
  host: string;
  port: number;
  logLevel?: LogLevel;
  region: string;
  worker: boolean;
  account?: string;
  user?: string;
  /** Public URL, OIDC sign-in and sessions. */
  identity: IdentityConfig;
  smtpUrl?: string;
  mailFrom?: string;
  /** Public base URL (CONFER_PUBLIC_URL), also used for links in summary emails. */
  publicUrl?: string;
  /** Where `POST /v1/exports` writes bundles, one sub-directory per export id. */
  exportDir: string;
}

/** Reads and validates the environment; names the variable that is wrong. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const blankless = Object.fromEntries(Object.entries(env).filter(([k, v]) => k.startsWith('CONFER_') && v !== ''));
  const parsed = schema.safeParse(blankless);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('invalid_input', `environment variable ${String(issue.path[0])}: ${issue.message}`);
  }
  const c = parsed.data;
  const identity = loadIdentityConfig(env);
  return {
    databaseUrl: c.CONFER_DATABASE_URL,
    redisUrl: c.CONFER_REDIS_URL,
    configFile: c.CONFER_CONFIG,
    host: c.CONFER_HOST,
    port: c.CONFER_PORT,
    logLevel: c.CONFER_LOG_LEVEL,
    region: c.CONFER_REGION,
    worker: c.CONFER_WORKER === 'on',
    account: c.CONFER_ACCOUNT,
    user: c.CONFER_USER,
    identity,
    smtpUrl: c.CONFER_SMTP_URL,
    mailFrom: c.CONFER_MAIL_FROM,
    publicUrl: identity.publicUrl,
    exportDir: c.CONFER_EXPORT_DIR,
  };
}
