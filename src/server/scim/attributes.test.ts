import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { projectAttributes } from './attributes.ts';
import { ScimError } from './errors.ts';
import type { JsonObject } from './json.ts';
import { CONFER_USER_SCHEMA, GROUP_RESOURCE_TYPE, GROUP_SCHEMA, USER_RESOURCE_TYPE, USER_SCHEMA } from './schemas.ts';

const meta = { resourceType: 'User', created: '2026-01-01T00:00:00.000Z', lastModified: '2026-01-02T00:00:00.000Z', location: 'https://c.example/scim/v2/Users/usr_1', version: 'W/"abc"' };

const user: JsonObject = {
  schemas: [USER_SCHEMA, CONFER_USER_SCHEMA],
  id: 'usr_1',
  externalId: 'ext-1',
  userName: 'ann@example.com',
  name: { formatted: 'Ann Lee', givenName: 'Ann', familyName: 'Lee' },
  displayName: 'Ann Lee',
  title: 'Engineer',
  password: 'hunter2',
  emails: [{ value: 'ann@example.com', type: 'work', primary: true }],
  [CONFER_USER_SCHEMA]: { aiAccess: true, customAddOn: false },
  meta,
};

const project = (params: Parameters<typeof projectAttributes>[2]) => projectAttributes(user, USER_RESOURCE_TYPE, params);

describe('projectAttributes', () => {
  it('returns every attribute but the password by default', () => {
    const { password: _password, ...rest } = user;
    assert.deepEqual(project({}), rest);
  });

  it('returns what attributes names, with id, schemas and meta.resourceType always', () => {
    assert.deepEqual(project({ attributes: 'userName' }), {
      schemas: [USER_SCHEMA, CONFER_USER_SCHEMA],
      id: 'usr_1',
      userName: 'ann@example.com',
      meta: { resourceType: 'User' },
    });
  });

  it('returns named sub-attributes only, from single and multi-valued attributes', () => {
    const projected = project({ attributes: ['name.givenName', 'emails.value'] });
    assert.deepEqual(projected.name, { givenName: 'Ann' });
    assert.deepEqual(projected.emails, [{ value: 'ann@example.com' }]);
    assert.equal(projected.displayName, undefined);
  });

  it('matches names regardless of case, in a comma-separated list with spaces', () => {
    const projected = project({ attributes: 'USERNAME, Name , title' });
    assert.equal(projected.userName, 'ann@example.com');
    assert.deepEqual(projected.name, user.name);
    assert.equal(projected.title, 'Engineer');
  });

  it('selects a whole extension or one of its attributes', () => {
    assert.deepEqual(project({ attributes: CONFER_USER_SCHEMA })[CONFER_USER_SCHEMA], { aiAccess: true, customAddOn: false });
    assert.deepEqual(project({ attributes: `${CONFER_USER_SCHEMA}:aiAccess` })[CONFER_USER_SCHEMA], { aiAccess: true });
    assert.equal(project({ attributes: 'userName' })[CONFER_USER_SCHEMA], undefined);
  });

  it('drops excluded attributes and sub-attributes but never the always-returned ones', () => {
    const projected = project({ excludedAttributes: 'emails.type,meta,id,schemas,displayName' });
    assert.deepEqual(projected.emails, [{ value: 'ann@example.com', primary: true }]);
    assert.deepEqual(projected.meta, { resourceType: 'User' });
    assert.equal(projected.id, 'usr_1');
    assert.deepEqual(projected.schemas, user.schemas);
    assert.equal(projected.displayName, undefined);
  });

  it('excludes a whole extension', () => {
    assert.equal(project({ excludedAttributes: CONFER_USER_SCHEMA })[CONFER_USER_SCHEMA], undefined);
  });

  it('never returns the password, even when asked', () => {
    assert.equal(project({ attributes: 'password' }).password, undefined);
  });

  it('lets attributes decide when both parameters are given', () => {
    assert.equal(project({ attributes: 'displayName', excludedAttributes: 'displayName' }).displayName, 'Ann Lee');
  });

  it('leaves out group members, as Microsoft Entra ID asks', () => {
    const group: JsonObject = {
      schemas: [GROUP_SCHEMA],
      id: '40734ae655284ad3abcc',
      externalId: '60f1bb27-2e1e-402d-bcc4-ec999564a194',
      displayName: 'displayName',
      members: [{ value: 'usr_1' }],
      meta: { ...meta, resourceType: 'Group' },
    };
    const { members: _members, ...rest } = group;
    assert.deepEqual(projectAttributes(group, GROUP_RESOURCE_TYPE, { excludedAttributes: 'members' }), rest);
  });

  it('rejects a malformed attribute name', () => {
    assert.throws(
      () => project({ attributes: 'emails[type eq "work"]' }),
      (error) => error instanceof ScimError && error.scimType === 'invalidPath',
    );
  });
});
