import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { catchScimError } from './testing.ts';
import type { JsonObject, JsonValue } from './json.ts';
import { applyPatch, PATCH_OP_SCHEMA } from './patch.ts';
import {
  CONFER_USER_SCHEMA,
  ENTERPRISE_USER_SCHEMA,
  GROUP_RESOURCE_TYPE,
  GROUP_SCHEMA,
  USER_RESOURCE_TYPE,
  USER_SCHEMA,
} from './schemas.ts';

const BABS = '2819c223-7f76-453a-919d-413861904646';
const MANDY = '902c246b-6245-4190-8e05-00816be7344a';
const JAMES = '08e1d05d-121c-4561-8b96-473d93df9210';

const meta = { resourceType: 'User', created: '2026-01-01T00:00:00.000Z', lastModified: '2026-01-02T00:00:00.000Z' };

function user(extra: JsonObject = {}): JsonObject {
  return {
    schemas: [USER_SCHEMA, CONFER_USER_SCHEMA],
    id: 'usr_1',
    externalId: 'ext-1',
    userName: 'bjensen@example.com',
    name: { formatted: 'Barbara Jensen', givenName: 'Barbara', familyName: 'Jensen' },
    displayName: 'Babs Jensen',
    active: true,
    emails: [{ value: 'bjensen@example.com', type: 'work', primary: true }],
    [CONFER_USER_SCHEMA]: { aiAccess: true, customAddOn: false },
    meta,
    ...extra,
  };
}

function group(members: JsonValue[] = [{ value: BABS, display: 'Babs Jensen' }, { value: MANDY, display: 'Mandy Pepperidge' }]): JsonObject {
  return { schemas: [GROUP_SCHEMA], id: 'e9e30dba-f08f-4109-8486-d5c6a331660a', displayName: 'Tour Guides', members, meta: { ...meta, resourceType: 'Group' } };
}

const body = (...Operations: JsonObject[]) => ({ schemas: [PATCH_OP_SCHEMA], Operations });
const patchUser = (resource: JsonObject, ...operations: JsonObject[]) => applyPatch(resource, body(...operations), USER_RESOURCE_TYPE);
const patchGroup = (resource: JsonObject, ...operations: JsonObject[]) => applyPatch(resource, body(...operations), GROUP_RESOURCE_TYPE);
const memberIds = (resource: JsonObject) => ((resource.members ?? []) as JsonObject[]).map((m) => m.value);


describe('applyPatch: RFC 7644 §3.5.2.1 add', () => {
  it('adds a member to a group', () => {
    const result = patchGroup(group([]), {
      op: 'add',
      path: 'members',
      value: [{ display: 'Babs Jensen', $ref: `https://example.com/v2/Users/${BABS}`, value: BABS }],
    });
    assert.deepEqual(memberIds(result.resource), [BABS]);
    assert.deepEqual(result.members, { added: [BABS], removed: [] });
  });

  it('adds attributes without a path, appending to multi-valued ones', () => {
    const { resource } = patchUser(user(), { op: 'add', value: { emails: [{ value: 'babs@jensen.org', type: 'home' }], nickName: 'Babs' } });
    assert.deepEqual(resource.emails, [
      { value: 'bjensen@example.com', type: 'work', primary: true },
      { value: 'babs@jensen.org', type: 'home' },
    ]);
    assert.equal(resource.nickName, 'Babs');
  });

  it('leaves a value that is already there alone', () => {
    const result = patchGroup(group(), { op: 'add', path: 'members', value: [{ value: BABS }] });
    assert.deepEqual(memberIds(result.resource), [BABS, MANDY]);
    assert.deepEqual(result.members, { added: [], removed: [] });
  });

  it('merges sub-attributes into a complex attribute', () => {
    const { resource } = patchUser(user(), { op: 'add', path: 'name', value: { middleName: 'Jane' } });
    assert.deepEqual(resource.name, { formatted: 'Barbara Jensen', givenName: 'Barbara', familyName: 'Jensen', middleName: 'Jane' });
  });
});

describe('applyPatch: RFC 7644 §3.5.2.2 remove', () => {
  it('removes one member selected by a filter', () => {
    const result = patchGroup(group(), { op: 'remove', path: `members[value eq "${BABS}"]` });
    assert.deepEqual(memberIds(result.resource), [MANDY]);
    assert.deepEqual(result.members, { added: [], removed: [BABS] });
  });

  it('removes all members', () => {
    const result = patchGroup(group(), { op: 'remove', path: 'members' });
    assert.equal(result.resource.members, undefined);
    assert.deepEqual(result.members, { added: [], removed: [BABS, MANDY] });
  });

  it('removes several members, one operation each', () => {
    const result = patchGroup(group(), { op: 'remove', path: `members[value eq "${BABS}"]` }, { op: 'remove', path: `members[value eq "${MANDY}"]` });
    assert.deepEqual(result.members.removed, [BABS, MANDY]);
  });

  it('replaces all members by removing them and adding others', () => {
    const result = patchGroup(group(), { op: 'remove', path: 'members' }, { op: 'add', path: 'members', value: [{ display: 'James Smith', value: JAMES }, { value: BABS }] });
    assert.deepEqual(memberIds(result.resource), [JAMES, BABS]);
    assert.deepEqual(result.members, { added: [JAMES], removed: [MANDY] });
  });

  it('removes values matching a complex filter', () => {
    const resource = user({ emails: [{ value: 'bjensen@example.com', type: 'work' }, { value: 'babs@jensen.org', type: 'home' }] });
    const result = patchUser(resource, { op: 'remove', path: 'emails[type eq "work" and value ew "example.com"]' });
    assert.deepEqual(result.resource.emails, [{ value: 'babs@jensen.org', type: 'home' }]);
  });

  it('removes a sub-attribute and a whole extension', () => {
    const { resource } = patchUser(user(), { op: 'remove', path: 'name.familyName' }, { op: 'remove', path: CONFER_USER_SCHEMA });
    assert.deepEqual(resource.name, { formatted: 'Barbara Jensen', givenName: 'Barbara' });
    assert.equal(resource[CONFER_USER_SCHEMA], undefined);
    assert.deepEqual(resource.schemas, [USER_SCHEMA]);
  });

  it('does nothing when a filter matches nothing', () => {
    const result = patchGroup(group(), { op: 'remove', path: 'members[value eq "nobody"]' });
    assert.deepEqual(result.resource, group());
  });
});

describe('applyPatch: RFC 7644 §3.5.2.3 replace', () => {
  it('replaces all members', () => {
    const result = patchGroup(group(), { op: 'replace', path: 'members', value: [{ display: 'James Smith', value: JAMES }] });
    assert.deepEqual(memberIds(result.resource), [JAMES]);
    assert.deepEqual(result.members, { added: [JAMES], removed: [BABS, MANDY] });
  });

  it('replaces the values a filter selects, and one sub-attribute of them', () => {
    const addresses: JsonObject[] = [
      { type: 'work', streetAddress: '100 Universal City Plaza', locality: 'Hollywood', primary: true },
      { type: 'home', streetAddress: '456 Hollywood Blvd' },
    ];
    const whole = patchUser(user({ addresses }), {
      op: 'replace',
      path: 'addresses[type eq "work"]',
      value: { type: 'work', streetAddress: '911 Universal City Plaza', locality: 'Hollywood', postalCode: '91608', primary: true },
    });
    assert.deepEqual(whole.resource.addresses, [
      { type: 'work', streetAddress: '911 Universal City Plaza', locality: 'Hollywood', postalCode: '91608', primary: true },
      addresses[1],
    ]);
    const street = patchUser(user({ addresses }), { op: 'replace', path: 'addresses[type eq "work"].streetAddress', value: '1010 Broadway Ave' });
    assert.deepEqual(street.resource.addresses, [{ ...addresses[0], streetAddress: '1010 Broadway Ave' }, addresses[1]]);
  });

  it('replaces attributes without a path', () => {
    const emails: JsonObject[] = [
      { value: 'bjensen@example.com', type: 'work', primary: true },
      { value: 'babs@jensen.org', type: 'home' },
    ];
    const { resource } = patchUser(user(), { op: 'replace', value: { emails, nickName: 'Babs' } });
    assert.deepEqual(resource.emails, emails);
    assert.equal(resource.nickName, 'Babs');
  });

  it('clears an attribute replaced with null', () => {
    const { resource } = patchUser(user(), { op: 'replace', path: 'displayName', value: null });
    assert.equal(Object.hasOwn(resource, 'displayName'), false);
  });
});

describe('applyPatch: Microsoft Entra ID requests', () => {
  it('disables a user with "False" as a string, and with a boolean', () => {
    assert.equal(patchUser(user(), { op: 'Replace', path: 'active', value: 'False' }).resource.active, false);
    assert.equal(patchUser(user(), { op: 'replace', path: 'active', value: false }).resource.active, false);
  });

  it('updates a multi-valued and a single-valued property', () => {
    const { resource } = patchUser(
      user(),
      { op: 'Replace', path: 'emails[type eq "work"].value', value: 'updatedEmail@microsoft.com' },
      { op: 'Replace', path: 'name.familyName', value: 'updatedFamilyName' },
    );
    assert.deepEqual(resource.emails, [{ value: 'updatedEmail@microsoft.com', type: 'work', primary: true }]);
    assert.deepEqual(resource.name, { formatted: 'Barbara Jensen', givenName: 'Barbara', familyName: 'updatedFamilyName' });
  });

  it('replaces several attributes without a path, with dotted and schema-qualified keys', () => {
    const { resource } = patchUser(
      user(),
      { op: 'replace', path: 'emails[type eq "work"].value', value: 'TestMhvaes@test.microsoft.com' },
      {
        op: 'replace',
        value: {
          displayName: 'Bjfe',
          'name.givenName': 'Kkom',
          'name.familyName': 'Unua',
          [`${ENTERPRISE_USER_SCHEMA}:employeeNumber`]: 'Aklq',
        },
      },
    );
    assert.equal(resource.displayName, 'Bjfe');
    assert.deepEqual(resource.name, { formatted: 'Barbara Jensen', givenName: 'Kkom', familyName: 'Unua' });
    assert.deepEqual(resource[ENTERPRISE_USER_SCHEMA], { employeeNumber: 'Aklq' });
    assert.deepEqual(resource.schemas, [USER_SCHEMA, CONFER_USER_SCHEMA, ENTERPRISE_USER_SCHEMA]);
    assert.deepEqual(resource.emails, [{ value: 'TestMhvaes@test.microsoft.com', type: 'work', primary: true }]);
  });

  it('replaces the attributes the older Entra ID format sends one by one', () => {
    const { resource } = patchUser(
      user(),
      { op: 'Replace', path: 'displayName', value: 'Pvlo' },
      { op: 'Replace', path: 'externalId', value: 'Eqpj' },
      { op: 'Replace', path: `${ENTERPRISE_USER_SCHEMA}:employeeNumber`, value: 'Eqpj' },
    );
    assert.equal(resource.displayName, 'Pvlo');
    assert.equal(resource.externalId, 'Eqpj');
    assert.deepEqual(resource[ENTERPRISE_USER_SCHEMA], { employeeNumber: 'Eqpj' });
  });

  it('creates the work email that an Add to emails[type eq "work"].value names', () => {
    const { resource } = patchUser(user({ emails: [] }), { op: 'Add', path: 'emails[type eq "work"].value', value: 'joe@example.com' });
    assert.deepEqual(resource.emails, [{ type: 'work', value: 'joe@example.com' }]);
  });

  it('adds a single-valued string attribute', () => {
    assert.equal(patchUser(user(), { op: 'Add', path: 'nickName', value: 'Babs' }).resource.nickName, 'Babs');
  });

  it('adds and removes group members, including removal by value list', () => {
    const added = patchGroup(group([]), { op: 'Add', path: 'members', value: [{ $ref: null, value: 'f648f8d5ea4e4cd38e9c' }] });
    assert.deepEqual(added.members, { added: ['f648f8d5ea4e4cd38e9c'], removed: [] });
    const removed = patchGroup(added.resource, { op: 'Remove', path: 'members', value: [{ $ref: null, value: 'f648f8d5ea4e4cd38e9c' }] });
    assert.deepEqual(removed.members, { added: [], removed: ['f648f8d5ea4e4cd38e9c'] });
    assert.equal(removed.resource.members, undefined);
    const one = patchGroup(group(), { op: 'Remove', path: 'members', value: [{ value: MANDY }] });
    assert.deepEqual(memberIds(one.resource), [BABS]);
  });

  it('renames a group', () => {
    const { resource } = patchGroup(group(), { op: 'Replace', path: 'displayName', value: '1879db59-updatedDisplayName' });
    assert.equal(resource.displayName, '1879db59-updatedDisplayName');
  });

  it('matches attribute names regardless of case and writes canonical ones', () => {
    const { resource } = patchUser(
      user({ emails: [{ value: 'a@example.com', type: 'other' }] }),
      { op: 'Replace', path: 'DisplayName', value: 'Ann' },
      { op: 'Replace', path: 'emails[type eq "other"].Value', value: 'b@example.com' },
    );
    assert.equal(resource.displayName, 'Ann');
    assert.equal(Object.hasOwn(resource, 'DisplayName'), false);
    assert.deepEqual(resource.emails, [{ value: 'b@example.com', type: 'other' }]);
  });
});

describe('applyPatch: Okta requests', () => {
  it('deactivates a user with replace and no path', () => {
    assert.equal(patchUser(user(), { op: 'replace', value: { active: false } }).resource.active, false);
  });

  it('renames a group, ignoring the unchanged id it sends along', () => {
    const { resource } = patchGroup(group(), { op: 'replace', value: { id: 'e9e30dba-f08f-4109-8486-d5c6a331660a', displayName: 'Test SCIMv2' } });
    assert.equal(resource.displayName, 'Test SCIMv2');
    assert.equal(resource.id, 'e9e30dba-f08f-4109-8486-d5c6a331660a');
  });

  it('removes and adds members in one request', () => {
    const result = patchGroup(
      group(),
      { op: 'remove', path: `members[value eq "${MANDY}"]` },
      { op: 'add', path: 'members', value: [{ value: JAMES, display: 'test.user@okta.local' }] },
    );
    assert.deepEqual(memberIds(result.resource), [BABS, JAMES]);
    assert.deepEqual(result.members, { added: [JAMES], removed: [MANDY] });
  });

  it('pushes the full membership with replace', () => {
    const result = patchGroup(group(), { op: 'replace', path: 'members', value: [{ value: BABS, display: 'a' }, { value: JAMES, display: 'b' }] });
    assert.deepEqual(result.members, { added: [JAMES], removed: [MANDY] });
  });
});

describe('applyPatch: values', () => {
  it('keeps one primary email: the one just written', () => {
    const { resource } = patchUser(user(), { op: 'add', path: 'emails', value: [{ value: 'new@example.com', type: 'home', primary: 'True' }] });
    assert.deepEqual(resource.emails, [
      { value: 'bjensen@example.com', type: 'work', primary: false },
      { value: 'new@example.com', type: 'home', primary: true },
    ]);
  });

  it('turns string booleans into booleans inside extensions too', () => {
    const { resource } = patchUser(user(), { op: 'replace', path: `${CONFER_USER_SCHEMA}:customAddOn`, value: 'TRUE' });
    assert.deepEqual(resource[CONFER_USER_SCHEMA], { aiAccess: true, customAddOn: true });
  });

  it('never modifies the request it is given', () => {
    const request = body(
      { op: 'add', path: 'addresses', value: [{ type: 'work', locality: 'Paris', primary: true }] },
      { op: 'add', path: 'addresses', value: [{ type: 'home', locality: 'Lyon', primary: true }] },
    );
    const copy = structuredClone(request);
    applyPatch(user(), request, USER_RESOURCE_TYPE);
    assert.deepEqual(request, copy);
  });

  it('never modifies the resource it is given', () => {
    const original = group();
    patchGroup(original, { op: 'remove', path: 'members' }, { op: 'replace', path: 'displayName', value: 'x' });
    assert.deepEqual(original, group());
  });
});

describe('applyPatch: errors', () => {
  const cases: [string, () => unknown, string, string][] = [
    ['a different id', () => patchUser(user(), { op: 'replace', path: 'id', value: 'usr_2' }), 'mutability', 'operation 1 (replace id): id is read-only'],
    ['meta', () => patchUser(user(), { op: 'replace', path: 'meta.created', value: '2020-01-01T00:00:00Z' }), 'mutability', 'operation 1 (replace meta.created): meta.created is read-only'],
    ['a user’s groups', () => patchUser(user(), { op: 'add', path: 'groups', value: [{ value: 'g1' }] }), 'mutability', 'operation 1 (add groups): groups is read-only'],
    ['a member’s id', () => patchGroup(group(), { op: 'replace', path: `members[value eq "${BABS}"].value`, value: JAMES }), 'mutability', `operation 1 (replace members[value eq "${BABS}"].value): members[value eq "${BABS}"].value is immutable: it can be set once, not changed`],
    ['remove without path', () => patchUser(user(), { op: 'remove' }), 'noTarget', 'operation 1 (remove without path): remove needs a "path" naming what to remove'],
    ['a filter matching nothing that names no value', () => patchUser(user(), { op: 'replace', path: 'emails[type eq "home" or type eq "other"].value', value: 'x@example.com' }), 'noTarget', 'operation 1 (replace emails[type eq "home" or type eq "other"].value): no value of emails matches the filter'],
    ['a sub-attribute of a simple attribute', () => patchUser(user(), { op: 'replace', path: 'userName.value', value: 'x' }), 'invalidPath', 'operation 1 (replace userName.value): userName has no sub-attributes'],
    ['a filter on a single-valued attribute', () => patchUser(user(), { op: 'replace', path: 'name[givenName eq "Barbara"]', value: {} }), 'invalidPath', 'operation 1 (replace name[givenName eq "Barbara"]): a filter needs a multi-valued attribute, and name has a single value'],
    ['a malformed path', () => patchGroup(group(), { op: 'remove', path: 'members[value eq' }), 'invalidPath', 'operation 1 (remove members[value eq): invalid path at position 17: expected a value (a string in double quotes, a number, true, false or null), found the end'],
    ['removing a required attribute', () => patchUser(user(), { op: 'remove', path: 'userName' }), 'invalidValue', 'operation 1 (remove userName): userName is required and cannot be removed'],
    ['add without value', () => patchUser(user(), { op: 'add', path: 'nickName' }), 'invalidValue', 'operation 1 (add nickName): add to nickName needs a "value"'],
    ['add without path and without object', () => patchUser(user(), { op: 'add', value: 'x' }), 'invalidValue', 'operation 1 (add without path): add without "path" needs an object of attributes as "value"'],
    ['a complex attribute set to a string', () => patchUser(user(), { op: 'replace', path: 'name', value: 'Ann' }), 'invalidValue', 'operation 1 (replace name): name needs an object of sub-attributes as value'],
    ['a member without id', () => patchGroup(group(), { op: 'add', path: 'members', value: [{ display: 'x' }] }), 'invalidValue', 'each member needs a "value" with the id of a user'],
    ['an unknown op', () => patchUser(user(), { op: 'update', path: 'x', value: 1 }), 'invalidSyntax', 'operation 1: "op" must be "add", "replace" or "remove", got "update"'],
    ['a non-string path', () => patchUser(user(), { op: 'add', path: 3, value: 1 }), 'invalidPath', 'operation 1: "path" must be a string'],
  ];
  for (const [name, run, scimType, message] of cases) {
    it(`refuses ${name}`, () => {
      const error = catchScimError(run);
      assert.equal(error.status, 400);
      assert.equal(error.scimType, scimType);
      assert.equal(error.message, message);
    });
  }

  it('refuses attribute names that are not names, wherever they appear', () => {
    const hostile = [
      JSON.parse('{"op": "add", "value": {"__proto__": {"active": false}}}'),
      JSON.parse(`{"op": "add", "value": {"${CONFER_USER_SCHEMA}": {"__proto__": {"aiAccess": false}}}}`),
    ];
    for (const operation of hostile) assert.equal(catchScimError(() => patchUser(user(), operation)).scimType, 'invalidPath');
  });

  it('refuses a body without operations or with another schema', () => {
    assert.equal(catchScimError(() => applyPatch(user(), { schemas: [PATCH_OP_SCHEMA] }, USER_RESOURCE_TYPE)).scimType, 'invalidSyntax');
    assert.equal(catchScimError(() => applyPatch(user(), { schemas: [PATCH_OP_SCHEMA], Operations: [] }, USER_RESOURCE_TYPE)).scimType, 'invalidSyntax');
    assert.match(
      catchScimError(() => applyPatch(user(), { schemas: [USER_SCHEMA], Operations: [{ op: 'add', path: 'a', value: 1 }] }, USER_RESOURCE_TYPE)).message,
      /"schemas" must contain "urn:ietf:params:scim:api:messages:2\.0:PatchOp"/,
    );
    assert.equal(catchScimError(() => applyPatch(user(), [], USER_RESOURCE_TYPE)).message, 'the PATCH body must be a JSON object');
  });

  it('names the failing operation by its position', () => {
    const error = catchScimError(() => patchUser(user(), { op: 'replace', path: 'displayName', value: 'x' }, { op: 'replace', path: 'id', value: 'y' }));
    assert.match(error.message, /^operation 2 \(replace id\)/);
  });
});
