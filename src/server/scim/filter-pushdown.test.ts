import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFilter } from './filter.ts';
import { pushdownEquality } from './filter-pushdown.ts';
import { GROUP_RESOURCE_TYPE, USER_RESOURCE_TYPE } from './schemas.ts';

const USER_COLUMNS = ['id', 'userName', 'externalId'];

describe('pushdownEquality', () => {
  it('turns the filters Okta and Entra ID send into lookups', () => {
    assert.deepEqual(pushdownEquality(parseFilter('userName eq "test.user@okta.local"'), USER_RESOURCE_TYPE, USER_COLUMNS), {
      equality: { attribute: 'userName', op: 'eq', value: 'test.user@okta.local', caseExact: false },
      residual: null,
    });
    assert.deepEqual(pushdownEquality(parseFilter('externalId eq "0a21f0f2-8d2a"'), USER_RESOURCE_TYPE, USER_COLUMNS), {
      equality: { attribute: 'externalId', op: 'eq', value: '0a21f0f2-8d2a', caseExact: true },
      residual: null,
    });
    assert.deepEqual(pushdownEquality(parseFilter('displayName eq "Sales"'), GROUP_RESOURCE_TYPE, ['displayName']), {
      equality: { attribute: 'displayName', op: 'eq', value: 'Sales', caseExact: false },
      residual: null,
    });
  });

  it('uses canonical names whatever the case or schema prefix', () => {
    const pushdown = pushdownEquality(
      parseFilter('urn:ietf:params:scim:schemas:core:2.0:User:USERNAME eq "Ann@Example.com"'),
      USER_RESOURCE_TYPE,
      USER_COLUMNS,
    );
    assert.equal(pushdown?.equality.attribute, 'userName');
  });

  it('takes one conjunct of an and, leaving the rest as residual', () => {
    const pushdown = pushdownEquality(parseFilter('id eq "g1" and members eq "u2"'), GROUP_RESOURCE_TYPE, ['id', 'displayName']);
    assert.deepEqual(pushdown, {
      equality: { attribute: 'id', op: 'eq', value: 'g1', caseExact: true },
      residual: { kind: 'compare', path: { attribute: 'members' }, op: 'eq', value: 'u2' },
    });
    const three = pushdownEquality(parseFilter('title pr and userName eq "a@b.c" and active eq true'), USER_RESOURCE_TYPE, USER_COLUMNS);
    assert.deepEqual(three?.residual, {
      kind: 'and',
      left: { kind: 'present', path: { attribute: 'title' } },
      right: { kind: 'compare', path: { attribute: 'active' }, op: 'eq', value: true },
    });
  });

  it('declines what a lookup cannot answer exactly', () => {
    const none = [
      'userName ne "a"',
      'userName co "a"',
      'userName eq "a" or externalId eq "b"',
      'not (userName eq "a")',
      'displayName eq "Ann"',
      'name.givenName eq "Ann"',
      'emails eq "a@b.c"',
      'id eq 42',
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq "1"',
    ];
    for (const filter of none) assert.equal(pushdownEquality(parseFilter(filter), USER_RESOURCE_TYPE, USER_COLUMNS), null, filter);
  });
});
