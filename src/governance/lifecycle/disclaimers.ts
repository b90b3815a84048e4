/**
 * Disclaimers and consent (SPEC §8.6): admin-written messages shown before
 * the features of a group (a surface such as `meetings` or `panel`),
 * separately for internal and external users, in the 17 languages of SPEC
 * §6. With "require consent" the features refuse to run until the user has
 * accepted the current version; each acceptance is recorded with its time,
 * version and language.
 */
import { withStore, type Ctx } from '../../core/context.ts';
import { AppError, invalidInput } from '../../core/errors.ts';
import { FEATURE_SPECS, type FeatureSpec } from '../../core/features.ts';
import type { Audience, ConsentAcceptance, Disclaimer } from '../../core/lifecycle.ts';
import type { User } from '../../core/types.ts';
import { audit } from '../audit.ts';
import { authorize } from '../authorization.ts';
import { identify } from '../identity.ts';

/** English, Spanish, German, Simplified and Traditional Chinese, French, Portuguese, Japanese, Russian, Korean, Italian, Vietnamese, Polish, Turkish, Indonesian, Dutch, Swedish. */
export const DISCLAIMER_LANGUAGES = ['en', 'es', 'de', 'zh-Hans', 'zh-Hant', 'fr', 'pt', 'ja', 'ru', 'ko', 'it', 'vi', 'pl', 'tr', 'id', 'nl', 'sv'] as const;
export type DisclaimerLanguage = (typeof DISCLAIMER_LANGUAGES)[number];
export const FEATURE_GROUPS: readonly string[] = [...new Set(FEATURE_SPECS.map((s) => s.surface))];
const MAX_TEXT = 5000;

/**
 * The disclaimer language for a BCP-47 locale: exact, then by script or
 * region for Chinese, then the base language; null when none of the 17 fits.
 *
 * @example
 * disclaimerLanguage('zh-TW') // 'zh-Hant'
 * disclaimerLanguage('pt-BR') // 'pt'
 */
export function disclaimerLanguage(locale: string): DisclaimerLanguage | null {
  const tag = locale.trim().replace(/_/g, '-').toLowerCase();
  const exact = DISCLAIMER_LANGUAGES.find((l) => l.toLowerCase() === tag);
  if (exact) return exact;
  const [base, ...rest] = tag.split('-');
  if (base === 'zh') return rest.some((p) => ['hant', 'tw', 'hk', 'mo'].includes(p)) ? 'zh-Hant' : 'zh-Hans';
  if (base === 'in') return 'id';
  return DISCLAIMER_LANGUAGES.find((l) => l === base) ?? null;
}

/**
 * Internal users share an email domain with the account's owners; everyone
 * else (guests, contractors on their own domains) sees the external text.
 */
export async function audienceOf(ctx: Ctx, user: User): Promise<Audience> {
  const domain = (email: string) => email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  const owners = (await ctx.store.users.list(ctx.account.id, { limit: 1000 })).items.filter((u) => u.role === 'owner');
  return owners.some((o) => domain(o.email) === domain(user.email)) ? 'internal' : 'external';
}

export interface DisclaimerInput {
  featureGroup: string;
  audience: Audience;
  /** Language → text; English is required, as the fallback. */
  texts: Record<string, string>;
  requireConsent: boolean;
}

/** Sets a group's disclaimer for one audience; every change is a new version, so earlier consents no longer count. */
export async function setDisclaimer(ctx: Ctx, input: DisclaimerInput): Promise<Disclaimer> {
  const admin = await authorize(ctx, 'lifecycle.manage');
  const fields: { path: string; message: string }[] = [];
  if (!FEATURE_GROUPS.includes(input.featureGroup)) fields.push({ path: 'featureGroup', message: `expected one of ${FEATURE_GROUPS.join(', ')}` });
  if (input.audience !== 'internal' && input.audience !== 'external') fields.push({ path: 'audience', message: 'expected "internal" or "external"' });
  const texts: Record<string, string> = {};
  for (const [language, text] of Object.entries(input.texts ?? {})) {
    const known = DISCLAIMER_LANGUAGES.find((l) => l.toLowerCase() === language.toLowerCase());
    if (!known) fields.push({ path: `texts.${language}`, message: `not one of the supported languages: ${DISCLAIMER_LANGUAGES.join(', ')}` });
    else if (typeof text !== 'string' || !text.trim() || text.length > MAX_TEXT) fields.push({ path: `texts.${language}`, message: `a text of 1–${MAX_TEXT} characters is required` });
    else texts[known] = text.trim();
  }
  if (!texts.en) fields.push({ path: 'texts.en', message: 'an English text is required: it is shown when the user’s language has none' });
  if (fields.length > 0) throw invalidInput(`invalid disclaimer: ${fields.map((f) => `${f.path}: ${f.message}`).join('; ')}`, fields);
  const previous = await ctx.store.disclaimers.get(ctx.account.id, input.featureGroup, input.audience);
  const disclaimer: Disclaimer = {
    accountId: ctx.account.id,
    featureGroup: input.featureGroup,
    audience: input.audience,
    texts,
    requireConsent: input.requireConsent,
    version: (previous?.version ?? 0) + 1,
    updatedAt: ctx.clock.now().toISOString(),
    updatedBy: admin.id,
  };
  await ctx.store.transaction(async (tx) => {
    await tx.disclaimers.put(disclaimer);
    await audit(withStore(ctx, tx), {
      action: 'disclaimer.set',
      targetType: 'feature_group',
      targetId: input.featureGroup,
      details: { audience: input.audience, version: disclaimer.version, languages: Object.keys(texts), requireConsent: input.requireConsent },
    });
  });
  return disclaimer;
}

export async function listDisclaimers(ctx: Ctx): Promise<Disclaimer[]> {
  await authorize(ctx, 'lifecycle.manage');
  return ctx.store.disclaimers.list(ctx.account.id);
}

export interface ShownDisclaimer {
  featureGroup: string;
  audience: Audience;
  language: DisclaimerLanguage;
  text: string;
  version: number;
  requireConsent: boolean;
  /** When the user accepted this version, or null. */
  acceptedAt: string | null;
}

/** The disclaimer a user sees before a group's features, in their language (English when the admin supplied none), or null. */
export async function disclaimerFor(ctx: Ctx, user: User, featureGroup: string): Promise<ShownDisclaimer | null> {
  const audience = await audienceOf(ctx, user);
  const d = await ctx.store.disclaimers.get(ctx.account.id, featureGroup, audience);
  if (!d) return null;
  const preferred = disclaimerLanguage(user.locale);
  const language: DisclaimerLanguage = preferred && d.texts[preferred] ? preferred : 'en';
  const accepted = await ctx.store.disclaimers.acceptance(ctx.account.id, user.id, featureGroup, audience, d.version);
  return { featureGroup, audience, language, text: d.texts[language], version: d.version, requireConsent: d.requireConsent, acceptedAt: accepted?.acceptedAt ?? null };
}

/** Records that the caller accepted the current disclaimer of a group. */
export async function acceptDisclaimer(ctx: Ctx, featureGroup: string, version?: number): Promise<ConsentAcceptance> {
  const user = await identify(ctx);
  const shown = await disclaimerFor(ctx, user, featureGroup);
  if (!shown) throw new AppError('not_found', `there is no disclaimer for ${featureGroup} to accept`);
  if (version !== undefined && version !== shown.version) {
    throw new AppError('conflict', `the ${featureGroup} disclaimer changed: version ${shown.version} is current, ${version} was shown; read it again`);
  }
  const acceptance: ConsentAcceptance = {
    accountId: ctx.account.id,
    userId: user.id,
    featureGroup,
    audience: shown.audience,
    version: shown.version,
    language: shown.language,
    acceptedAt: ctx.clock.now().toISOString(),
  };
  await ctx.store.transaction(async (tx) => {
    await tx.disclaimers.accept(acceptance);
    await audit(withStore(ctx, tx), { action: 'consent.accept', targetType: 'feature_group', targetId: featureGroup, details: { audience: shown.audience, version: shown.version, language: shown.language } });
  });
  return (await ctx.store.disclaimers.acceptance(ctx.account.id, user.id, featureGroup, shown.audience, shown.version)) ?? acceptance;
}

/** Pipeline step: refuses a feature whose group requires consent the user has not given for the current version. */
export async function checkConsent(ctx: Ctx, user: User, spec: FeatureSpec): Promise<void> {
  const shown = await disclaimerFor(ctx, user, spec.surface);
  if (!shown || !shown.requireConsent || shown.acceptedAt) return;
  throw new AppError('consent_required', `${spec.id} needs your consent first: accept the ${spec.surface} disclaimer (version ${shown.version})`, {
    details: { featureGroup: spec.surface, version: shown.version, language: shown.language, disclaimer: shown.text },
  });
}
