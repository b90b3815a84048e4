/**
 * Every setting an admin can set at account, group or user level (SPEC §7.2):
 * one on/off per feature of the catalogue plus the feature options. Each
 * definition carries its type, its default and how restrictive each value is,
 * so that resolution can pick the most restrictive of several group values.
 */
import { FEATURE_SPECS } from '../../core/features.ts';
import { AppError } from '../../core/errors.ts';
import { PII_ENTITY_TYPES } from '../redaction/entity-types.ts';

/** A setting's value once validated: the JSON shapes the three types allow. */
export type SettingJson = boolean | string | readonly string[];

interface DefinitionBase {
  key: string;
  description: string;
}

export interface BooleanSettingDefinition extends DefinitionBase {
  type: 'boolean';
  default: boolean;
}

export interface EnumSettingDefinition extends DefinitionBase {
  type: 'enum';
  /** Allowed values, the most restrictive first. */
  values: readonly string[];
  default: string;
}

export interface StringListSettingDefinition extends DefinitionBase {
  type: 'string_list';
  /** Items a list may contain. A shorter list is more restrictive. */
  items: readonly string[];
  default: readonly string[];
}

export type SettingDefinition = BooleanSettingDefinition | EnumSettingDefinition | StringListSettingDefinition;

const FEATURE_KEY_PREFIX = 'feature.';

/**
 * The setting key holding a feature's on/off switch.
 *
 * @example
 * featureSettingKey('meeting.summary') // 'feature.meeting.summary'
 */
export function featureSettingKey(featureId: string): string {
  return FEATURE_KEY_PREFIX + featureId;
}

const featureSwitches: SettingDefinition[] = FEATURE_SPECS.map((spec) => ({
  key: featureSettingKey(spec.id),
  type: 'boolean',
  default: true,
  description: `Allow ${spec.id}: ${spec.produces}.`,
}));

const options: SettingDefinition[] = [
  {
    key: 'summary.email_delivery',
    type: 'boolean',
    default: true,
    description: 'Send meeting summaries by email once they are ready.',
  },
  {
    key: 'summary.email_recipients',
    type: 'enum',
    values: ['host_only', 'all_invitees'],
    default: 'host_only',
    description: 'Who receives emailed summaries: the host only, or everyone invited.',
  },
  {
    key: 'meeting.questions_during_meeting',
    type: 'boolean',
    default: true,
    description: 'Let participants ask questions about the meeting while it is in progress.',
  },
  {
    key: 'transcripts.hosts_may_keep',
    type: 'boolean',
    default: true,
    description: 'Let meeting hosts keep transcripts after the summary is created.',
  },
  {
    key: 'panel.search_enabled',
    type: 'boolean',
    default: true,
    description: "Let the panel search the user's own content of the last 90 days.",
  },
  {
    key: 'data_sources.enabled',
    type: 'boolean',
    default: false,
    description: 'Let users connect third-party data sources (mail, calendar, files) for indexing.',
  },
  {
    key: 'data_sources.kinds',
    type: 'string_list',
    items: ['mail', 'calendar', 'files'],
    default: ['mail', 'calendar', 'files'],
    description: 'Which kinds of data source users may connect when data sources are enabled.',
  },
  {
    key: 'models.prefer_generative',
    type: 'boolean',
    default: false,
    description: 'Run builtin features on a generative provider when the deployment mode allows one, instead of the built-in engine.',
  },
  {
    key: 'meetings.zero_data_retention',
    type: 'boolean',
    default: false,
    description: 'Zero data retention: delete the transcript, in-meeting chat and shared-screen text as soon as the summary is stored (kept at most 24 hours if summarising fails).',
  },
  {
    key: 'sharing.links_enabled',
    type: 'boolean',
    default: true,
    description: 'Let people share meeting summaries by link. Off: no new links, and the links they made stop opening.',
  },
  {
    key: 'sharing.require_sign_in',
    type: 'boolean',
    default: false,
    description: 'Require signing in to open shared summary links.',
  },
  {
    key: 'redaction.entities',
    type: 'string_list',
    items: PII_ENTITY_TYPES,
    default: [],
    description: 'Personal data types redacted from outputs created from now on (SPEC §8.4).',
  },
  {
    key: 'redaction.builtin_patterns',
    type: 'string_list',
    items: ['CREDIT_CARD'],
    default: [],
    description: 'Built-in blocked patterns applied to outputs created from now on (CREDIT_CARD: Luhn-valid card numbers).',
  },
];

/** Every setting, feature switches first (in catalogue order), then the options. */
export const SETTING_DEFINITIONS: readonly SettingDefinition[] = [...featureSwitches, ...options];

const BY_KEY = new Map(SETTING_DEFINITIONS.map((definition) => [definition.key, definition]));

/**
 * The definition of a setting key, or `undefined` when the key is unknown.
 *
 * @example
 * settingDefinition('summary.email_recipients')?.type // 'enum'
 */
export function settingDefinition(key: string): SettingDefinition | undefined {
  return BY_KEY.get(key);
}

/**
 * The definition of a setting key; throws `invalid_input` naming the key when it is unknown.
 *
 * @example
 * requireSettingDefinition('feature.meeting.summary').default // true
 */
export function requireSettingDefinition(key: string): SettingDefinition {
  const definition = BY_KEY.get(key);
  if (definition) return definition;
  const hint = key.startsWith(FEATURE_KEY_PREFIX)
    ? `no feature "${key.slice(FEATURE_KEY_PREFIX.length)}" exists`
    : `keys are "feature.<featureId>" or one of ${options.map((o) => `"${o.key}"`).join(', ')}`;
  throw new AppError('invalid_input', `unknown setting "${key}": ${hint}`, {
    fields: [{ path: 'key', message: `unknown setting "${key}"` }],
  });
}

/**
 * Why `value` does not fit `definition`, or `null` when it does. Stored values
 * are checked again when read, as the catalogue may have changed since.
 *
 * @example
 * settingValueProblem(requireSettingDefinition('summary.email_delivery'), 'yes')
 * // 'expects true or false, got "yes"'
 */
export function settingValueProblem(definition: SettingDefinition, value: unknown): string | null {
  switch (definition.type) {
    case 'boolean':
      return typeof value === 'boolean' ? null : `expects true or false, got ${describe(value)}`;
    case 'enum':
      return typeof value === 'string' && definition.values.includes(value)
        ? null
        : `expects one of ${definition.values.map((v) => `"${v}"`).join(', ')}, got ${describe(value)}`;
    case 'string_list': {
      const allowed = definition.items.map((item) => `"${item}"`).join(', ');
      if (!Array.isArray(value)) return `expects a list of ${allowed}, got ${describe(value)}`;
      const unknown = value.find((item) => typeof item !== 'string' || !definition.items.includes(item));
      if (unknown !== undefined) return `expects items among ${allowed}, got ${describe(unknown)}`;
      return new Set(value).size === value.length ? null : 'expects each item at most once';
    }
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  return JSON.stringify(value) ?? String(value);
}

/**
 * Checks a value against its key and returns it typed; throws `invalid_input`
 * saying what was expected (unknown key, wrong type, allowed enum values).
 *
 * @example
 * validateSettingValue('summary.email_recipients', 'all_invitees') // 'all_invitees'
 * validateSettingValue('summary.email_recipients', 'everyone')
 * // throws: setting "summary.email_recipients" expects one of "host_only", "all_invitees", got "everyone"
 */
export function validateSettingValue(key: string, value: unknown): SettingJson {
  const definition = requireSettingDefinition(key);
  const problem = settingValueProblem(definition, value);
  if (problem === null) return value as SettingJson;
  throw new AppError('invalid_input', `setting "${key}" ${problem}`, {
    fields: [{ path: 'value', message: problem }],
  });
}

/**
 * How permissive a valid value is: lower ranks are more restrictive. `false`
 * ranks below `true`; enum values rank by their position in `values`; lists
 * rank by length.
 *
 * @example
 * restrictiveness(requireSettingDefinition('summary.email_recipients'), 'host_only') // 0
 */
export function restrictiveness(definition: SettingDefinition, value: SettingJson): number {
  switch (definition.type) {
    case 'boolean':
      return value === true ? 1 : 0;
    case 'enum':
      return definition.values.indexOf(value as string);
    case 'string_list':
      return (value as readonly string[]).length;
  }
}
