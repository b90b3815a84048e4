import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../../core/errors.ts';
import { compileBlockedPattern } from './blocked-pattern.ts';
import { BUILTIN_BLOCKED_PATTERNS } from './builtin-blocked-patterns.ts';
import { PII_ENTITY_TYPES, type PiiEntityType } from './entity-types.ts';
import { detectPii, redactText, Redactor } from './redactor.ts';

test('each entity type has its placeholder', () => {
  const text =
    'Ana Lima (ana@example.com, +1 415 555 0100) on 2024-05-12 from 10.0.0.1, see https://example.com; ' +
    'PIN 4821, password: hunter2, username: alima, SSN 536-22-1234, ITIN 912-78-1234, IBAN GB82 WEST 1234 5698 7654 32, ' +
    'SWIFT NWBKGB2L, routing 011000015, account number 000123456789, passport 123456789, driver licence A1234567, ' +
    'plate 7ABC123, VIN 1M8GDM9AXKP042788, MAC 00:1A:2B:3C:4D:5E.';
  const { text: out } = redactText(text, { entities: [...PII_ENTITY_TYPES] });
  assert.equal(
    out,
    '[NAME] ([EMAIL], [PHONE]) on [DATE_TIME] from [IP_ADDRESS], see [URL]; ' +
      'PIN [PIN], password: [PASSWORD], username: [USERNAME], SSN [SSN], ITIN [US_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER], IBAN [INTERNATIONAL_BANK_ACCOUNT_NUMBER], ' +
      'SWIFT [SWIFT_CODE], routing [BANK_ROUTING], account number [BANK_ACCOUNT_NUMBER], passport [PASSPORT_NUMBER], driver licence [DRIVER_ID], ' +
      'plate [LICENSE_PLATE], VIN [VEHICLE_IDENTIFICATION_NUMBER], MAC [MAC_ADDRESS].',
  );
});

test('only the chosen entity types are redacted', () => {
  const text = 'Mail ana@example.com before 2024-05-12';
  assert.equal(redactText(text, { entities: ['EMAIL'] }).text, 'Mail [EMAIL] before 2024-05-12');
  assert.equal(redactText(text, { entities: [] }).text, text);
});

test('spans are sorted, non-overlapping and carry their values', () => {
  const spans = detectPii('Call 415-555-0100 or mail bob@example.com', { entities: ['PHONE', 'EMAIL', 'URL'] });
  assert.deepEqual(spans, [
    { type: 'PHONE', start: 5, end: 17, value: '415-555-0100' },
    { type: 'EMAIL', start: 26, end: 41, value: 'bob@example.com' },
  ]);
});

test('participants make their names redacted in every form', () => {
  const redactor = new Redactor({ entities: ['NAME'], participants: ['Ordo Kant'] });
  assert.equal(redactor.redact('Ordo: ordo kant and Kant agree').text, '[NAME]: [NAME] and [NAME] agree');
  assert.equal(new Redactor({ entities: ['NAME'] }).redact('Ordo will send the deck').text, 'Ordo will send the deck');
});

test('a structured output is redacted field by field, with counts for the audit record', () => {
  const redactor = new Redactor({ entities: ['EMAIL', 'PHONE'], blockedPatterns: [BUILTIN_BLOCKED_PATTERNS.CREDIT_CARD] });
  const output = {
    overview: { text: 'Mail ana@example.com', citations: [{ segment: 3, start: 1.5 }] },
    actionItems: [{ text: 'Call +1 415 555 0100', owner: null, due: '2024-05-12' }],
    tags: ['card 4111 1111 1111 1111'],
  };
  const { value, counts } = redactor.redactValue(output);
  assert.deepEqual(value, {
    overview: { text: 'Mail [EMAIL]', citations: [{ segment: 3, start: 1.5 }] },
    actionItems: [{ text: 'Call [PHONE]', owner: null, due: '2024-05-12' }],
    tags: ['card [BLOCKED]'],
  });
  assert.deepEqual(counts, { EMAIL: 1, PHONE: 1, BLOCKED: 1 });
  assert.equal(output.overview.text, 'Mail ana@example.com', 'the input is not modified');
});

test('repeated strings give the same independent result', () => {
  const redactor = new Redactor({ entities: ['EMAIL'] });
  const first = redactor.detect('bob@example.com');
  first[0]!.value = 'changed';
  assert.equal(redactor.detect('bob@example.com')[0]!.value, 'bob@example.com');
});

test('blocked patterns take precedence over PII types', () => {
  const secret = compileBlockedPattern('(?i)project\\s+\\w+');
  assert.equal(redactText('Project Kenosha starts 2024-05-12', { entities: ['DATE_TIME'], blockedPatterns: [secret] }).text, '[BLOCKED] starts [DATE_TIME]');
});

test('unknown entity types are refused', () => {
  assert.throws(
    () => new Redactor({ entities: ['EMAIL', 'SHOE_SIZE' as PiiEntityType] }),
    (error: unknown) => AppError.isInstance(error) && error.code === 'invalid_input' && /unknown PII entity type\(s\): SHOE_SIZE/.test(error.message),
  );
});
