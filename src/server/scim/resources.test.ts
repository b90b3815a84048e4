import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { catchScimError } from './testing.ts';
import type { Group, User } from '../../core/types.ts';
import type { JsonObject } from './json.ts';
import { applyPatch, PATCH_OP_SCHEMA } from './patch.ts';
import { groupFromScim, groupToScim, splitName, userFromScim, userToScim } from './resources.ts';
import {
  CONFER_GROUP_SCHEMA,
  CONFER_USER_SCHEMA,
  ENTERPRISE_USER_SCHEMA,
  GROUP_RESOURCE_TYPE,
  GROUP_SCHEMA,
  USER_RESOURCE_TYPE,
  USER_SCHEMA,
} from './schemas.ts';

const BASE = 'https://confer.example.com/scim/v2';

const ann: User = {
  id: 'usr_ann',
  accountId: 'acc_1',
  email: 'ann@example.com',
  name: 'Ann Marie Lee',
  role: 'member',
  studio: false,
  status: 'active',
  aiAccess: true,
  customAddOn: true,
  locale: 'en-GB',
  externalId: '00ujl29u0le5T6Aj10h7',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-02T00:00:00.000Z',
};

const legal: Group = {
  id: 'grp_legal',
  accountId: 'acc_1',
  name: 'Legal',
  externalId: null,
  aiAccess: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-03T00:00:00.000Z',
};

const fieldsOf = (user: User) => ({
  email: user.email,
  name: user.name,
  status: user.status,
  externalId: user.externalId,
  locale: user.locale,
  aiAccess: user.aiAccess,
  customAddOn: user.customAddOn,
});


describe('userToScim', () => {
  it('represents a user as a SCIM User with the Confer extension', () => {
    const resource = userToScim(ann, { baseUrl: BASE, groups: [{ id: 'grp_legal', name: 'Legal' }] });
    const version = (resource.meta as JsonObject).version;
    assert.match(String(version), /^W\/"[0-9a-f]{16}"$/);
    assert.deepEqual(resource, {
      schemas: [USER_SCHEMA, CONFER_USER_SCHEMA],
      id: 'usr_ann',
      externalId: '00ujl29u0le5T6Aj10h7',
      userName: 'ann@example.com',
      name: { formatted: 'Ann Marie Lee', givenName: 'Ann Marie', familyName: 'Lee' },
      displayName: 'Ann Marie Lee',
      locale: 'en-GB',
      active: true,
      emails: [{ value: 'ann@example.com', type: 'work', primary: true }],
      groups: [{ value: 'grp_legal', $ref: `${BASE}/Groups/grp_legal`, display: 'Legal', type: 'direct' }],
      [CONFER_USER_SCHEMA]: { aiAccess: true, customAddOn: true },
      meta: {
        resourceType: 'User',
        created: '2026-01-01T00:00:00.000Z',
        lastModified: '2026-01-02T00:00:00.000Z',
        location: `${BASE}/Users/usr_ann`,
        version,
      },
    });
  });

  it('leaves out what is unset, and marks a deactivated user inactive', () => {
    const resource = userToScim({ ...ann, externalId: null, status: 'deactivated', name: ' ' }, { baseUrl: BASE });
    assert.equal(resource.active, false);
    for (const key of ['externalId', 'name', 'displayName', 'groups']) assert.equal(Object.hasOwn(resource, key), false, key);
  });

  it('derives the version from updatedAt, so a store must bump it on every change', () => {
    const version = (user: User) => (userToScim(user, { baseUrl: BASE }).meta as JsonObject).version;
    assert.equal(version(ann), version({ ...ann, name: 'Other' }));
    assert.notEqual(version(ann), version({ ...ann, updatedAt: '2026-01-05T00:00:00.000Z' }));
  });
});

describe('userFromScim', () => {
  it('reads back what userToScim wrote', () => {
    const input = userFromScim(userToScim(ann, { baseUrl: BASE, groups: [{ id: 'g', name: 'G' }] }), ann);
    assert.deepEqual(input, { fields: fieldsOf(ann), ignored: [] });
    assert.deepEqual(userFromScim(userToScim(ann, { baseUrl: BASE })).fields, fieldsOf(ann));
  });

  it('reads Okta’s create request, ignoring the password', () => {
    const okta = {
      schemas: [USER_SCHEMA],
      userName: 'test.user@okta.local',
      name: { givenName: 'Test', familyName: 'User' },
      emails: [{ primary: true, value: 'test.user@okta.local', type: 'work' }],
      displayName: 'Test User',
      locale: 'en-US',
      externalId: '00ujl29u0le5T6Aj10h7',
      groups: [],
      password: '1mz050nq',
      active: true,
    };
    assert.deepEqual(userFromScim(okta), {
      fields: {
        email: 'test.user@okta.local',
        name: 'Test User',
        status: 'active',
        externalId: '00ujl29u0le5T6Aj10h7',
        locale: 'en-US',
        aiAccess: true,
        customAddOn: false,
      },
      ignored: ['password'],
    });
  });

  it('reads Microsoft Entra ID’s create request with the enterprise extension', () => {
    const entra = {
      schemas: [USER_SCHEMA, ENTERPRISE_USER_SCHEMA],
      externalId: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef',
      userName: 'Test_User_00aa00aa@testuser.com',
      active: true,
      emails: [{ primary: true, type: 'work', value: 'Test_User_11bb11bb@testuser.com' }],
      meta: { resourceType: 'User' },
      name: { formatted: 'givenName familyName', familyName: 'familyName', givenName: 'givenName' },
      roles: [],
      [ENTERPRISE_USER_SCHEMA]: { employeeNumber: '100009', department: 'Human Resources US', manager: { value: '' } },
    };
    assert.deepEqual(userFromScim(entra), {
      fields: {
        email: 'Test_User_00aa00aa@testuser.com',
        name: 'givenName familyName',
        status: 'active',
        externalId: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef',
        locale: 'en',
        aiAccess: true,
        customAddOn: false,
      },
      ignored: [`${ENTERPRISE_USER_SCHEMA}:employeeNumber`, `${ENTERPRISE_USER_SCHEMA}:department`, 'emails'],
    });
  });

  it('reads licences and status, with booleans sent as strings', () => {
    const { fields } = userFromScim({
      schemas: [USER_SCHEMA, CONFER_USER_SCHEMA],
      userName: 'bo@example.com',
      active: 'False',
      [CONFER_USER_SCHEMA]: { aiAccess: false, customAddOn: 'True' },
      locale: 'pt_BR',
    });
    assert.equal(fields.status, 'deactivated');
    assert.equal(fields.aiAccess, false);
    assert.equal(fields.customAddOn, true);
    assert.equal(fields.locale, 'pt-BR');
    assert.equal(fields.name, 'bo@example.com');
  });

  it('keeps what a PUT leaves out, such as the licences Okta does not know', () => {
    const { fields } = userFromScim({ schemas: [USER_SCHEMA], userName: 'ann@example.com', displayName: 'Ann Marie Lee' }, ann);
    assert.deepEqual(fields, fieldsOf(ann));
    const cleared = userFromScim({ schemas: [USER_SCHEMA], userName: 'ann@example.com', externalId: null }, ann);
    assert.equal(cleared.fields.externalId, null);
  });

  it('takes the name from whichever name attribute a patch changed', () => {
    const patched = (operations: JsonObject[]) =>
      userFromScim(applyPatch(userToScim(ann, { baseUrl: BASE }), { schemas: [PATCH_OP_SCHEMA], Operations: operations }, USER_RESOURCE_TYPE).resource, ann).fields.name;
    assert.equal(patched([{ op: 'Replace', path: 'name.familyName', value: 'Lee-Smith' }]), 'Ann Marie Lee-Smith');
    assert.equal(patched([{ op: 'replace', value: { displayName: 'Annie', 'name.givenName': 'Anne' } }]), 'Annie');
    assert.equal(patched([{ op: 'replace', path: 'name.formatted', value: 'Dr Ann Lee' }]), 'Dr Ann Lee');
    assert.equal(patched([{ op: 'replace', path: 'active', value: false }]), 'Ann Marie Lee');
  });

  it('applies an Entra ID deactivation end to end', () => {
    const { resource } = applyPatch(
      userToScim(ann, { baseUrl: BASE }),
      { schemas: [PATCH_OP_SCHEMA], Operations: [{ op: 'Replace', path: 'active', value: 'False' }] },
      USER_RESOURCE_TYPE,
    );
    assert.deepEqual(userFromScim(resource, ann).fields, { ...fieldsOf(ann), status: 'deactivated' });
  });

  it('reports name parts and attributes it does not keep', () => {
    const { ignored } = userFromScim({
      schemas: [USER_SCHEMA],
      userName: 'a@example.com',
      name: { givenName: 'A', middleName: 'B', honorificPrefix: '' },
      title: 'Boss',
      nickName: null,
      phoneNumbers: [{ value: '+1 555', type: 'work' }],
    });
    assert.deepEqual(ignored, ['name.middleName', 'title', 'phoneNumbers']);
  });

  describe('errors', () => {
    const base = { schemas: [USER_SCHEMA], userName: 'a@example.com' };
    const cases: [string, unknown, string, string][] = [
      ['a body that is not an object', 'x', 'invalidSyntax', 'the request body must be a JSON object'],
      ['a body without the User schema', { userName: 'a@example.com' }, 'invalidSyntax', `"schemas" must list "${USER_SCHEMA}"`],
      ['a missing userName', { schemas: [USER_SCHEMA] }, 'invalidValue', "userName is required: the user's email address"],
      ['a userName that is not an email', { ...base, userName: 'bjensen' }, 'invalidValue', 'userName must be the user\'s email address, as users sign in by email; got "bjensen" (map userName to the email or user principal name)'],
      ['a non-boolean active', { ...base, active: 'maybe' }, 'invalidValue', 'active must be true or false, got "maybe"'],
      ['a malformed locale', { ...base, locale: 'en US' }, 'invalidValue', 'locale must be a language tag such as "en-US", got "en US"'],
      ['a numeric externalId', { ...base, externalId: 5 }, 'invalidValue', 'externalId must be a string, got 5'],
      ['a name that is not an object', { ...base, name: 'Ann' }, 'invalidValue', 'name must be an object, got "Ann"'],
      ['a non-string givenName', { ...base, name: { givenName: 3 } }, 'invalidValue', 'name.givenName must be a string, got 3'],
      ['a non-boolean licence', { ...base, [CONFER_USER_SCHEMA]: { aiAccess: 'yes' } }, 'invalidValue', `${CONFER_USER_SCHEMA}:aiAccess must be true or false, got "yes"`],
      ['emails that are not a list of addresses', { ...base, emails: 'a@example.com' }, 'invalidValue', 'emails must be a list of objects with a string "value"'],
    ];
    for (const [name, body, scimType, message] of cases) {
      it(`rejects ${name}`, () => {
        const error = catchScimError(() => userFromScim(body));
        assert.equal(error.scimType, scimType);
        assert.equal(error.message, message);
        assert.equal(error.status, 400);
      });
    }
  });
});

describe('groupToScim and groupFromScim', () => {
  it('represent a group with its members and licence', () => {
    const resource = groupToScim(legal, { baseUrl: BASE, members: [{ id: 'usr_ann', name: 'Ann Marie Lee' }] });
    assert.deepEqual(resource, {
      schemas: [GROUP_SCHEMA, CONFER_GROUP_SCHEMA],
      id: 'grp_legal',
      displayName: 'Legal',
      members: [{ value: 'usr_ann', $ref: `${BASE}/Users/usr_ann`, display: 'Ann Marie Lee', type: 'User' }],
      [CONFER_GROUP_SCHEMA]: { aiAccess: false },
      meta: {
        resourceType: 'Group',
        created: '2026-01-01T00:00:00.000Z',
        lastModified: '2026-01-03T00:00:00.000Z',
        location: `${BASE}/Groups/grp_legal`,
        version: (resource.meta as JsonObject).version,
      },
    });
    assert.deepEqual(groupFromScim(resource, legal), {
      fields: { name: 'Legal', externalId: null, aiAccess: false },
      memberIds: ['usr_ann'],
      ignored: [],
    });
  });

  it('leaves members out unless given, and then reports no member list', () => {
    const resource = groupToScim(legal, { baseUrl: BASE });
    assert.equal(Object.hasOwn(resource, 'members'), false);
    assert.equal(Object.hasOwn(groupFromScim(resource, legal), 'memberIds'), false);
  });

  it('reads Okta’s and Entra ID’s create requests', () => {
    assert.deepEqual(groupFromScim({ schemas: [GROUP_SCHEMA], displayName: 'Test SCIMv2', members: [] }), {
      fields: { name: 'Test SCIMv2', externalId: null, aiAccess: true },
      memberIds: [],
      ignored: [],
    });
    const entra = {
      schemas: [GROUP_SCHEMA, 'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group'],
      externalId: '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159',
      displayName: 'displayName',
      meta: { resourceType: 'Group' },
    };
    assert.deepEqual(groupFromScim(entra), {
      fields: { name: 'displayName', externalId: '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159', aiAccess: true },
      ignored: [],
    });
  });

  it('applies a membership patch end to end', () => {
    const resource = groupToScim(legal, { baseUrl: BASE, members: [{ id: 'usr_ann', name: 'Ann' }] });
    const result = applyPatch(
      resource,
      { schemas: [PATCH_OP_SCHEMA], Operations: [{ op: 'Add', path: 'members', value: [{ $ref: null, value: 'usr_bo' }] }] },
      GROUP_RESOURCE_TYPE,
    );
    assert.deepEqual(result.members, { added: ['usr_bo'], removed: [] });
    assert.deepEqual(groupFromScim(result.resource, legal).memberIds, ['usr_ann', 'usr_bo']);
  });

  it('removes duplicate members', () => {
    const { memberIds } = groupFromScim({ schemas: [GROUP_SCHEMA], displayName: 'G', members: [{ value: 'u1' }, { value: 'u1' }, { value: 'u2', type: 'User' }] });
    assert.deepEqual(memberIds, ['u1', 'u2']);
  });

  it('rejects a group without name, nested groups and malformed members', () => {
    assert.equal(catchScimError(() => groupFromScim({ schemas: [GROUP_SCHEMA], displayName: ' ' })).message, "displayName is required: the group's name");
    assert.equal(
      catchScimError(() => groupFromScim({ schemas: [GROUP_SCHEMA], displayName: 'G', members: [{ value: 'grp_2', type: 'Group' }] })).message,
      'member grp_2 is a Group: groups can only contain users',
    );
    assert.equal(catchScimError(() => groupFromScim({ schemas: [GROUP_SCHEMA], displayName: 'G', members: [{ display: 'x' }] })).message, 'each member needs a "value" with the id of a user');
    assert.equal(catchScimError(() => groupFromScim({ schemas: [USER_SCHEMA], displayName: 'G' })).scimType, 'invalidSyntax');
  });
});

describe('splitName', () => {
  it('takes the last word as the family name', () => {
    assert.deepEqual(splitName('Mary Ann  Lee'), { givenName: 'Mary Ann', familyName: 'Lee' });
    assert.deepEqual(splitName('Cher'), { givenName: 'Cher' });
    assert.deepEqual(splitName('  '), {});
  });
});
