/**
 * The account's model settings: its deployment mode (owners only, audited
 * with old and new values), the providers it can address (the operator's
 * file plus its own registrations, with usability and health), and the
 * availability of every feature of the catalogue.
 */
import type { Ctx } from '../core/context.ts';
import { AppError, notFound } from '../core/errors.ts';
import type { ProviderInfo, ProviderSource, ProviderStatus } from '../core/provider.ts';
import { DEPLOYMENT_MODES, type Account, type DeploymentMode } from '../core/types.ts';
import { audit } from '../governance/audit.ts';
import { authorize } from '../governance/authorization.ts';
import { identify } from '../governance/identity.ts';
import { BUILTIN_PROVIDER_INFO } from '../models/builtin-provider.ts';
import { getFeature } from '../features/registry.ts';
import { featureAvailability, type FeatureAvailability } from '../models/availability.ts';
import { parseProviderRegistration } from '../models/config.ts';
import { MODE_HOSTING, usability } from '../models/router.ts';

export interface AccountView {
  id: string;
  name: string;
  homeRegion: string;
  deploymentMode: DeploymentMode;
  /** Hosting classes the mode allows. */
  allowedHosting: string[];
}

function accountView(account: Account): AccountView {
  return {
    id: account.id,
    name: account.name,
    homeRegion: account.homeRegion,
    deploymentMode: account.deploymentMode,
    allowedHosting: [...MODE_HOSTING[account.deploymentMode]],
  };
}

/** @example await getAccount(ctx); // { deploymentMode: 'self-hosted-plus', … } */
export async function getAccount(ctx: Ctx): Promise<AccountView> {
  await identify(ctx);
  const account = await ctx.store.accounts.get(ctx.account.id);
  if (!account) throw notFound('account', ctx.account.id);
  return accountView(account);
}

/**
 * Changes the deployment mode. Only an owner may (SPEC §7.1); the audit
 * record holds the old and the new mode and commits with the change.
 *
 * @example
 * await changeDeploymentMode(ctx, 'self-hosted-only');
 */
export async function changeDeploymentMode(ctx: Ctx, mode: unknown): Promise<AccountView> {
  if (typeof mode !== 'string' || !(DEPLOYMENT_MODES as readonly string[]).includes(mode)) {
    throw new AppError('invalid_input', `deploymentMode must be one of ${DEPLOYMENT_MODES.join(', ')}`, {
      fields: [{ path: 'deploymentMode', message: `must be one of ${DEPLOYMENT_MODES.join(', ')}` }],
    });
  }
  await authorize(ctx, 'account.mode');
  return ctx.store.transaction(async (tx) => {
    const account = await tx.accounts.get(ctx.account.id);
    if (!account) throw notFound('account', ctx.account.id);
    const old = account.deploymentMode;
    if (old !== mode) {
      const updatedAt = ctx.clock.now().toISOString();
      await tx.accounts.update(account.id, { deploymentMode: mode as DeploymentMode, updatedAt });
      await audit({ ...ctx, store: tx }, { action: 'account.mode.change', targetType: 'account', targetId: account.id, details: { old, new: mode } });
    }
    return accountView({ ...account, deploymentMode: mode as DeploymentMode });
  });
}

export interface ProviderView {
  name: string;
  source: ProviderSource;
  kind: string;
  hosting: string;
  regions: string[];
  capabilities: string[];
  models: Record<string, string>;
  contextWindow: number;
  retainsData: boolean;
  costPer1kTokens: { input: number; output: number } | null;
  /** Allowed for this account by mode and residency, and why (or why not). */
  usable: boolean;
  reason: string;
  health: ProviderStatus;
}

function providerView(ctx: Ctx, info: ProviderInfo, source: ProviderSource): ProviderView {
  const { usable, reason } = usability(info, ctx.account);
  return {
    name: info.name,
    source,
    kind: info.kind,
    hosting: info.hosting,
    regions: info.regions,
    capabilities: info.capabilities,
    models: info.models as Record<string, string>,
    contextWindow: info.contextWindow,
    retainsData: info.retainsData,
    costPer1kTokens: info.costPer1kTokens ?? null,
    usable,
    reason,
    health: ctx.models?.status(ctx.account.id, info.name) ?? { circuit: 'closed', openUntil: null, consecutiveFailures: 0, latencyMs: null, outstanding: 0 },
  };
}

async function registered(ctx: Ctx): Promise<{ info: ProviderInfo; source: ProviderSource }[]> {
  return ctx.models ? ctx.models.providers(ctx.account.id) : [{ info: BUILTIN_PROVIDER_INFO, source: 'builtin' }];
}

/** Every provider the account can name, built-in first, with usability for the account and health. */
export async function listProviders(ctx: Ctx): Promise<ProviderView[]> {
  await authorize(ctx, 'account.read');
  return (await registered(ctx)).map(({ info, source }) => providerView(ctx, info, source));
}

/**
 * Registers a provider for the account. The registration names environment
 * variables for its secrets; a literal secret, a name taken by the
 * operator's file or by the account, or an unset variable is refused.
 *
 * @example
 * await registerProvider(ctx, { name: 'ollama', kind: 'openai-compatible', baseUrl: 'http://gpu1:11434/v1', … });
 */
export async function registerProvider(ctx: Ctx, raw: unknown): Promise<ProviderView> {
  const user = await authorize(ctx, 'providers.manage');
  const config = parseProviderRegistration(raw);
  const name = config.info.name;
  if (!ctx.models) throw new AppError('feature_unavailable', 'model providers are not enabled in this process');
  ctx.models.checkRegistration(raw);
  const taken = (await ctx.models.providers(ctx.account.id)).find((p) => p.info.name === name);
  if (taken) {
    throw new AppError('conflict', `a provider named ${name} is already registered (${taken.source === 'config' ? 'in the configuration file' : 'by this account'})`, {
      details: { provider: name },
    });
  }
  await ctx.store.transaction(async (tx) => {
    await tx.providers.create({ accountId: ctx.account.id, name, registration: raw as Record<string, unknown>, createdBy: user.id, createdAt: ctx.clock.now().toISOString() });
    await audit({ ...ctx, store: tx }, {
      action: 'provider.register',
      targetType: 'provider',
      targetId: name,
      details: { kind: config.info.kind, hosting: config.info.hosting, regions: config.info.regions, capabilities: config.info.capabilities, retainsData: config.info.retainsData },
    });
  });
  return providerView(ctx, config.info, 'account');
}

/** Removes one of the account's own registrations; the operator's file is changed in the file. */
export async function removeProvider(ctx: Ctx, name: string): Promise<void> {
  await authorize(ctx, 'providers.manage');
  const known = (await registered(ctx)).find((p) => p.info.name === name);
  if (known && known.source !== 'account') {
    throw new AppError('conflict', `provider ${name} comes from ${known.source === 'builtin' ? 'Confer itself' : 'the configuration file (CONFER_CONFIG)'} and cannot be removed through the API`, {
      details: { provider: name },
    });
  }
  await ctx.store.transaction(async (tx) => {
    if (!(await tx.providers.delete(ctx.account.id, name))) throw notFound('provider', name);
    await audit({ ...ctx, store: tx }, { action: 'provider.remove', targetType: 'provider', targetId: name });
  });
}

export interface FeatureListing {
  account: { id: string; homeRegion: string; deploymentMode: DeploymentMode };
  /**
   * `available` says whether the account's models could serve the feature;
   * `implemented` whether this version of Confer has it to run.
   */
  features: (FeatureAvailability & { implemented: boolean })[];
}

/**
 * Every feature of the catalogue with `available: true` or the exact reason
 * it is not, computed from the usable providers' capabilities.
 *
 * @example
 * (await listFeatures(ctx)).features.find((f) => f.featureId === 'image.generate')?.reason;
 */
export async function listFeatures(ctx: Ctx): Promise<FeatureListing> {
  await identify(ctx);
  const account = (await ctx.store.accounts.get(ctx.account.id)) ?? ctx.account;
  const infos = (await registered(ctx)).map((p) => p.info);
  return {
    account: { id: account.id, homeRegion: account.homeRegion, deploymentMode: account.deploymentMode },
    features: featureAvailability(infos, account).map((f) => ({ ...f, implemented: getFeature(f.featureId) !== undefined })),
  };
}
