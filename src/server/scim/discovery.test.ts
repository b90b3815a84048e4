import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  findResourceTypeDocument,
  findSchemaDocument,
  resourceTypesResponse,
  schemasResponse,
  serviceProviderConfig,
  SCHEMA_SCHEMA,
  SERVICE_PROVIDER_CONFIG_SCHEMA,
} from './discovery.ts';
import { ScimError } from './errors.ts';
import { LIST_RESPONSE_SCHEMA } from './list-response.ts';
import { CONFER_GROUP_SCHEMA, CONFER_USER_SCHEMA, ENTERPRISE_USER_SCHEMA, GROUP_SCHEMA, USER_SCHEMA } from './schemas.ts';

const BASE = 'https://confer.example.com/scim/v2/';

describe('serviceProviderConfig', () => {
  it('describes what the service supports', () => {
    assert.deepEqual(serviceProviderConfig(BASE), {
      schemas: [SERVICE_PROVIDER_CONFIG_SCHEMA],
      patch: { supported: true },
      bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
      filter: { supported: true, maxResults: 200 },
      changePassword: { supported: false },
      sort: { supported: false },
      etag: { supported: false },
      authenticationSchemes: [
        {
          type: 'oauthbearertoken',
          name: 'OAuth Bearer Token',
          description: 'A SCIM token created in Confer, sent as "Authorization: Bearer <token>".',
          specUri: 'https://www.rfc-editor.org/info/rfc6750',
          primary: true,
        },
      ],
      meta: { resourceType: 'ServiceProviderConfig', location: 'https://confer.example.com/scim/v2/ServiceProviderConfig' },
    });
  });
});

describe('resource types', () => {
  it('lists User and Group with their extensions', () => {
    const response = resourceTypesResponse(BASE);
    assert.deepEqual(response.schemas, [LIST_RESPONSE_SCHEMA]);
    assert.equal(response.totalResults, 2);
    assert.deepEqual(
      response.Resources.map((r) => [r.id, r.endpoint, r.schema, r.schemaExtensions]),
      [
        ['User', '/Users', USER_SCHEMA, [{ schema: ENTERPRISE_USER_SCHEMA, required: false }, { schema: CONFER_USER_SCHEMA, required: false }]],
        ['Group', '/Groups', GROUP_SCHEMA, [{ schema: CONFER_GROUP_SCHEMA, required: false }]],
      ],
    );
    assert.deepEqual(response.Resources[0].meta, { resourceType: 'ResourceType', location: 'https://confer.example.com/scim/v2/ResourceTypes/User' });
  });

  it('finds one by id, and answers 404 for another', () => {
    assert.equal(findResourceTypeDocument(BASE, 'Group').endpoint, '/Groups');
    assert.throws(
      () => findResourceTypeDocument(BASE, 'Device'),
      (error) => error instanceof ScimError && error.status === 404 && /resource type "Device" does not exist/.test(error.message),
    );
  });
});

describe('schemas', () => {
  it('lists every schema with its attributes and location', () => {
    const response = schemasResponse(BASE);
    assert.equal(response.totalResults, 5);
    assert.equal(response.itemsPerPage, 5);
    assert.deepEqual(response.Resources.map((s) => s.id), [USER_SCHEMA, ENTERPRISE_USER_SCHEMA, CONFER_USER_SCHEMA, GROUP_SCHEMA, CONFER_GROUP_SCHEMA]);
    for (const schema of response.Resources) {
      assert.deepEqual(schema.schemas, [SCHEMA_SCHEMA]);
      assert.equal(schema.meta.location, `https://confer.example.com/scim/v2/Schemas/${schema.id}`);
      assert.ok(schema.attributes.length > 0);
    }
  });

  it('publishes only the attributes Confer keeps in the core User schema, never id or meta', () => {
    const user = findSchemaDocument(BASE, USER_SCHEMA);
    assert.deepEqual(user.attributes.map((a) => a.name), ['userName', 'name', 'displayName', 'locale', 'active', 'password', 'emails', 'groups']);
  });

  it('finds one by URN regardless of case, and answers 404 for another', () => {
    assert.equal(findSchemaDocument(BASE, CONFER_USER_SCHEMA.toUpperCase()).name, 'ConferUser');
    assert.throws(() => findSchemaDocument(BASE, 'urn:nope'), (error) => error instanceof ScimError && error.status === 404);
  });

  it('serialises to plain JSON', () => {
    const text = JSON.stringify(schemasResponse(BASE));
    assert.match(text, /"name":"aiAccess","type":"boolean","multiValued":false/);
    assert.deepEqual(JSON.parse(text), schemasResponse(BASE));
  });
});
