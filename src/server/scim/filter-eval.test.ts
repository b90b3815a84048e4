import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { catchScimError } from './testing.ts';
import { matchesFilter, matchesValueFilter } from './filter-eval.ts';
import { parseFilter, parsePatchPath } from './filter.ts';
import type { JsonObject } from './json.ts';
import { ENTERPRISE_USER_SCHEMA, findAttribute, GROUP_RESOURCE_TYPE, USER_RESOURCE_TYPE, USER_SCHEMA } from './schemas.ts';

/** Barbara Jensen, after the full User representation of RFC 7643 §8.2. */
const bjensen: JsonObject = {
  schemas: [USER_SCHEMA, ENTERPRISE_USER_SCHEMA],
  id: '2819c223-7f76-453a-919d-413861904646',
  externalId: '701984',
  userName: 'bjensen',
  name: { formatted: 'Ms. Barbara J Jensen, III', familyName: 'Jensen', givenName: 'Barbara' },
  displayName: 'Babs Jensen',
  title: 'Tour Guide',
  userType: 'Employee',
  active: true,
  emails: [
    { value: 'bjensen@example.com', type: 'work', primary: true },
    { value: 'babs@jensen.org', type: 'home' },
  ],
  ims: [{ value: 'someaimhandle', type: 'aim' }],
  [ENTERPRISE_USER_SCHEMA]: { employeeNumber: '701984', department: 'Tour Operations', manager: { value: '26118915' } },
  meta: {
    resourceType: 'User',
    created: '2010-01-23T04:56:22Z',
    lastModified: '2011-05-13T04:42:34Z',
    version: 'W/"3694e05e9dff591"',
    location: 'https://example.com/v2/Users/2819c223-7f76-453a-919d-413861904646',
  },
};

const matches = (filter: string, resource: JsonObject = bjensen) => matchesFilter(resource, parseFilter(filter), USER_RESOURCE_TYPE);

describe('matchesFilter', () => {
  it('evaluates the RFC 7644 §3.4.2.2 examples against Barbara Jensen', () => {
    const expectations: [string, boolean][] = [
      ['userName eq "bjensen"', true],
      ['name.familyName co "O\'Malley"', false],
      ['userName sw "J"', false],
      ['urn:ietf:params:scim:schemas:core:2.0:User:userName sw "B"', true],
      ['title pr', true],
      ['meta.lastModified gt "2011-05-13T04:42:34Z"', false],
      ['meta.lastModified ge "2011-05-13T04:42:34Z"', true],
      ['meta.lastModified lt "2011-05-13T04:42:34Z"', false],
      ['meta.lastModified le "2011-05-13T04:42:34Z"', true],
      ['title pr and userType eq "Employee"', true],
      ['title pr or userType eq "Intern"', true],
      ['schemas eq "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"', true],
      ['userType eq "Employee" and (emails co "example.com" or emails.value co "example.org")', true],
      ['userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")', false],
      ['userType eq "Employee" and (emails.type eq "work")', true],
      ['userType eq "Employee" and emails[type eq "work" and value co "@example.com"]', true],
      ['emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"]', true],
    ];
    for (const [filter, expected] of expectations) assert.equal(matches(filter), expected, filter);
  });

  it('compares strings without case unless the attribute is caseExact', () => {
    assert.equal(matches('USERNAME eq "BJensen"'), true);
    assert.equal(matches('name.FAMILYNAME sw "jen"'), true);
    assert.equal(matches('id eq "2819C223-7F76-453A-919D-413861904646"'), false);
    assert.equal(matches('externalId eq "701984"'), true);
  });

  it('supports every comparison operator on strings', () => {
    assert.equal(matches('displayName ne "Babs"'), true);
    assert.equal(matches('displayName co "abs je"'), true);
    assert.equal(matches('displayName ew "JENSEN"'), true);
    assert.equal(matches('displayName gt "Babs"'), true);
    assert.equal(matches('displayName lt "Babs"'), false);
  });

  it('compares dateTime attributes as instants, not text', () => {
    assert.equal(matches('meta.lastModified eq "2011-05-13T06:42:34+02:00"'), true);
    assert.equal(matches('meta.created lt "2010-01-23T04:56:22.001Z"'), true);
    assert.equal(matches('meta.created gt "2010-01-23T05:56:22+02:00"'), true);
  });

  it('reads extension attributes through their schema URN', () => {
    assert.equal(matches(`${ENTERPRISE_USER_SCHEMA}:employeeNumber eq "701984"`), true);
    assert.equal(matches(`${ENTERPRISE_USER_SCHEMA}:manager.value eq "26118915"`), true);
    assert.equal(matches(`${ENTERPRISE_USER_SCHEMA.toUpperCase()}:DEPARTMENT eq "tour operations"`), true);
    assert.equal(matches('urn:example:unknown:2.0:User:employeeNumber pr'), false);
  });

  it('matches a multi-valued attribute when any value matches', () => {
    assert.equal(matches('emails.value eq "babs@jensen.org"'), true);
    assert.equal(matches('emails[type eq "home" and primary eq true]'), false);
    assert.equal(matches('emails[type eq "work" and primary eq true]'), true);
  });

  it('treats pr as a non-empty value, and eq null / ne as matching absent attributes', () => {
    const sparse: JsonObject = { userName: 'x', nickName: '', name: { givenName: null }, emails: [] };
    assert.equal(matches('nickName pr', sparse), false);
    assert.equal(matches('name pr', sparse), false);
    assert.equal(matches('emails pr', sparse), false);
    assert.equal(matches('name pr'), true);
    assert.equal(matches('title eq null', sparse), true);
    assert.equal(matches('title ne null'), true);
    assert.equal(matches('title ne "Boss"', sparse), true);
  });

  it('compares numbers and booleans by type', () => {
    const resource: JsonObject = { userName: 'x', active: false, loginCount: 7 };
    assert.equal(matches('active eq false', resource), true);
    assert.equal(matches('active eq "false"', resource), false);
    assert.equal(matches('loginCount ge 7', resource), true);
    assert.equal(matches('loginCount gt 7', resource), false);
    assert.equal(matches('loginCount eq "7"', resource), false);
  });

  it('evaluates Entra ID’s emails[type eq "work"].value eq query', () => {
    assert.equal(matches('emails[type eq "work"].value eq "BJENSEN@example.com"'), true);
    assert.equal(matches('emails[type eq "work"].value eq "babs@jensen.org"'), false);
  });

  it('finds a member of a group, as Entra ID checks membership', () => {
    const group: JsonObject = { id: 'g1', displayName: 'Tour Guides', members: [{ value: 'u1' }, { value: 'u2' }] };
    const filter = parseFilter('id eq "g1" and members eq "u2"');
    assert.equal(matchesFilter(group, filter, GROUP_RESOURCE_TYPE), true);
    assert.equal(matchesFilter({ ...group, members: [{ value: 'u1' }] }, filter, GROUP_RESOURCE_TYPE), false);
  });

  it('refuses comparisons the attribute type does not allow', () => {
    const errors: [string, RegExp][] = [
      ['active gt true', /"gt" cannot compare the boolean attribute active; use eq or ne/],
      ['emails.primary co true', /"co" cannot compare the boolean attribute emails\.primary/],
      ['meta.created gt "yesterday"', /"yesterday" is not a date and time to compare meta\.created with/],
      ['title gt null', /"gt" cannot compare with null/],
    ];
    for (const [filter, message] of errors) {
      const error = catchScimError(() => matches(filter));
      assert.equal(error.scimType, 'invalidFilter');
      assert.match(error.message, message);
    }
  });
});

describe('matchesValueFilter', () => {
  it('matches one value of a multi-valued attribute with its sub-attribute definitions', () => {
    const { filter } = parsePatchPath('emails[type eq "WORK" and value ew "EXAMPLE.com"]');
    const emails = findAttribute(USER_RESOURCE_TYPE, undefined, 'emails').definition;
    assert.equal(matchesValueFilter({ type: 'work', value: 'a@example.com' }, filter!, emails), true);
    assert.equal(matchesValueFilter({ type: 'home', value: 'a@example.com' }, filter!, emails), false);
  });
});
