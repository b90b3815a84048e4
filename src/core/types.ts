/**
 * Domain types shared by every layer. Plain data only: no behaviour, no
 * third-party types.
 */

export const DEPLOYMENT_MODES = ['self-hosted-only', 'self-hosted-plus', 'federated'] as const;
export type DeploymentMode = (typeof DEPLOYMENT_MODES)[number];

export const HOSTING_CLASSES = ['self', 'managed', 'third-party'] as const;
export type HostingClass = (typeof HOSTING_CLASSES)[number];

export const CAPABILITIES = [
  'text',
  'structured',
  'long_context',
  'web_search',
  'image',
  'embedding',
  'transcription',
  'translation',
  'moderation',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

export const ROLES = ['owner', 'admin', 'member'] as const;
export type Role = (typeof ROLES)[number];

export const ARTIFACT_TYPES = [
  'meeting',
  'recording',
  'call',
  'voicemail',
  'sms_thread',
  'chat_thread',
  'email_thread',
  'calendar_event',
  'document',
  'whiteboard',
  'engagement',
  'task',
] as const;
export type ArtifactType = (typeof ARTIFACT_TYPES)[number];

export interface Account {
  id: string;
  name: string;
  /** Region code such as `EU`, `US`, `SG`. */
  homeRegion: string;
  deploymentMode: DeploymentMode;
  /** Whether the account holds the paid licence that grants base AI access. */
  baseAiLicence: boolean;
  createdAt: string;
  updatedAt: string;
}

export type UserStatus = 'active' | 'deactivated';

export interface User {
  id: string;
  accountId: string;
  email: string;
  name: string;
  role: Role;
  /** May use the admin studio (SPEC §9). */
  studio: boolean;
  status: UserStatus;
  /** Base AI licence assigned to this user. */
  aiAccess: boolean;
  /** Custom add-on licence (studio features). */
  customAddOn: boolean;
  /** BCP-47 language tag, used for disclaimers and formatting. */
  locale: string;
  externalId: string | null;
  createdAt: string;
  updatedAt: string;
  /**
   * Set when SCIM deleted the user (RFC 7644 §3.6): hidden from SCIM and
   * deactivated; their content stays. Null or absent otherwise.
   */
  deprovisionedAt?: string | null;
}

export interface Group {
  id: string;
  accountId: string;
  name: string;
  externalId: string | null;
  /** `false` withholds base AI access from the group's members. */
  aiAccess: boolean;
  createdAt: string;
  updatedAt: string;
}

/** Who is acting. `user` covers people through the API, web, CLI and jobs run on their behalf. */
export interface Actor {
  type: 'user' | 'system';
  userId: string | null;
  tokenId?: string | null;
  /** The interface the request came through. */
  via: 'api' | 'cli' | 'web' | 'job' | 'scim' | 'mcp' | 'a2a' | 'live';
}

export interface Participant {
  name: string;
  email?: string;
  userId?: string;
}

/** One entry of an artifact's access list. `account` shares with every user of the account. */
export type AccessEntry = { type: 'user'; id: string } | { type: 'group'; id: string } | { type: 'account' };

export interface ArtifactSource {
  filename: string;
  format: string;
  sha256: string;
  bytes: number;
}

export interface Artifact {
  id: string;
  accountId: string;
  type: ArtifactType;
  title: string;
  ownerId: string;
  participants: Participant[];
  access: AccessEntry[];
  startedAt: string | null;
  endedAt: string | null;
  source: ArtifactSource | null;
  metadata: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

export type SegmentKind = 'speech' | 'chat' | 'screen';

/** One utterance of a transcript. Times are seconds from the start of the artifact. */
export interface Segment {
  index: number;
  speaker: string;
  start: number;
  end: number;
  text: string;
  kind?: SegmentKind;
  language?: string | null;
  confidence?: number | null;
}

/**
 * A pointer to the segment an output item came from. It carries speaker and
 * times itself, so it stays readable after the transcript is deleted.
 */
export interface Citation {
  artifactId: string;
  segment: number;
  start: number;
  end: number;
  speaker: string;
}

export interface OutputLink {
  artifactId: string;
  /** `null` links the whole artifact. */
  segment: number | null;
}

export interface Output {
  id: string;
  accountId: string;
  featureId: string;
  /** The main artifact the output is about, if any. */
  artifactId: string | null;
  payload: unknown;
  links: OutputLink[];
  provider: string;
  model: string | null;
  createdBy: string | null;
  idempotencyKey: string | null;
  createdAt: string;
}

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface Job {
  id: string;
  name: string;
  accountId: string | null;
  payload: Record<string, unknown>;
  idempotencyKey: string | null;
  status: JobStatus;
  attempts: number;
  maxAttempts: number;
  runAt: string;
  leaseOwner: string | null;
  leaseExpiresAt: string | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
}

export type AuditOutcome = 'ok' | 'denied' | 'error';

/** What a caller supplies to record an audit event; the store adds sequence and hashes. */
export interface AuditEventInput {
  accountId: string;
  at: string;
  actorType: Actor['type'] | 'anonymous' | 'scim';
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: AuditOutcome;
  /** Metadata only: ids, counts, names of providers. Never content. */
  details: Record<string, unknown>;
}

export interface AuditEvent extends AuditEventInput {
  id: string;
  seq: number;
  prevHash: string;
  hash: string;
}

export type SettingScope = 'account' | 'group' | 'user';

export interface SettingValue {
  accountId: string;
  scope: SettingScope;
  /** Account id, group id or user id, matching `scope`. */
  scopeId: string;
  key: string;
  value: unknown;
  locked: boolean;
  updatedAt: string;
  updatedBy: string | null;
}

export const TASK_STATUSES = ['open', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/**
 * An action item turned into a to-do: assignable, with a due date and a
 * status, and linked to the moment of the meeting it came from.
 */
export interface Task {
  id: string;
  accountId: string;
  /** The meeting the action item was said in. */
  meetingId: string;
  /** The transcript segment the task cites first, with its time and speaker. */
  segment: number | null;
  start: number | null;
  speaker: string | null;
  title: string;
  /** The assignee, when they are a user of the account. */
  assigneeUserId: string | null;
  /** The assignee as named in the meeting, kept when no user matches. */
  assigneeName: string | null;
  /** `YYYY-MM-DD`. */
  due: string | null;
  status: TaskStatus;
  /** The tasks.capture output that created it. */
  sourceOutputId: string | null;
  /** Identifies the action item within its meeting, so capturing again never duplicates it. */
  sourceKey: string;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}
