/**
 * The feature catalogue of SPEC §3 as data. Implementations live in
 * `features/`; this file is what settings, availability and documentation
 * read, so it sits in `core/` with no behaviour.
 */
import type { Capability } from './types.ts';

export type Surface =
  | 'meetings'
  | 'panel'
  | 'recordings'
  | 'chat'
  | 'phone'
  | 'contact_centre'
  | 'tasks'
  | 'mail'
  | 'docs'
  | 'whiteboard'
  | 'hub'
  | 'events';

export type ContextType = 'dependent' | 'possible' | 'user_input';

export type Resource = 'static' | 'realtime' | 'data_source' | 'on_demand';

/**
 * How the built-in engine serves a feature: fully, from a template, with
 * statistics only, or not at all (a generative provider is required).
 */
export type BuiltinSupport = 'full' | 'template' | 'stats' | 'none';

export interface FeatureSpec {
  id: string;
  surface: Surface;
  context: ContextType;
  resources: Resource[];
  builtin: BuiltinSupport;
  /**
   * Capabilities one generative provider needs to run the feature. Empty when
   * only the built-in engine serves it.
   */
  capabilities: Capability[];
  /** Capabilities needed from some usable provider besides the main one (e.g. moderation of images). */
  companions: Capability[];
  /** Needs the custom add-on licence (studio features) rather than base AI access. */
  addOn: boolean;
  produces: string;
}

type Row = [
  id: string,
  surface: Surface,
  context: ContextType,
  resources: Resource[],
  builtin: BuiltinSupport,
  capabilities: Capability[],
  produces: string,
  companions?: Capability[],
];

const ROWS: Row[] = [
  ['meeting.summary', 'meetings', 'dependent', ['realtime'], 'full', ['structured'],
    'overview, key points, decisions, action items (owner, due date), next steps; every item cites transcript segments'],
  ['meeting.questions', 'meetings', 'dependent', ['realtime'], 'full', ['structured'],
    'answer to a question asked during the meeting, with timestamped citations; "catch me up" for late joiners'],
  ['meeting.query', 'panel', 'dependent', ['static'], 'full', ['structured'],
    'answers about past meetings with citations'],
  ['recording.smart', 'recordings', 'dependent', ['static'], 'full', ['structured'],
    'chapters, highlights, summary, action items, speaker insights (talk time per speaker)'],
  ['voice.recording', 'recordings', 'dependent', ['realtime'], 'full', ['transcription'],
    'in-person recording to transcript with speaker labels to summary'],
  ['chat.thread_summary', 'chat', 'dependent', ['on_demand', 'static'], 'full', ['structured'],
    'key points, decisions, action items of a thread'],
  ['chat.document_summary', 'chat', 'dependent', ['on_demand', 'static'], 'full', ['text'],
    'short overview of a shared text file or document'],
  ['chat.compose', 'chat', 'possible', ['on_demand', 'static'], 'none', ['text'],
    'drafts and rewrites (more professional, more casual, shorter, longer) from the conversation'],
  ['chat.quick_schedule', 'chat', 'possible', ['on_demand', 'static'], 'full', [],
    "suggested meeting times from participants' calendars"],
  ['chat.sentence_completion', 'chat', 'possible', ['on_demand'], 'none', ['text'],
    'inline continuation of the message being typed'],
  ['panel.context_awareness', 'panel', 'dependent', ['static', 'on_demand', 'data_source'], 'full', [],
    'search and suggested prompts biased to where the user is'],
  ['panel.chat_search', 'panel', 'dependent', ['static', 'on_demand'], 'full', ['text'],
    'summaries of recent channel messages; finding half-remembered points'],
  ['panel.follow_ups', 'panel', 'dependent', ['static', 'on_demand', 'data_source'], 'template', ['text'],
    'follow-up messages (recap, update to a manager, thank-you) grounded in a meeting'],
  ['panel.data_analysis', 'panel', 'dependent', ['on_demand', 'data_source'], 'stats', ['text'],
    'findings, trends and outliers from an uploaded CSV or spreadsheet'],
  ['panel.smart_scheduling', 'panel', 'dependent', ['on_demand', 'data_source'], 'full', [],
    'a slot free for all attendees across time zones, booked or sent as an invitation'],
  ['panel.agenda', 'panel', 'possible', ['static', 'on_demand', 'data_source'], 'template', ['text'],
    'structured agenda from meeting preparation'],
  ['panel.prompt_assistance', 'panel', 'possible', ['on_demand'], 'none', ['text'],
    'advice on phrasing a prompt'],
  ['panel.meeting_prep', 'panel', 'possible', ['static', 'on_demand', 'data_source'], 'full', ['text'],
    'related past meetings, open tasks, recent threads and mails with the attendees, key points'],
  ['panel.general_knowledge', 'panel', 'user_input', [], 'none', ['text'],
    'definitions and explanations, with sources'],
  ['call.summary', 'phone', 'dependent', ['realtime'], 'full', ['structured'],
    'summary with dates, names, discussion points, action items'],
  ['call.questions', 'phone', 'dependent', ['realtime'], 'full', ['structured'],
    'answers about the call in progress or just ended'],
  ['sms.thread_summary', 'phone', 'dependent', ['static'], 'full', ['text'],
    'summary of a shared SMS thread'],
  ['voicemail.prioritization', 'phone', 'dependent', ['static'], 'full', [],
    "voicemails matching the user's topics and intents first"],
  ['voicemail.tasks', 'phone', 'dependent', ['static'], 'full', ['structured'],
    'tasks suggested from a voicemail'],
  ['cc.talk_metrics', 'contact_centre', 'dependent', ['realtime'], 'full', [],
    'agent talk speed and speech length, live'],
  ['cc.sentiment', 'contact_centre', 'dependent', ['realtime'], 'full', [],
    'customer sentiment over the engagement, live, with its trajectory'],
  ['cc.conversation_summary', 'contact_centre', 'dependent', ['realtime'], 'full', ['structured'],
    'summary of the earlier conversation for the agent receiving a transfer'],
  ['cc.follow_up_tasks', 'contact_centre', 'dependent', ['realtime'], 'full', ['structured'],
    'a task whenever the customer raises an issue and the agent agrees to act'],
  ['cc.smart_compose', 'contact_centre', 'dependent', ['static'], 'none', ['text'],
    'copy-editing, rephrasing and tone changes for agent replies'],
  ['tasks.capture', 'tasks', 'dependent', ['realtime', 'static'], 'full', [],
    'action items from summaries and engagements become tasks linked to their source'],
  ['mail.summary', 'mail', 'dependent', ['on_demand'], 'full', ['text'],
    'key details, decisions and next steps of an email thread'],
  ['mail.compose', 'mail', 'possible', ['on_demand'], 'none', ['text'],
    'a draft from a prompt and/or the thread; one-click reply'],
  ['docs.generate', 'docs', 'possible', ['static'], 'none', ['text'],
    'create, summarise and revise documents and tables from a prompt'],
  ['docs.sentence_completion', 'docs', 'possible', ['on_demand'], 'none', ['text'],
    'predictive writing'],
  ['whiteboard.generate', 'whiteboard', 'possible', ['static'], 'none', ['structured'],
    'sticky notes, tables, mind maps, flowcharts from a prompt'],
  ['hub.ask', 'hub', 'dependent', ['static'], 'full', ['structured'],
    'questions over documents the user selects'],
  ['events.compose', 'events', 'user_input', [], 'none', ['text'],
    'event descriptions, session details, speaker bios, lobby announcements, emails'],
  ['image.generate', 'events', 'user_input', [], 'none', ['image'],
    'images from a prompt; every image passes moderation before it is returned', ['moderation']],
  ['translate.live', 'meetings', 'dependent', ['realtime'], 'none', ['translation'],
    'live transcript translated into the languages participants ask for'],
];

export const FEATURE_SPECS: readonly FeatureSpec[] = ROWS.map(
  ([id, surface, context, resources, builtin, capabilities, produces, companions]) => ({
    id,
    surface,
    context,
    resources,
    builtin,
    capabilities,
    companions: companions ?? [],
    addOn: false,
    produces,
  }),
);

const BY_ID = new Map(FEATURE_SPECS.map((spec) => [spec.id, spec]));

export function featureSpec(id: string): FeatureSpec | undefined {
  return BY_ID.get(id);
}

export const FEATURE_IDS: readonly string[] = FEATURE_SPECS.map((spec) => spec.id);
