import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scimUrl } from './urls.ts';

describe('scimUrl', () => {
  it('joins segments below the base URL, with or without a trailing slash', () => {
    assert.equal(scimUrl('https://c.example/scim/v2', 'Users', 'usr_1'), 'https://c.example/scim/v2/Users/usr_1');
    assert.equal(scimUrl('https://c.example/scim/v2//', 'Groups'), 'https://c.example/scim/v2/Groups');
  });

  it('encodes what a path segment cannot hold, keeping URNs readable', () => {
    assert.equal(scimUrl('https://c.example/scim', 'Users', 'a/b c?d'), 'https://c.example/scim/Users/a%2Fb%20c%3Fd');
    assert.equal(scimUrl('https://c.example/scim', 'Schemas', 'urn:ietf:params:scim:schemas:core:2.0:User'), 'https://c.example/scim/Schemas/urn:ietf:params:scim:schemas:core:2.0:User');
  });
});
