import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CONFER_GROUP_SCHEMA,
  CONFER_USER_SCHEMA,
  ENTERPRISE_USER_SCHEMA,
  extensionSchema,
  findAttribute,
  findSubAttribute,
  GROUP_RESOURCE_TYPE,
  normaliseValue,
  SCHEMAS,
  USER_RESOURCE_TYPE,
  USER_SCHEMA,
  type ScimAttribute,
} from './schemas.ts';

const TYPES = ['string', 'boolean', 'decimal', 'integer', 'dateTime', 'reference', 'complex', 'binary'];

function checkAttribute(attribute: ScimAttribute, where: string): void {
  const at = `${where}.${attribute.name}`;
  assert.match(attribute.name, /^[A-Za-z$][A-Za-z0-9_$-]*$/, at);
  assert.ok(TYPES.includes(attribute.type), at);
  for (const key of ['multiValued', 'required', 'caseExact'] as const) assert.equal(typeof attribute[key], 'boolean', `${at} ${key}`);
  assert.ok(attribute.description.length > 0, at);
  assert.ok(['readOnly', 'readWrite', 'immutable', 'writeOnly'].includes(attribute.mutability), at);
  assert.ok(['always', 'never', 'default', 'request'].includes(attribute.returned), at);
  assert.ok(['none', 'server', 'global'].includes(attribute.uniqueness), at);
  assert.equal(attribute.type === 'complex', attribute.subAttributes !== undefined, `${at}: sub-attributes exactly when complex`);
  if (attribute.type === 'reference') assert.ok(attribute.referenceTypes && attribute.referenceTypes.length > 0, `${at} referenceTypes`);
  const names = (attribute.subAttributes ?? []).map((s) => s.name.toLowerCase());
  assert.equal(new Set(names).size, names.length, `${at}: unique sub-attribute names`);
  for (const sub of attribute.subAttributes ?? []) {
    assert.notEqual(sub.type, 'complex', `${at}.${sub.name}: complex attributes cannot nest`);
    checkAttribute(sub, at);
  }
}

describe('schemas', () => {
  it('define every attribute with the characteristics RFC 7643 §7 requires', () => {
    for (const schema of SCHEMAS) {
      assert.match(schema.id, /^urn:/);
      const names = schema.attributes.map((a) => a.name.toLowerCase());
      assert.equal(new Set(names).size, names.length, schema.id);
      for (const attribute of schema.attributes) checkAttribute(attribute, schema.name);
    }
  });

  it('carry the Confer licences as extension attributes', () => {
    const userExtension = extensionSchema(USER_RESOURCE_TYPE, CONFER_USER_SCHEMA);
    assert.deepEqual(userExtension?.attributes.map((a) => [a.name, a.type, a.mutability]), [
      ['aiAccess', 'boolean', 'readWrite'],
      ['customAddOn', 'boolean', 'readWrite'],
    ]);
    const groupExtension = extensionSchema(GROUP_RESOURCE_TYPE, CONFER_GROUP_SCHEMA);
    assert.deepEqual(groupExtension?.attributes.map((a) => [a.name, a.type]), [['aiAccess', 'boolean']]);
  });

  it('never return passwords and always return ids', () => {
    assert.equal(findAttribute(USER_RESOURCE_TYPE, undefined, 'password').definition?.returned, 'never');
    assert.equal(findAttribute(USER_RESOURCE_TYPE, undefined, 'id').definition?.returned, 'always');
    assert.equal(findAttribute(GROUP_RESOURCE_TYPE, undefined, 'id').definition?.mutability, 'readOnly');
  });
});

describe('findAttribute', () => {
  it('finds core and common attributes regardless of case, with or without the core URN', () => {
    assert.deepEqual(findAttribute(USER_RESOURCE_TYPE, undefined, 'USERNAME').name, 'userName');
    assert.equal(findAttribute(USER_RESOURCE_TYPE, USER_SCHEMA.toLowerCase(), 'username').definition?.uniqueness, 'server');
    assert.equal(findAttribute(USER_RESOURCE_TYPE, undefined, 'externalId').definition?.caseExact, true);
    assert.equal(findAttribute(USER_RESOURCE_TYPE, undefined, 'meta').extension, undefined);
  });

  it('finds extension attributes under their extension', () => {
    const ref = findAttribute(USER_RESOURCE_TYPE, ENTERPRISE_USER_SCHEMA.toUpperCase(), 'EMPLOYEENUMBER');
    assert.equal(ref.extension, ENTERPRISE_USER_SCHEMA);
    assert.equal(ref.name, 'employeeNumber');
  });

  it('keeps unknown names and schemas as given, without definition', () => {
    assert.deepEqual(findAttribute(USER_RESOURCE_TYPE, undefined, 'nickName'), { name: 'nickName' });
    assert.deepEqual(findAttribute(USER_RESOURCE_TYPE, 'urn:example:custom:2.0:User', 'tag'), { extension: 'urn:example:custom:2.0:User', name: 'tag' });
    assert.deepEqual(findAttribute(GROUP_RESOURCE_TYPE, ENTERPRISE_USER_SCHEMA, 'department'), { extension: ENTERPRISE_USER_SCHEMA, name: 'department' });
    assert.equal(findAttribute(USER_RESOURCE_TYPE, undefined, 'members').definition, undefined);
  });

  it('finds sub-attributes regardless of case', () => {
    const emails = findAttribute(USER_RESOURCE_TYPE, undefined, 'emails').definition;
    assert.equal(findSubAttribute(emails, 'PRIMARY')?.type, 'boolean');
    assert.equal(findSubAttribute(emails, 'nope'), undefined);
  });
});

describe('normaliseValue', () => {
  const definition = (name: string) => findAttribute(USER_RESOURCE_TYPE, undefined, name).definition;

  it('turns boolean strings into booleans, in any case', () => {
    assert.equal(normaliseValue(definition('active'), 'False'), false);
    assert.equal(normaliseValue(definition('active'), 'TRUE'), true);
    assert.equal(normaliseValue(definition('active'), 'maybe'), 'maybe');
    assert.equal(normaliseValue(definition('displayName'), 'true'), 'true');
  });

  it('normalises sub-attributes of complex values, with canonical names', () => {
    assert.deepEqual(normaliseValue(definition('emails'), [{ Value: 'a@b.c', Primary: 'true', label: 'x' }]), [
      { value: 'a@b.c', primary: true, label: 'x' },
    ]);
  });

  it('leaves values of unknown attributes alone', () => {
    assert.equal(normaliseValue(undefined, 'False'), 'False');
  });
});
