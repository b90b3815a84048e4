import type { Store } from '../../core/store.ts';
import { requireSettingDefinition, settingValueProblem, type SettingJson } from './catalogue.ts';

/**
 * The account-level value of a catalogue setting, for account options that
 * apply to everyone (zero data retention, redaction, sharing): the stored
 * value when it is valid, else the default.
 *
 * @example
 * await accountSetting(store, accountId, 'meetings.zero_data_retention') // false
 */
export async function accountSetting(store: Store, accountId: string, key: string): Promise<SettingJson> {
  const definition = requireSettingDefinition(key);
  const [stored] = await store.settings.find(accountId, [{ scope: 'account', scopeId: accountId }], [key]);
  if (stored && settingValueProblem(definition, stored.value) === null) return stored.value as SettingJson;
  return definition.default;
}
