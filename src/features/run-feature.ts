import type { Ctx } from '../core/context.ts';
import { AppError, invalidInput, toAppError } from '../core/errors.ts';
import { newId } from '../core/ids.ts';
import type { Citation, Output, OutputLink } from '../core/types.ts';
import { readArtifact } from '../governance/access.ts';
import { audit } from '../governance/audit.ts';
import { checkEntitlement } from '../governance/entitlements.ts';
import { checkFeatureEnabled } from '../governance/feature-policy.ts';
import { checkConsent } from '../governance/lifecycle/disclaimers.ts';
import { identify } from '../governance/identity.ts';
import { checkCitations } from './citation-check.ts';
import type { ContextArtifact, FeatureDefinition, Route } from './feature.ts';
import { redactOutput } from './redaction-step.ts';
import { getFeature } from './registry.ts';
import { modelDetails } from './model-details.ts';
import { routeFeature, type FeatureModels } from './route-step.ts';
import { afterOutputStored, checkRetainedInputs } from './zero-retention-step.ts';

export interface RunOptions {
  /** A run with a key already stored returns the stored output instead of running again. */
  idempotencyKey?: string;
  /** `builtin` or a registered provider name, when the user picks the implementation. */
  provider?: string;
}

export type FeatureOutput<O> = Output & { payload: O };

/**
 * The governed pipeline (SPEC §4). Every AI capability runs through here:
 * identify → entitlement → settings → consent/disclaimers → context
 * (per-artifact access) → zero-data-retention check → route → run → citation
 * check → redaction → persist with audit → zero-data-retention after-store.
 * One audit record is
 * written per run, whatever the outcome, and it never holds content.
 *
 * @example
 * const summary = await runFeature(ctx, 'meeting.summary', { artifactId: 'mtg_…' });
 */
export async function runFeature<O = unknown>(ctx: Ctx, featureId: string, rawInput: unknown, options: RunOptions = {}): Promise<FeatureOutput<O>> {
  const feature = getFeature(featureId) as FeatureDefinition<unknown, O> | undefined;
  if (!feature) throw new AppError('not_found', `feature ${featureId} does not exist or has no implementation yet`);
  const started = performance.now();
  const trail: RunTrail = { artifacts: [] };
  try {
    const user = await identify(ctx);
    await checkEntitlement(ctx, user, feature.spec);
    await checkFeatureEnabled(ctx, user, feature.spec);
    await checkConsent(ctx, user, feature.spec);

    const parsed = feature.input.safeParse(rawInput);
    if (!parsed.success) {
      throw invalidInput(
        `invalid input for ${featureId}`,
        parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(input)', message: i.message })),
      );
    }
    const input = parsed.data;

    const context: ContextArtifact[] = [];
    for (const id of feature.artifactIds(input)) {
      const artifact = await readArtifact(ctx, user, id);
      trail.artifacts.push(artifact.id);
      context.push({ artifact, segments: await ctx.store.segments.list(artifact.id) });
    }

    // Checked after access, so a replayed key never reveals an output the caller may not read.
    const replayed = () => replayOf<O>(ctx, options.idempotencyKey, featureId, context[0]?.artifact.id ?? null);
    const earlier = await replayed();
    if (earlier) return earlier;
    await checkRetainedInputs(ctx, feature as FeatureDefinition<unknown, unknown>, context);

    const { route, models } = await routeFeature(ctx, user, feature.spec, input, context, options.provider, feature.routeNeeds?.(input), feature.chunked);
    trail.route = route;
    trail.models = models;
    const result = await feature.run({ ctx, user, input, context, route, models });
    if (result.provider) Object.assign(route, { provider: result.provider, model: result.model ?? null, region: models.regionOf(result.provider) });

    const checked = feature.output.safeParse(result.output);
    if (!checked.success) {
      throw new AppError('internal', `${route.provider} returned an invalid ${featureId} output: ${checked.error.issues[0]?.message}`);
    }
    const citations = feature.citations(checked.data);
    checkCitations(citations, context);
    const redaction = await redactOutput(ctx, checked.data, context);

    const output: FeatureOutput<O> = {
      id: newId('out'),
      accountId: ctx.account.id,
      featureId,
      artifactId: context[0]?.artifact.id ?? null,
      payload: redaction.payload,
      links: linksOf(context, citations),
      provider: route.provider,
      model: route.model,
      createdBy: user.id,
      idempotencyKey: options.idempotencyKey ?? null,
      createdAt: ctx.clock.now().toISOString(),
    };
    try {
      await ctx.store.transaction(async (tx) => {
        await tx.outputs.create(output);
        await audit({ ...ctx, store: tx }, {
          action: 'ai.run',
          targetType: 'feature',
          targetId: featureId,
          details: runDetails(ctx, trail, started, { outputId: output.id, citations: citations.length, redactions: redaction.total, redactionTypes: redaction.counts, ...result.usage }),
        });
      });
    } catch (error) {
      // A concurrent run with the same key was stored first: answer as its replay.
      const winner = await replayed();
      if (winner) return winner;
      throw error;
    }
    await afterOutputStored(ctx, output);
    return output;
  } catch (error) {
    const appError = toAppError(error);
    const outcome = appError.status === 401 || appError.status === 403 || appError.status === 404 ? 'denied' : 'error';
    await audit(ctx, {
      action: 'ai.run',
      targetType: 'feature',
      targetId: featureId,
      outcome,
      details: runDetails(ctx, trail, started, { error: appError.code, ...(appError.details?.routing ? { routing: appError.details.routing } : {}) }),
    }).catch((auditError) => ctx.logger.error('cannot write audit record', { error: (auditError as Error).message }));
    throw appError;
  }
}

interface RunTrail {
  artifacts: string[];
  route?: Route;
  models?: FeatureModels;
}

function runDetails(ctx: Ctx, trail: RunTrail, started: number, extra: Record<string, unknown>) {
  return {
    artifacts: trail.artifacts,
    provider: trail.route?.provider ?? null,
    model: trail.route?.model ?? null,
    region: trail.route?.region ?? ctx.account.homeRegion,
    mode: ctx.account.deploymentMode,
    redactions: 0,
    latencyMs: Math.round(performance.now() - started),
    ...modelDetails(trail.models),
    ...extra,
  };
}

function linksOf(context: ContextArtifact[], citations: Citation[]): OutputLink[] {
  return [
    ...context.map((c) => ({ artifactId: c.artifact.id, segment: null })),
    ...citations.map((c) => ({ artifactId: c.artifactId, segment: c.segment })),
  ];
}

/**
 * The output stored earlier under an idempotency key, when this request
 * repeats it (same feature, same artifact). A key already spent on a
 * different request is a conflict, not a silent answer to another question.
 */
async function replayOf<O>(ctx: Ctx, key: string | undefined, featureId: string, artifactId: string | null): Promise<FeatureOutput<O> | null> {
  if (!key) return null;
  const existing = await ctx.store.outputs.findByIdempotencyKey(ctx.account.id, key);
  if (!existing) return null;
  if (existing.featureId === featureId && existing.artifactId === artifactId) return existing as FeatureOutput<O>;
  throw new AppError('conflict', `idempotency key "${key}" was already used for a different request; send a new key for each distinct run`, {
    details: { idempotencyKey: key },
  });
}
