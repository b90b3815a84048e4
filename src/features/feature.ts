import type { z } from 'zod';
import type { Ctx } from '../core/context.ts';
import type { FeatureSpec } from '../core/features.ts';
import type { Artifact, Citation, Segment, User } from '../core/types.ts';
import type { RouteNeeds } from '../core/provider.ts';
import type { FeatureModels } from './route-step.ts';

/** An artifact the caller may read, with its transcript. */
export interface ContextArtifact {
  artifact: Artifact;
  segments: Segment[];
}

/** Where a run was routed, and why. */
export interface Route {
  provider: string;
  model: string | null;
  region: string;
  reasons: { provider: string; chosen: boolean; reason: string }[];
}

export interface FeatureRun<I> {
  ctx: Ctx;
  user: User;
  input: I;
  context: ContextArtifact[];
  route: Route;
  /** The routed providers and the one way to call them. */
  models: FeatureModels;
}

export interface FeatureResult<O> {
  output: O;
  usage?: { inputTokens: number; outputTokens: number };
  /** The provider that produced the output, when not the route's first choice (e.g. after a fallback). */
  provider?: string;
  model?: string | null;
}

/**
 * One AI capability. Only `runFeature` calls `run`, after identity,
 * entitlement, settings and access checks; `run` gets only the context the
 * pipeline gathered.
 */
export interface FeatureDefinition<I, O> {
  spec: FeatureSpec;
  input: z.ZodType<I>;
  output: z.ZodType<O>;
  /** The artifacts this input reads; each is access-checked before `run`. */
  artifactIds(input: I): string[];
  /** Every citation in the output, for the post-processing checks. */
  citations(output: O): Citation[];
  run(run: FeatureRun<I>): Promise<FeatureResult<O>>;
  /** What this input asks of the router beyond the catalogue's capabilities (e.g. web search). */
  routeNeeds?(input: I): Partial<RouteNeeds>;
  /** Splits long transcripts into chunks (map-reduce), so providers with a smaller context window may serve it. */
  chunked?: boolean;
  /**
   * False when the feature works from stored outputs and uses the transcript
   * only to check citations; it then still runs after zero data retention
   * deleted the transcript. Default: it reads the transcript.
   */
  readsTranscript?: boolean;
}
