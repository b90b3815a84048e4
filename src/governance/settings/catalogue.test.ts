import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../core/errors.ts';
import { FEATURE_SPECS } from '../../core/features.ts';
import {
  featureSettingKey,
  requireSettingDefinition,
  restrictiveness,
  SETTING_DEFINITIONS,
  settingDefinition,
  settingValueProblem,
  validateSettingValue,
} from './catalogue.ts';

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    assert.ok(AppError.isInstance(error), 'expected an AppError');
    return error;
  }
  assert.fail('expected an error');
}

describe('settings catalogue', () => {
  it('has one boolean switch per feature, on by default', () => {
    for (const spec of FEATURE_SPECS) {
      const definition = settingDefinition(featureSettingKey(spec.id));
      assert.equal(definition?.type, 'boolean', spec.id);
      assert.equal(definition?.default, true, spec.id);
    }
  });

  it('has the feature options with their documented defaults', () => {
    const defaults = Object.fromEntries(SETTING_DEFINITIONS.map((d) => [d.key, d.default]));
    assert.equal(defaults['summary.email_delivery'], true);
    assert.equal(defaults['summary.email_recipients'], 'host_only');
    assert.equal(defaults['meeting.questions_during_meeting'], true);
    assert.equal(defaults['transcripts.hosts_may_keep'], true);
    assert.equal(defaults['panel.search_enabled'], true);
    assert.equal(defaults['data_sources.enabled'], false);
    assert.deepEqual(defaults['data_sources.kinds'], ['mail', 'calendar', 'files']);
    assert.equal(defaults['models.prefer_generative'], false);
  });

  it('has unique keys and valid defaults', () => {
    const keys = SETTING_DEFINITIONS.map((d) => d.key);
    assert.equal(new Set(keys).size, keys.length);
    for (const definition of SETTING_DEFINITIONS) {
      assert.equal(settingValueProblem(definition, definition.default), null, definition.key);
    }
  });

  it('accepts values of the right type', () => {
    assert.equal(validateSettingValue('feature.meeting.summary', false), false);
    assert.equal(validateSettingValue('summary.email_recipients', 'all_invitees'), 'all_invitees');
    assert.deepEqual(validateSettingValue('data_sources.kinds', ['mail']), ['mail']);
    assert.deepEqual(validateSettingValue('data_sources.kinds', []), []);
  });

  it('names an unknown key, and a feature that does not exist', () => {
    const unknown = thrown(() => validateSettingValue('summary.colour', true));
    assert.equal(unknown.code, 'invalid_input');
    assert.match(unknown.message, /unknown setting "summary\.colour"/);
    assert.match(unknown.message, /"summary\.email_delivery"/);
    const feature = thrown(() => requireSettingDefinition('feature.meeting.sumary'));
    assert.match(feature.message, /no feature "meeting\.sumary" exists/);
  });

  it('says what type was expected', () => {
    const error = thrown(() => validateSettingValue('summary.email_delivery', 'yes'));
    assert.equal(error.message, 'setting "summary.email_delivery" expects true or false, got "yes"');
    assert.deepEqual(error.fields, [{ path: 'value', message: 'expects true or false, got "yes"' }]);
  });

  it('lists the allowed enum values', () => {
    const error = thrown(() => validateSettingValue('summary.email_recipients', 'everyone'));
    assert.equal(
      error.message,
      'setting "summary.email_recipients" expects one of "host_only", "all_invitees", got "everyone"',
    );
  });

  it('rejects list items outside the allowed set, duplicates and non-lists', () => {
    assert.match(thrown(() => validateSettingValue('data_sources.kinds', ['chat'])).message, /got "chat"/);
    assert.match(thrown(() => validateSettingValue('data_sources.kinds', ['mail', 'mail'])).message, /at most once/);
    assert.match(thrown(() => validateSettingValue('data_sources.kinds', 'mail')).message, /expects a list/);
    assert.match(thrown(() => validateSettingValue('data_sources.kinds', undefined)).message, /got nothing/);
  });

  it('ranks false, the first enum value and shorter lists as more restrictive', () => {
    const toggle = requireSettingDefinition('summary.email_delivery');
    assert.ok(restrictiveness(toggle, false) < restrictiveness(toggle, true));
    const recipients = requireSettingDefinition('summary.email_recipients');
    assert.ok(restrictiveness(recipients, 'host_only') < restrictiveness(recipients, 'all_invitees'));
    const kinds = requireSettingDefinition('data_sources.kinds');
    assert.ok(restrictiveness(kinds, ['mail']) < restrictiveness(kinds, ['mail', 'files']));
  });
});
