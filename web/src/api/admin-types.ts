/** Shapes of the `/v1` admin API responses the console reads (see `/v1/openapi.json`). */
// Types only, erased in the build.
import type { LegalHold as CoreLegalHold } from '../../../src/core/lifecycle.ts';

export type DeploymentMode = 'self-hosted-only' | 'self-hosted-plus' | 'federated';

export interface AccountInfo {
  id: string;
  name: string;
  homeRegion: string;
  deploymentMode: DeploymentMode;
  allowedHosting: string[];
}

export interface ProviderHealth {
  circuit: 'closed' | 'open' | 'half-open';
  openUntil: string | null;
  consecutiveFailures: number;
  latencyMs: number | null;
  outstanding: number;
}

export interface Provider {
  name: string;
  source: 'builtin' | 'config' | 'account';
  kind: string;
  hosting: string;
  regions: string[];
  capabilities: string[];
  models: Record<string, string>;
  contextWindow: number;
  retainsData: boolean;
  usable: boolean;
  reason: string;
  health: ProviderHealth;
}

export interface FeatureAvailability {
  featureId: string;
  available: boolean;
  servedBy: string[];
  reason: string;
  /** Whether this version of Confer has the feature to run. */
  implemented: boolean;
}

export interface Features {
  account: { id: string; homeRegion: string; deploymentMode: string };
  features: FeatureAvailability[];
}

export type SettingLevel = 'account' | 'group' | 'user';

export interface SettingDefinition {
  key: string;
  type: 'boolean' | 'enum' | 'string_list';
  description: string;
  default: unknown;
  values?: string[];
  items?: string[];
}

export interface StoredSetting {
  scope: SettingLevel;
  scopeId: string;
  key: string;
  value: unknown;
  locked: boolean;
  updatedAt: string;
  updatedBy: string | null;
}

export interface Decider {
  level: SettingLevel | 'default';
  id?: string;
  name?: string;
  locked: boolean;
}

export interface EffectiveSetting {
  key: string;
  value: unknown;
  decidedBy: Decider;
  explanation: string;
  trail: (Decider & { value: unknown; used: boolean; reason: string })[];
}

export interface AdminUser {
  id: string;
  email: string;
  name: string;
  role: 'owner' | 'admin' | 'member';
  studio: boolean;
  status: 'active' | 'deactivated';
  aiAccess: boolean;
  customAddOn: boolean;
  locale: string;
  externalId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Group {
  id: string;
  name: string;
  externalId: string | null;
  aiAccess: boolean;
  memberCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface ApiToken {
  id: string;
  userId: string;
  name: string;
  prefix: string;
  kind: 'api' | 'scim' | 'session';
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface ImportReport {
  dryRun: boolean;
  rows: { line: number; email: string; action: 'created' | 'updated' | 'unchanged'; changes: string[]; groupsCreated: string[] }[];
  errors: { line: number; email: string | null; message: string }[];
  created: number;
  updated: number;
  unchanged: number;
}

export interface AuditEvent {
  id: string;
  seq: number;
  at: string;
  actorType: string;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: 'ok' | 'denied' | 'error';
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  head: { seq: number; hash: string } | null;
  problem: { kind: 'tampered' | 'missing' | 'reordered' | 'truncated'; seq: number; id: string | null; message: string } | null;
}

/** A legal hold as the lifecycle module defines it. */
export type LegalHold = Omit<CoreLegalHold, 'accountId'>;

export interface RetentionPolicy {
  kind: 'artifact' | 'output';
  target: string;
  days: number | null;
  mode: 'soft' | 'permanent';
  updatedAt: string;
  updatedBy: string | null;
}

export interface BlockedPattern {
  id: string;
  name: string;
  pattern: string;
  createdAt: string;
  createdBy: string | null;
}

export interface RedactionPolicy {
  entities: string[];
  builtins: string[];
  patterns: BlockedPattern[];
}

export interface PatternTest {
  redacted: string;
  spans: { type: string; start: number; end: number; value: string }[];
}

/** A soft-deleted artifact that can still be restored: ids and dates, no content. */
export interface RestorableArtifact {
  id: string;
  type: string;
  ownerId: string | null;
  reason: 'owner' | 'retention' | 'zdr' | 'deactivation';
  deletedAt: string;
  purgeAfter: string;
}

export interface SweepResult {
  expired: number;
  purged: { artifact: number; output: number; transcript: number };
  held: number;
  batches: number;
}

/** An eDiscovery export kept on the server (`GET /v1/exports`). */
export interface ServerExport {
  id: string;
  createdAt: string;
  scope: Record<string, string | null>;
  counts: { artifacts: number; segments: number; outputs: number; files: number; auditEvents: number };
  /** Files the manifest lists, and their total size. */
  files: number;
  bytes: number;
}

export interface ExportManifest {
  format: string;
  createdAt: string;
  accountId: string;
  scope: Record<string, string | null>;
  counts: ServerExport['counts'];
  files: { path: string; bytes: number; sha256: string }[];
}

export interface ExportVerification {
  ok: boolean;
  manifestSha256: string;
  checked: number;
  problems: string[];
}
