/**
 * Data lifecycle types and persistence interfaces (SPEC §8): retention
 * policies, the deletion ledger, legal holds, blocked patterns, share links,
 * disclaimers and consents.
 */
import type { Artifact, Output } from './types.ts';

export type RetentionKind = 'artifact' | 'output';
export type DeletionMode = 'soft' | 'permanent';

/** Keep `target` (an artifact type or an output's feature id) for `days`, or forever when `days` is null. */
export interface RetentionPolicy {
  accountId: string;
  kind: RetentionKind;
  target: string;
  days: number | null;
  mode: DeletionMode;
  updatedAt: string;
  updatedBy: string | null;
}

/** What a deletion removes: a whole artifact, one output, or only an artifact's transcript (zero data retention). */
export type DeletionTargetKind = 'artifact' | 'output' | 'transcript';
export type DeletionReason = 'owner' | 'retention' | 'zdr' | 'deactivation';
export type DeletionStatus = 'pending' | 'done' | 'restored';

export interface DeletionRequest {
  accountId: string;
  targetKind: DeletionTargetKind;
  targetId: string;
  reason: DeletionReason;
  requestedAt: string;
  requestedBy: string | null;
  /** The request is carried out at or after this time, unless something it covers is held. */
  purgeAfter: string;
  status: DeletionStatus;
  doneAt: string | null;
  batchId: string | null;
}

/** A legal hold on one user's content, one artifact, or a date range; exactly one scope is set. */
export interface LegalHold {
  id: string;
  accountId: string;
  name: string;
  reason: string;
  userId: string | null;
  artifactId: string | null;
  from: string | null;
  to: string | null;
  createdAt: string;
  createdBy: string | null;
  releasedAt: string | null;
  releasedBy: string | null;
}

export interface BlockedPatternRecord {
  id: string;
  accountId: string;
  name: string;
  /** Java regex syntax, as the admin wrote it. */
  pattern: string;
  createdAt: string;
  createdBy: string | null;
}

export interface ShareLink {
  id: string;
  accountId: string;
  outputId: string;
  /** SHA-256 of the link token; the token itself is never stored. */
  tokenHash: string;
  createdBy: string | null;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

export type Audience = 'internal' | 'external';

export interface Disclaimer {
  accountId: string;
  featureGroup: string;
  audience: Audience;
  /** Language code → text, as the admin supplied them. */
  texts: Record<string, string>;
  requireConsent: boolean;
  /** Raised on every change; a consent covers one version. */
  version: number;
  updatedAt: string;
  updatedBy: string | null;
}

export interface ConsentAcceptance {
  accountId: string;
  userId: string;
  featureGroup: string;
  audience: Audience;
  version: number;
  language: string;
  acceptedAt: string;
}

/** A soft-deleted artifact an admin may still bring back: ids and dates only, no content. */
export interface RestorableArtifact {
  id: string;
  type: string;
  ownerId: string | null;
  reason: DeletionReason;
  deletedAt: string;
  purgeAfter: string;
}

export interface RetentionRepo {
  setPolicy(policy: RetentionPolicy): Promise<void>;
  removePolicy(accountId: string, kind: RetentionKind, target: string): Promise<void>;
  listPolicies(accountId: string): Promise<RetentionPolicy[]>;
  /** Records a request, replacing any earlier one for the same target. */
  putRequest(request: DeletionRequest): Promise<void>;
  getRequest(accountId: string, kind: DeletionTargetKind, targetId: string): Promise<DeletionRequest | null>;
  /** Pending requests due at `now`, in a stable order, after `cursor` (exclusive). */
  dueRequests(now: string, opts: { accountId?: string; target?: { kind: DeletionTargetKind; id: string }; after?: string; limit: number }): Promise<{ request: DeletionRequest; cursor: string }[]>;
  /** Marks a pending request done; false when it was no longer pending (another sweep got there first). */
  markDone(accountId: string, kind: DeletionTargetKind, targetId: string, batchId: string, at: string): Promise<boolean>;
  markRestored(accountId: string, kind: DeletionTargetKind, targetId: string, at: string): Promise<void>;
  /** Hidden artifacts whose pending request is not due before `now` (still restorable), soonest purge first. */
  restorableArtifacts(accountId: string, now: string, limit: number): Promise<RestorableArtifact[]>;
  /** Hides (or with `null`, shows again) an artifact or output without removing it. */
  setHidden(accountId: string, kind: 'artifact' | 'output', id: string, deletedAt: string | null): Promise<void>;
  /** The artifact whether or not it is hidden; `deletedAt` tells which. */
  artifactAnyState(accountId: string, id: string): Promise<(Artifact & { deletedAt: string | null }) | null>;
  outputAnyState(accountId: string, id: string): Promise<(Output & { deletedAt: string | null }) | null>;
  /** Artifacts of the account in any state (hidden ones too) that an eDiscovery scope covers, oldest first. */
  findAnyState(accountId: string, scope: { userId?: string; artifactId?: string; from?: string; to?: string }): Promise<(Artifact & { deletedAt: string | null })[]>;
  /** Outputs a user created that belong to no artifact, in any state. */
  looseOutputsOf(accountId: string, userId: string): Promise<string[]>;
  /** Ids of an artifact's outputs, hidden or not. */
  outputsOfArtifact(accountId: string, artifactId: string): Promise<{ id: string; featureId: string; createdAt: string; createdBy: string | null }[]>;
  /** Visible artifacts of a type created before `before` that no request covers yet. */
  expiredArtifacts(accountId: string, type: string, before: string, limit: number): Promise<string[]>;
  expiredOutputs(accountId: string, featureId: string, before: string, limit: number): Promise<string[]>;
  /** Removes an artifact and everything hanging off it, detaching the outputs listed in `keepOutputIds`. */
  purgeArtifact(accountId: string, id: string, keepOutputIds: string[]): Promise<void>;
  purgeOutput(accountId: string, id: string): Promise<void>;
  /** Removes an artifact's segments (speech, chat, screen text), original file and transcript index entries. */
  purgeTranscript(accountId: string, artifactId: string): Promise<{ segments: number }>;
}

export interface HoldRepo {
  create(hold: LegalHold): Promise<void>;
  get(accountId: string, id: string): Promise<LegalHold | null>;
  getByName(accountId: string, name: string): Promise<LegalHold | null>;
  list(accountId: string, opts?: { active?: boolean }): Promise<LegalHold[]>;
  release(accountId: string, id: string, at: string, by: string | null): Promise<void>;
}

export interface BlockedPatternRepo {
  create(pattern: BlockedPatternRecord): Promise<void>;
  list(accountId: string): Promise<BlockedPatternRecord[]>;
  remove(accountId: string, id: string): Promise<boolean>;
}

export interface ShareLinkRepo {
  create(link: ShareLink): Promise<void>;
  get(accountId: string, id: string): Promise<ShareLink | null>;
  findByTokenHash(tokenHash: string): Promise<ShareLink | null>;
  listForOutput(accountId: string, outputId: string): Promise<ShareLink[]>;
  /** Links of the account neither revoked nor expired at `now`, newest first. */
  listActive(accountId: string, now: string, limit: number): Promise<ShareLink[]>;
  revoke(accountId: string, id: string, at: string): Promise<void>;
}

export interface DisclaimerRepo {
  put(disclaimer: Disclaimer): Promise<void>;
  get(accountId: string, featureGroup: string, audience: Audience): Promise<Disclaimer | null>;
  list(accountId: string): Promise<Disclaimer[]>;
  accept(acceptance: ConsentAcceptance): Promise<void>;
  acceptance(accountId: string, userId: string, featureGroup: string, audience: Audience, version: number): Promise<ConsentAcceptance | null>;
}
