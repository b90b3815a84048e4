/**
 * The discovery documents of RFC 7644 §4 / RFC 7643 §5–7, built from the
 * schema definitions: /ServiceProviderConfig, /ResourceTypes and /Schemas.
 * Identity providers read them when an admin saves the provisioning
 * configuration (Microsoft Entra ID) or to list the attributes they may map.
 */
import { ScimError } from './errors.ts';
import { listResponse, MAX_COUNT, type ListResponse } from './list-response.ts';
import { RESOURCE_TYPES, SCHEMAS, type ScimAttribute, type ScimResourceType, type ScimSchema } from './schemas.ts';
import { scimUrl } from './urls.ts';

export const SERVICE_PROVIDER_CONFIG_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig';
export const RESOURCE_TYPE_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:ResourceType';
export const SCHEMA_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Schema';

interface DocumentMeta {
  resourceType: 'ServiceProviderConfig' | 'ResourceType' | 'Schema';
  location: string;
}

export interface ServiceProviderConfigDocument {
  schemas: [typeof SERVICE_PROVIDER_CONFIG_SCHEMA];
  patch: { supported: boolean };
  bulk: { supported: boolean; maxOperations: number; maxPayloadSize: number };
  filter: { supported: boolean; maxResults: number };
  changePassword: { supported: boolean };
  sort: { supported: boolean };
  etag: { supported: boolean };
  authenticationSchemes: { type: string; name: string; description: string; specUri: string; primary: boolean }[];
  meta: DocumentMeta;
}

export interface ResourceTypeDocument {
  schemas: [typeof RESOURCE_TYPE_SCHEMA];
  id: string;
  name: string;
  endpoint: string;
  description: string;
  schema: string;
  schemaExtensions: { schema: string; required: boolean }[];
  meta: DocumentMeta;
}

export interface SchemaDocument {
  schemas: [typeof SCHEMA_SCHEMA];
  id: string;
  name: string;
  description: string;
  attributes: readonly ScimAttribute[];
  meta: DocumentMeta;
}

/**
 * What this service supports. Bulk, sorting and password changes are not
 * offered; ETags are not advertised until requests honour `If-Match`, though
 * every resource carries `meta.version`.
 *
 * @example
 * serviceProviderConfig('https://confer.example.com/scim/v2').filter // { supported: true, maxResults: 200 }
 */
export function serviceProviderConfig(baseUrl: string): ServiceProviderConfigDocument {
  return {
    schemas: [SERVICE_PROVIDER_CONFIG_SCHEMA],
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAX_COUNT },
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
    meta: { resourceType: 'ServiceProviderConfig', location: scimUrl(baseUrl, 'ServiceProviderConfig') },
  };
}

function resourceTypeDocument(baseUrl: string, resourceType: ScimResourceType): ResourceTypeDocument {
  return {
    schemas: [RESOURCE_TYPE_SCHEMA],
    id: resourceType.id,
    name: resourceType.name,
    endpoint: resourceType.endpoint,
    description: resourceType.description,
    schema: resourceType.schema.id,
    schemaExtensions: resourceType.extensions.map((e) => ({ schema: e.schema.id, required: e.required })),
    meta: { resourceType: 'ResourceType', location: scimUrl(baseUrl, 'ResourceTypes', resourceType.id) },
  };
}

function schemaDocument(baseUrl: string, schema: ScimSchema): SchemaDocument {
  return {
    schemas: [SCHEMA_SCHEMA],
    id: schema.id,
    name: schema.name,
    description: schema.description,
    attributes: schema.attributes,
    meta: { resourceType: 'Schema', location: scimUrl(baseUrl, 'Schemas', schema.id) },
  };
}

/**
 * GET /ResourceTypes: User and Group with their extensions.
 *
 * @example
 * resourceTypesResponse(baseUrl).Resources.map((r) => r.endpoint) // ['/Users', '/Groups']
 */
export function resourceTypesResponse(baseUrl: string): ListResponse<ResourceTypeDocument> {
  const documents = RESOURCE_TYPES.map((resourceType) => resourceTypeDocument(baseUrl, resourceType));
  return listResponse(documents, documents.length, { startIndex: 1 });
}

/**
 * GET /ResourceTypes/{id}; throws a 404 `ScimError` for an unknown id.
 *
 * @example
 * findResourceTypeDocument(baseUrl, 'Group').schema // 'urn:ietf:params:scim:schemas:core:2.0:Group'
 */
export function findResourceTypeDocument(baseUrl: string, id: string): ResourceTypeDocument {
  const resourceType = RESOURCE_TYPES.find((r) => r.id === id);
  if (!resourceType) throw new ScimError(null, `resource type "${id}" does not exist; use "User" or "Group"`, 404);
  return resourceTypeDocument(baseUrl, resourceType);
}

/**
 * GET /Schemas: every schema with its attribute definitions.
 *
 * @example
 * schemasResponse(baseUrl).totalResults // 5
 */
export function schemasResponse(baseUrl: string): ListResponse<SchemaDocument> {
  const documents = SCHEMAS.map((schema) => schemaDocument(baseUrl, schema));
  return listResponse(documents, documents.length, { startIndex: 1 });
}

/**
 * GET /Schemas/{id}, the id being a schema URN; throws a 404 `ScimError` for an unknown one.
 *
 * @example
 * findSchemaDocument(baseUrl, 'urn:ietf:params:scim:schemas:core:2.0:User').name // 'User'
 */
export function findSchemaDocument(baseUrl: string, id: string): SchemaDocument {
  const schema = SCHEMAS.find((s) => s.id.toLowerCase() === id.toLowerCase());
  if (!schema) throw new ScimError(null, `schema "${id}" does not exist; GET /Schemas lists them`, 404);
  return schemaDocument(baseUrl, schema);
}
