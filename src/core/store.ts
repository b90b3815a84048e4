/**
 * The persistence interfaces. `store/` implements them over SQLite and
 * PostgreSQL; nothing else writes SQL. Every method scopes by account where
 * the data belongs to one, so a caller cannot read across tenants by mistake.
 */
import type {
  Account,
  Artifact,
  AuditEvent,
  AuditEventInput,
  Group,
  Job,
  Output,
  Segment,
  SettingScope,
  SettingValue,
  Task,
  TaskStatus,
  User,
} from './types.ts';
import type { BlockedPatternRepo, DisclaimerRepo, HoldRepo, RetentionRepo, ShareLinkRepo } from './lifecycle.ts';

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface AccountRepo {
  create(account: Account): Promise<void>;
  get(id: string): Promise<Account | null>;
  list(): Promise<Account[]>;
  update(id: string, patch: Partial<Omit<Account, 'id' | 'createdAt'>>): Promise<void>;
}

export interface UserRepo {
  create(user: User): Promise<void>;
  get(accountId: string, id: string): Promise<User | null>;
  getByEmail(accountId: string, email: string): Promise<User | null>;
  list(accountId: string, opts?: { limit?: number; offset?: number; q?: string }): Promise<Page<User>>;
  update(accountId: string, id: string, patch: Partial<Omit<User, 'id' | 'accountId' | 'createdAt'>>): Promise<void>;
}

export interface GroupRepo {
  create(group: Group): Promise<void>;
  get(accountId: string, id: string): Promise<Group | null>;
  list(accountId: string): Promise<Group[]>;
  update(accountId: string, id: string, patch: Partial<Omit<Group, 'id' | 'accountId' | 'createdAt'>>): Promise<void>;
  delete(accountId: string, id: string): Promise<void>;
  addMember(accountId: string, groupId: string, userId: string): Promise<void>;
  removeMember(accountId: string, groupId: string, userId: string): Promise<void>;
  members(accountId: string, groupId: string): Promise<string[]>;
  groupsOf(accountId: string, userId: string): Promise<Group[]>;
}

export interface ApiToken {
  id: string;
  accountId: string;
  userId: string;
  name: string;
  /** SHA-256 of the full token; the token itself is never stored. */
  hash: string;
  /** The first characters, to recognise a token in lists. */
  prefix: string;
  kind: 'api' | 'scim' | 'session';
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface TokenRepo {
  create(token: ApiToken): Promise<void>;
  findByHash(hash: string): Promise<ApiToken | null>;
  list(accountId: string, userId?: string): Promise<ApiToken[]>;
  touch(id: string, at: string): Promise<void>;
  revoke(accountId: string, id: string, at: string): Promise<void>;
}

export interface ArtifactFilter {
  type?: Artifact['type'];
  /** Only artifacts this principal may read (owner, participant or access list). */
  visibleTo?: { userId: string; groupIds: string[] };
  /** Full-text query over titles and transcripts. */
  q?: string;
  from?: string;
  to?: string;
  participant?: string;
  /** Whether the latest meeting summary lists at least one action item (`false`: none, or no summary). */
  hasActionItems?: boolean;
  limit?: number;
  offset?: number;
}

export interface ArtifactRepo {
  create(artifact: Artifact): Promise<void>;
  get(accountId: string, id: string): Promise<Artifact | null>;
  /** The owner's existing artifact with the same source file, to avoid storing an upload twice. */
  findBySha(accountId: string, ownerId: string, sha256: string): Promise<Artifact | null>;
  list(accountId: string, filter?: ArtifactFilter): Promise<Page<Artifact>>;
  update(accountId: string, id: string, patch: Partial<Pick<Artifact, 'title' | 'participants' | 'access' | 'metadata' | 'startedAt' | 'endedAt' | 'updatedAt'>>): Promise<void>;
  /** Removes the artifact and everything that hangs off it (segments, file, index, output links). */
  delete(accountId: string, id: string): Promise<void>;
}

export interface SegmentRepo {
  insertMany(artifactId: string, segments: Segment[]): Promise<void>;
  list(artifactId: string): Promise<Segment[]>;
  count(artifactId: string): Promise<number>;
  deleteForArtifact(artifactId: string): Promise<number>;
}

export interface StoredFile {
  artifactId: string;
  filename: string;
  contentType: string;
  sha256: string;
  bytes: Buffer;
}

export interface FileRepo {
  put(file: StoredFile): Promise<void>;
  get(artifactId: string): Promise<StoredFile | null>;
}

export interface OutputRepo {
  create(output: Output): Promise<void>;
  get(accountId: string, id: string): Promise<Output | null>;
  findByIdempotencyKey(accountId: string, key: string): Promise<Output | null>;
  latest(accountId: string, artifactId: string, featureId: string): Promise<Output | null>;
  listForArtifact(accountId: string, artifactId: string): Promise<Output[]>;
}

export interface EnqueueRequest {
  id: string;
  name: string;
  accountId: string | null;
  payload: Record<string, unknown>;
  idempotencyKey: string | null;
  maxAttempts: number;
  runAt: string;
  now: string;
}

export interface JobRepo {
  /** Inserts the job unless one with the same idempotency key exists; returns the stored job. */
  enqueue(req: EnqueueRequest): Promise<{ job: Job; created: boolean }>;
  /**
   * Atomically leases the next runnable job: queued and due, or running with
   * an expired lease (its worker died).
   */
  claim(opts: { workerId: string; now: string; leaseUntil: string; names?: string[] }): Promise<Job | null>;
  /** Extends a lease; false when the lease was lost to another worker. */
  heartbeat(id: string, workerId: string, leaseUntil: string): Promise<boolean>;
  complete(id: string, workerId: string, now: string): Promise<boolean>;
  fail(id: string, workerId: string, error: string, retryAt: string | null, now: string): Promise<boolean>;
  get(id: string): Promise<Job | null>;
  getByKey(idempotencyKey: string): Promise<Job | null>;
  list(filter?: { status?: Job['status']; name?: string; accountId?: string; limit?: number }): Promise<Job[]>;
}

export interface AuditFilter {
  actorId?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  from?: string;
  to?: string;
  afterSeq?: number;
  limit?: number;
}

export interface AuditRepo {
  /** Appends to the account's hash chain; serialised per account. */
  append(event: AuditEventInput): Promise<AuditEvent>;
  list(accountId: string, filter?: AuditFilter): Promise<AuditEvent[]>;
  /** The chain head: the last sequence number and hash appended, or null before the first event. */
  head(accountId: string): Promise<{ seq: number; hash: string } | null>;
}

export interface SettingsRepo {
  set(value: SettingValue): Promise<void>;
  unset(accountId: string, scope: SettingScope, scopeId: string, key: string): Promise<void>;
  /** Every stored value for the given scope ids (account, groups, user) and keys. */
  find(accountId: string, scopes: { scope: SettingScope; scopeId: string }[], keys?: string[]): Promise<SettingValue[]>;
  list(accountId: string): Promise<SettingValue[]>;
}

export interface SearchHit {
  artifactId: string;
  segment: number | null;
  score: number;
  snippet: string;
}

export interface SearchRepo {
  /** Replaces the artifact's index entries: its title and each segment. */
  index(accountId: string, artifactId: string, title: string, segments: Segment[]): Promise<void>;
  remove(artifactId: string): Promise<void>;
  search(accountId: string, query: string, opts?: { artifactIds?: string[]; limit?: number }): Promise<SearchHit[]>;
}

export interface TaskFilter {
  /** Only tasks assigned to this user or from a meeting this principal may read. */
  visibleTo?: { userId: string; groupIds: string[] };
  status?: TaskStatus;
  assigneeUserId?: string;
  meetingId?: string;
  /** Due on or after / on or before, `YYYY-MM-DD`; tasks without a due date are left out. */
  dueFrom?: string;
  dueTo?: string;
  /** Case-insensitive substring of the title. */
  q?: string;
  limit?: number;
  offset?: number;
}

export type TaskPatch = Partial<Pick<Task, 'title' | 'assigneeUserId' | 'assigneeName' | 'due' | 'status' | 'updatedAt'>>;

export interface TaskRepo {
  /** Inserts the task unless its account already holds one with the same source key; true when inserted. */
  create(task: Task): Promise<boolean>;
  get(accountId: string, id: string): Promise<Task | null>;
  findBySourceKeys(accountId: string, keys: string[]): Promise<Task[]>;
  /** Open tasks first, then by due date (undated last), newest first. */
  list(accountId: string, filter?: TaskFilter): Promise<Page<Task>>;
  update(accountId: string, id: string, patch: TaskPatch): Promise<void>;
}

/** A user's identity at an identity provider: who signs in as whom. */
export interface IdentityLink {
  accountId: string;
  issuer: string;
  subject: string;
  protocol: 'oidc' | 'saml';
  userId: string;
  createdAt: string;
  lastSignInAt: string;
}

export interface IdentityLinkRepo {
  find(accountId: string, issuer: string, subject: string): Promise<IdentityLink | null>;
  /** Links the identity to the user, or records another sign-in when it is linked already. */
  upsert(identity: IdentityLink): Promise<void>;
  listForUser(accountId: string, userId: string): Promise<IdentityLink[]>;
}

export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  readonly accounts: AccountRepo;
  readonly users: UserRepo;
  readonly groups: GroupRepo;
  readonly tokens: TokenRepo;
  readonly artifacts: ArtifactRepo;
  readonly segments: SegmentRepo;
  readonly files: FileRepo;
  readonly outputs: OutputRepo;
  readonly jobs: JobRepo;
  readonly audit: AuditRepo;
  readonly settings: SettingsRepo;
  readonly search: SearchRepo;
  readonly tasks: TaskRepo;
  readonly providers: ProviderRepo;
  readonly retention: RetentionRepo;
  readonly holds: HoldRepo;
  readonly blockedPatterns: BlockedPatternRepo;
  readonly shareLinks: ShareLinkRepo;
  readonly disclaimers: DisclaimerRepo;
  readonly identities: IdentityLinkRepo;
  /** Runs `fn` in one transaction; nested calls join the outer transaction. */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A model provider an account registered through the admin API. */
export interface StoredProvider {
  accountId: string;
  name: string;
  /** The registration as validated: names of environment variables, never secrets. */
  registration: Record<string, unknown>;
  createdBy: string | null;
  createdAt: string;
}

export interface ProviderRepo {
  /** In registration order. */
  list(accountId: string): Promise<StoredProvider[]>;
  get(accountId: string, name: string): Promise<StoredProvider | null>;
  create(provider: StoredProvider): Promise<void>;
  /** True when a registration was removed. */
  delete(accountId: string, name: string): Promise<boolean>;
}
