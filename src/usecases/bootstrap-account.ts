import type { Clock } from '../core/clock.ts';
import { invalidInput } from '../core/errors.ts';
import { newId } from '../core/ids.ts';
import type { Store } from '../core/store.ts';
import { DEPLOYMENT_MODES, type Account, type DeploymentMode, type User } from '../core/types.ts';
import { defaultModeForRegion, normaliseRegion } from '../governance/deployment.ts';
import { issueToken } from '../governance/tokens.ts';

export interface BootstrapRequest {
  accountName: string;
  region: string;
  mode?: DeploymentMode;
  ownerEmail: string;
  ownerName: string;
  /** Name of the first API token. */
  tokenName?: string;
  via: 'cli' | 'api';
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/**
 * Creates an account with its owner and a first API token, in one
 * transaction with its audit events. The token's plaintext is returned once.
 */
export async function bootstrapAccount(
  store: Store,
  clock: Clock,
  req: BootstrapRequest,
): Promise<{ account: Account; owner: User; token: string }> {
  const fields = [];
  const region = normaliseRegion(req.region);
  if (!region) fields.push({ path: 'region', message: `"${req.region}" is not a region code such as EU, US, SG` });
  if (!req.accountName.trim()) fields.push({ path: 'accountName', message: 'an account name is required' });
  if (!EMAIL.test(req.ownerEmail.trim())) fields.push({ path: 'ownerEmail', message: `"${req.ownerEmail}" is not an email address` });
  if (req.mode && !DEPLOYMENT_MODES.includes(req.mode)) {
    fields.push({ path: 'mode', message: `mode must be one of ${DEPLOYMENT_MODES.join(', ')}` });
  }
  if (fields.length > 0) throw invalidInput('cannot create the account', fields);

  const now = clock.now().toISOString();
  const account: Account = {
    id: newId('acc'),
    name: req.accountName.trim(),
    homeRegion: region!,
    deploymentMode: req.mode ?? defaultModeForRegion(region!),
    baseAiLicence: true,
    createdAt: now,
    updatedAt: now,
  };
  const owner: User = {
    id: newId('usr'),
    accountId: account.id,
    email: req.ownerEmail.trim().toLowerCase(),
    name: req.ownerName.trim() || req.ownerEmail.trim(),
    role: 'owner',
    studio: true,
    status: 'active',
    aiAccess: true,
    customAddOn: false,
    locale: 'en',
    externalId: null,
    createdAt: now,
    updatedAt: now,
  };
  return store.transaction(async (tx) => {
    await tx.accounts.create(account);
    await tx.users.create(owner);
    const { token, record } = await issueToken(tx, clock, { accountId: account.id, userId: owner.id, name: req.tokenName ?? 'bootstrap' });
    const base = { accountId: account.id, at: now, actorType: 'system' as const, actorId: null, outcome: 'ok' as const };
    await tx.audit.append({ ...base, action: 'account.create', targetType: 'account', targetId: account.id, details: { via: req.via, region: account.homeRegion, mode: account.deploymentMode } });
    await tx.audit.append({ ...base, action: 'user.create', targetType: 'user', targetId: owner.id, details: { via: req.via, role: 'owner' } });
    await tx.audit.append({ ...base, action: 'token.create', targetType: 'token', targetId: record.id, details: { via: req.via, userId: owner.id, kind: record.kind } });
    return { account, owner, token };
  });
}
