/**
 * Table shapes as Kysely sees them. Timestamps are ISO-8601 UTC strings and
 * JSON is stored as text in both dialects, so repositories behave the same on
 * SQLite and PostgreSQL. Booleans are 0/1 integers for the same reason.
 */

export interface AccountsTable {
  id: string;
  name: string;
  home_region: string;
  deployment_mode: string;
  base_ai_licence: number;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  id: string;
  account_id: string;
  email: string;
  name: string;
  role: string;
  studio: number;
  status: string;
  ai_access: number;
  custom_addon: number;
  locale: string;
  external_id: string | null;
  created_at: string;
  updated_at: string;
  deprovisioned_at: string | null;
}

export interface GroupsTable {
  id: string;
  account_id: string;
  name: string;
  external_id: string | null;
  ai_access: number;
  created_at: string;
  updated_at: string;
}

export interface MembershipsTable {
  account_id: string;
  group_id: string;
  user_id: string;
  created_at: string;
}

export interface ApiTokensTable {
  id: string;
  account_id: string;
  user_id: string;
  name: string;
  hash: string;
  prefix: string;
  kind: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface ArtifactsTable {
  id: string;
  account_id: string;
  type: string;
  title: string;
  owner_id: string;
  participants: string;
  access: string;
  started_at: string | null;
  ended_at: string | null;
  source: string | null;
  source_sha256: string | null;
  metadata: string;
  created_at: string;
  updated_at: string;
  deleted_at?: string | null;
}

/** Derived from owner, participants and access list; lets list queries filter by visibility in SQL. */
export interface ArtifactGrantsTable {
  artifact_id: string;
  account_id: string;
  principal_type: string;
  principal_id: string;
}

export interface SegmentsTable {
  artifact_id: string;
  idx: number;
  speaker: string;
  start_s: number;
  end_s: number;
  text: string;
  kind: string;
  language: string | null;
  confidence: number | null;
}

export interface ArtifactFilesTable {
  artifact_id: string;
  filename: string;
  content_type: string;
  sha256: string;
  size: number;
  bytes: Buffer;
}

export interface OutputsTable {
  id: string;
  account_id: string;
  feature_id: string;
  artifact_id: string | null;
  payload: string;
  provider: string;
  model: string | null;
  created_by: string | null;
  idempotency_key: string | null;
  created_at: string;
  deleted_at?: string | null;
}

/** `segment = -1` links the whole artifact (primary keys cannot hold NULL in PostgreSQL). */
export interface OutputLinksTable {
  output_id: string;
  artifact_id: string;
  segment: number;
}

export interface JobsTable {
  id: string;
  name: string;
  account_id: string | null;
  payload: string;
  idempotency_key: string | null;
  status: string;
  attempts: number;
  max_attempts: number;
  run_at: string;
  lease_owner: string | null;
  lease_expires_at: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface AuditEventsTable {
  id: string;
  account_id: string;
  seq: number;
  at: string;
  actor_type: string;
  actor_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  outcome: string;
  details: string;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadsTable {
  account_id: string;
  seq: number;
  hash: string;
}

export interface SettingsTable {
  account_id: string;
  scope: string;
  scope_id: string;
  key: string;
  value: string;
  locked: number;
  updated_at: string;
  updated_by: string | null;
}

/** PostgreSQL full-text entries; SQLite uses the FTS5 table `search_fts` created by raw SQL. */
export interface SearchEntriesTable {
  account_id: string;
  artifact_id: string;
  segment: number;
  body: string;
}

export interface TasksTable {
  id: string;
  account_id: string;
  meeting_id: string;
  segment: number | null;
  start_s: number | null;
  speaker: string | null;
  title: string;
  assignee_user_id: string | null;
  assignee_name: string | null;
  due: string | null;
  status: string;
  source_output_id: string | null;
  source_key: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ExternalIdentitiesTable {
  account_id: string;
  issuer: string;
  subject: string;
  protocol: string;
  user_id: string;
  created_at: string;
  last_sign_in_at: string;
}

export interface Database {
  accounts: AccountsTable;
  users: UsersTable;
  groups: GroupsTable;
  memberships: MembershipsTable;
  api_tokens: ApiTokensTable;
  artifacts: ArtifactsTable;
  artifact_grants: ArtifactGrantsTable;
  segments: SegmentsTable;
  artifact_files: ArtifactFilesTable;
  outputs: OutputsTable;
  output_links: OutputLinksTable;
  jobs: JobsTable;
  audit_events: AuditEventsTable;
  audit_heads: AuditHeadsTable;
  settings: SettingsTable;
  search_entries: SearchEntriesTable;
  tasks: TasksTable;
  model_providers: ModelProvidersTable;
  retention_policies: RetentionPoliciesTable;
  deletion_requests: DeletionRequestsTable;
  legal_holds: LegalHoldsTable;
  blocked_patterns: BlockedPatternsTable;
  share_links: ShareLinksTable;
  disclaimers: DisclaimersTable;
  consent_acceptances: ConsentAcceptancesTable;
  external_identities: ExternalIdentitiesTable;
}

export interface ModelProvidersTable {
  account_id: string;
  name: string;
  registration: string;
  created_by: string | null;
  created_at: string;
}

export interface RetentionPoliciesTable {
  account_id: string;
  kind: string;
  target: string;
  days: number | null;
  mode: string;
  updated_at: string;
  updated_by: string | null;
}

export interface DeletionRequestsTable {
  account_id: string;
  target_kind: string;
  target_id: string;
  reason: string;
  requested_at: string;
  requested_by: string | null;
  purge_after: string;
  status: string;
  done_at: string | null;
  batch_id: string | null;
}

export interface LegalHoldsTable {
  id: string;
  account_id: string;
  name: string;
  reason: string;
  user_id: string | null;
  artifact_id: string | null;
  from_at: string | null;
  to_at: string | null;
  created_at: string;
  created_by: string | null;
  released_at: string | null;
  released_by: string | null;
}

export interface BlockedPatternsTable {
  id: string;
  account_id: string;
  name: string;
  pattern: string;
  created_at: string;
  created_by: string | null;
}

export interface ShareLinksTable {
  id: string;
  account_id: string;
  output_id: string;
  token_hash: string;
  created_by: string | null;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
}

export interface DisclaimersTable {
  account_id: string;
  feature_group: string;
  audience: string;
  texts: string;
  require_consent: number;
  version: number;
  updated_at: string;
  updated_by: string | null;
}

export interface ConsentAcceptancesTable {
  account_id: string;
  user_id: string;
  feature_group: string;
  audience: string;
  version: number;
  language: string;
  accepted_at: string;
}
