/** Shapes of the `/v1` API responses the app reads (see `/v1/openapi.json`). */
// The summary payload and its citations are the engine's own output shapes
// (src/core, types only, erased in the build); the app reads them as they are.
import type { MeetingSummary, TextStyle } from '../../../src/core/outputs.ts';
import type { Citation } from '../../../src/core/types.ts';

export type { TextStyle };

export type Role = 'owner' | 'admin' | 'member';

export interface Me {
  user: { id: string; email: string; name: string; role: Role; studio: boolean; locale: string };
  account: { id: string; name: string; homeRegion: string; deploymentMode: string };
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export type SummaryStatus = 'ready' | 'pending' | 'failed' | 'none';

export interface Meeting {
  id: string;
  title: string;
  ownerId: string;
  participants: string[];
  startedAt: string | null;
  endedAt: string | null;
  durationSeconds: number | null;
  source: { filename: string; format: string; bytes: number } | null;
  segments: number;
  summaryStatus: SummaryStatus;
  actionItems: number | null;
  createdAt: string;
}

export type { Citation } from '../../../src/core/types.ts';
export type { ActionItem, Chapter, MeetingSummary, SummaryItem } from '../../../src/core/outputs.ts';

export interface Summary {
  id: string;
  meetingId: string;
  provider: string;
  model: string | null;
  createdAt: string;
  summary: MeetingSummary;
}

export interface SummaryPending {
  status: 'pending' | 'failed';
  meetingId: string;
}

export interface Segment {
  index: number;
  speaker: string;
  start: number;
  end: number;
  text: string;
  kind?: string;
}

export interface Transcript {
  meetingId: string;
  segments: Segment[];
  /** Present when zero data retention deleted the transcript once its summary was stored. */
  deleted?: { reason: 'zero_data_retention'; at: string };
}

export interface Answer {
  id: string;
  answer: string;
  citations: Citation[];
  covered: boolean;
}

export type TaskStatus = 'open' | 'done';

export interface Task {
  id: string;
  title: string;
  status: TaskStatus;
  due: string | null;
  assignee: { userId: string | null; name: string } | null;
  source: { meetingId: string; meetingTitle: string; segment: number | null; start: number | null; speaker: string | null } | null;
  createdAt: string;
  updatedAt: string;
}

export interface TaskCapture {
  tasks: Task[];
  created: number;
}

export interface IngestResult {
  meeting: Meeting;
  created: boolean;
}

/** The level of the settings hierarchy that decided a feature's setting. */
export interface DecidedBy {
  level: 'account' | 'group' | 'user' | 'default';
  id?: string;
  name?: string;
  locked: boolean;
}

/** A share link as listed: the token is shown only once, when it is made. */
export interface ShareLink {
  id: string;
  outputId: string;
  createdBy: string | null;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  /** Only in the answer that created the link: its secret, and the web address to hand out. */
  token?: string;
  url?: string;
}

/** What `GET /v1/shared/{token}` shows to whoever holds a share link. */
export interface SharedSummary {
  outputId: string;
  /** The meeting's title. */
  title: string;
  createdAt: string;
  summary: MeetingSummary;
}

export interface EmailResult {
  sent: boolean;
  recipients: number;
  scope: 'host_only' | 'all_invitees';
  messageId: string | null;
}

/** One setting as it applies to the signed-in user, with the level that decided it. */
export interface ResolvedSetting {
  key: string;
  value: unknown;
  decidedBy: DecidedBy;
  explanation: string;
}
