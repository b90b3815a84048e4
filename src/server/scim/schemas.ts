/**
 * The SCIM schemas Confer serves (RFC 7643 §4, §7): the attributes of User
 * (core, enterprise extension, Confer extension) and Group (core, Confer
 * extension), each with the characteristics filtering, PATCH and projection
 * read — caseExact, mutability, returned. Only attributes Confer keeps are
 * published in the core schemas; others a client sends are accepted and
 * reported as ignored by the resource mapping.
 */
import { isJsonObject, type JsonValue } from './json.ts';

export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const ENTERPRISE_USER_SCHEMA = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const CONFER_USER_SCHEMA = 'urn:confer:params:scim:schemas:extension:confer:2.0:User';
export const CONFER_GROUP_SCHEMA = 'urn:confer:params:scim:schemas:extension:confer:2.0:Group';

export type AttributeType = 'string' | 'boolean' | 'decimal' | 'integer' | 'dateTime' | 'reference' | 'complex' | 'binary';
export type Mutability = 'readOnly' | 'readWrite' | 'immutable' | 'writeOnly';
export type Returned = 'always' | 'never' | 'default' | 'request';
export type Uniqueness = 'none' | 'server' | 'global';

/** An attribute definition as RFC 7643 §7 describes it. */
export interface ScimAttribute {
  name: string;
  type: AttributeType;
  multiValued: boolean;
  description: string;
  required: boolean;
  caseExact: boolean;
  mutability: Mutability;
  returned: Returned;
  uniqueness: Uniqueness;
  canonicalValues?: readonly string[];
  referenceTypes?: readonly string[];
  subAttributes?: readonly ScimAttribute[];
}

export interface ScimSchema {
  id: string;
  name: string;
  description: string;
  attributes: readonly ScimAttribute[];
}

export interface ScimResourceType {
  id: 'User' | 'Group';
  name: string;
  description: string;
  endpoint: '/Users' | '/Groups';
  schema: ScimSchema;
  extensions: readonly { schema: ScimSchema; required: boolean }[];
}

type Traits = Partial<Omit<ScimAttribute, 'name' | 'type' | 'description'>>;

/** RFC 7643 §2.2 defaults, overridden by `traits`. */
function attribute(name: string, type: AttributeType, description: string, traits: Traits = {}): ScimAttribute {
  return {
    name,
    type,
    multiValued: false,
    description,
    required: false,
    caseExact: false,
    mutability: 'readWrite',
    returned: 'default',
    uniqueness: 'none',
    ...traits,
  };
}

/**
 * Attributes every resource has (RFC 7643 §3.1). They belong to no schema, so
 * they are not listed in the /Schemas documents, but lookups find them.
 */
const COMMON_ATTRIBUTES: readonly ScimAttribute[] = [
  attribute('id', 'string', 'Identifier of the resource, assigned by Confer.', {
    caseExact: true,
    mutability: 'readOnly',
    returned: 'always',
    uniqueness: 'server',
  }),
  attribute('externalId', 'string', "Identifier of the resource in the provisioning client's directory.", {
    caseExact: true,
  }),
  attribute('schemas', 'reference', 'URIs of the schemas the resource conforms to.', {
    multiValued: true,
    mutability: 'readOnly',
    returned: 'always',
    referenceTypes: ['uri'],
  }),
  attribute('meta', 'complex', 'Resource metadata maintained by Confer.', {
    mutability: 'readOnly',
    subAttributes: [
      attribute('resourceType', 'string', 'Name of the resource type.', { caseExact: true, mutability: 'readOnly', returned: 'always' }),
      attribute('created', 'dateTime', 'When the resource was created.', { mutability: 'readOnly' }),
      attribute('lastModified', 'dateTime', 'When the resource last changed.', { mutability: 'readOnly' }),
      attribute('location', 'reference', 'URI of the resource.', { caseExact: true, mutability: 'readOnly', referenceTypes: ['uri'] }),
      attribute('version', 'string', 'Weak entity tag of the current version.', { caseExact: true, mutability: 'readOnly' }),
    ],
  }),
];

const USER: ScimSchema = {
  id: USER_SCHEMA,
  name: 'User',
  description: 'A person with an account in Confer.',
  attributes: [
    attribute('userName', 'string', "The user's email address; users sign in with it. Unique within the account.", {
      required: true,
      uniqueness: 'server',
    }),
    attribute('name', 'complex', "The user's name.", {
      subAttributes: [
        attribute('formatted', 'string', 'The full name, as displayed.'),
        attribute('familyName', 'string', 'The family name (last name).'),
        attribute('givenName', 'string', 'The given name (first name).'),
      ],
    }),
    attribute('displayName', 'string', 'The name shown to other users.'),
    attribute('locale', 'string', 'Language and region (BCP 47), used for disclaimers and formatting.'),
    attribute('active', 'boolean', 'Whether the user may sign in; false deactivates the user.'),
    attribute('password', 'string', 'Not stored: users sign in through single sign-on.', {
      mutability: 'writeOnly',
      returned: 'never',
    }),
    attribute('emails', 'complex', "The user's email addresses; the primary one is the userName.", {
      multiValued: true,
      subAttributes: [
        attribute('value', 'string', 'An email address.'),
        attribute('display', 'string', 'A label for the address.'),
        attribute('type', 'string', 'The kind of address.', { canonicalValues: ['work', 'home', 'other'] }),
        attribute('primary', 'boolean', 'Whether this is the primary address.'),
      ],
    }),
    attribute('groups', 'complex', 'The groups the user belongs to; change them through the Group resource.', {
      multiValued: true,
      mutability: 'readOnly',
      subAttributes: [
        attribute('value', 'string', 'The id of the group.', { mutability: 'readOnly' }),
        attribute('$ref', 'reference', 'The URI of the group.', { mutability: 'readOnly', referenceTypes: ['Group'] }),
        attribute('display', 'string', 'The name of the group.', { mutability: 'readOnly' }),
        attribute('type', 'string', 'How the user belongs to the group.', {
          mutability: 'readOnly',
          canonicalValues: ['direct', 'indirect'],
        }),
      ],
    }),
  ],
};

const ENTERPRISE_USER: ScimSchema = {
  id: ENTERPRISE_USER_SCHEMA,
  name: 'EnterpriseUser',
  description: 'Attributes of a person in an organisation (RFC 7643 §4.3).',
  attributes: [
    attribute('employeeNumber', 'string', 'Identifier assigned by the organisation, e.g. in order of hire.'),
    attribute('costCenter', 'string', 'Name of the cost centre.'),
    attribute('organization', 'string', 'Name of the organisation.'),
    attribute('division', 'string', 'Name of the division.'),
    attribute('department', 'string', 'Name of the department.'),
    attribute('manager', 'complex', "The user's manager.", {
      subAttributes: [
        attribute('value', 'string', 'The id of the manager.'),
        attribute('$ref', 'reference', 'The URI of the manager.', { referenceTypes: ['User'] }),
        attribute('displayName', 'string', 'The name of the manager.', { mutability: 'readOnly' }),
      ],
    }),
  ],
};

const CONFER_USER: ScimSchema = {
  id: CONFER_USER_SCHEMA,
  name: 'ConferUser',
  description: 'Confer licences of a user.',
  attributes: [
    attribute('aiAccess', 'boolean', 'Base AI licence: the user may use AI features.'),
    attribute('customAddOn', 'boolean', 'Custom add-on licence: the user may use studio features.'),
  ],
};

const GROUP: ScimSchema = {
  id: GROUP_SCHEMA,
  name: 'Group',
  description: 'A group of users.',
  attributes: [
    attribute('displayName', 'string', 'The name of the group.', { required: true }),
    attribute('members', 'complex', 'The users in the group. Groups cannot contain groups.', {
      multiValued: true,
      subAttributes: [
        attribute('value', 'string', 'The id of the user.', { mutability: 'immutable' }),
        attribute('$ref', 'reference', 'The URI of the user.', { mutability: 'immutable', referenceTypes: ['User'] }),
        attribute('display', 'string', 'The name of the user.', { mutability: 'readOnly' }),
        attribute('type', 'string', 'The kind of member.', { mutability: 'immutable', canonicalValues: ['User'] }),
      ],
    }),
  ],
};

const CONFER_GROUP: ScimSchema = {
  id: CONFER_GROUP_SCHEMA,
  name: 'ConferGroup',
  description: 'Confer licences of a group.',
  attributes: [attribute('aiAccess', 'boolean', "False withholds base AI access from the group's members.")],
};

export const USER_RESOURCE_TYPE: ScimResourceType = {
  id: 'User',
  name: 'User',
  description: 'User account',
  endpoint: '/Users',
  schema: USER,
  extensions: [
    { schema: ENTERPRISE_USER, required: false },
    { schema: CONFER_USER, required: false },
  ],
};

export const GROUP_RESOURCE_TYPE: ScimResourceType = {
  id: 'Group',
  name: 'Group',
  description: 'Group',
  endpoint: '/Groups',
  schema: GROUP,
  extensions: [{ schema: CONFER_GROUP, required: false }],
};

export const RESOURCE_TYPES: readonly ScimResourceType[] = [USER_RESOURCE_TYPE, GROUP_RESOURCE_TYPE];

/** Every schema served at /Schemas. */
export const SCHEMAS: readonly ScimSchema[] = [USER, ENTERPRISE_USER, CONFER_USER, GROUP, CONFER_GROUP];

function byName(attributes: readonly ScimAttribute[] | undefined, name: string): ScimAttribute | undefined {
  const lower = name.toLowerCase();
  return attributes?.find((a) => a.name.toLowerCase() === lower);
}

/**
 * The extension schema of `resourceType` whose URN is `urn`, compared
 * regardless of case.
 *
 * @example
 * extensionSchema(USER_RESOURCE_TYPE, 'URN:ietf:params:scim:schemas:extension:enterprise:2.0:User')?.name // 'EnterpriseUser'
 */
export function extensionSchema(resourceType: ScimResourceType, urn: string): ScimSchema | undefined {
  const lower = urn.toLowerCase();
  return resourceType.extensions.find((e) => e.schema.id.toLowerCase() === lower)?.schema;
}

/** Where an attribute lives in a resource, and its definition when Confer knows it. */
export interface AttributeRef {
  /** The extension URN whose object holds the attribute; absent for core and common attributes. */
  extension?: string;
  /** The canonical name when known, otherwise the name as given. */
  name: string;
  definition?: ScimAttribute;
}

/**
 * Finds an attribute by optional schema URN and name, regardless of case.
 * Without a URN, or with the core URN, the core and common attributes are
 * searched; an unknown URN yields a reference without definition.
 *
 * @example
 * findAttribute(USER_RESOURCE_TYPE, undefined, 'USERNAME').definition?.caseExact // false
 * findAttribute(USER_RESOURCE_TYPE, ENTERPRISE_USER_SCHEMA, 'employeeNumber').extension // ENTERPRISE_USER_SCHEMA
 */
export function findAttribute(resourceType: ScimResourceType, schema: string | undefined, name: string): AttributeRef {
  if (schema === undefined || schema.toLowerCase() === resourceType.schema.id.toLowerCase()) {
    const definition = byName(COMMON_ATTRIBUTES, name) ?? byName(resourceType.schema.attributes, name);
    return definition ? { name: definition.name, definition } : { name };
  }
  const extension = extensionSchema(resourceType, schema);
  if (!extension) return { extension: schema, name };
  const definition = byName(extension.attributes, name);
  return { extension: extension.id, name: definition?.name ?? name, definition };
}

/**
 * A sub-attribute's definition, regardless of case.
 *
 * @example
 * findSubAttribute(findAttribute(USER_RESOURCE_TYPE, undefined, 'emails').definition, 'PRIMARY')?.type // 'boolean'
 */
export function findSubAttribute(parent: ScimAttribute | undefined, name: string): ScimAttribute | undefined {
  return byName(parent?.subAttributes, name);
}

function normaliseOne(definition: ScimAttribute, value: JsonValue): JsonValue {
  if (definition.type === 'boolean' && typeof value === 'string') {
    const lower = value.toLowerCase();
    if (lower === 'true' || lower === 'false') return lower === 'true';
  }
  if (definition.type === 'complex' && isJsonObject(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => {
        const sub = findSubAttribute(definition, key);
        return sub ? [sub.name, normaliseOne(sub, item)] : [key, item];
      }),
    );
  }
  return value;
}

/**
 * Brings a value a client sent into the attribute's shape: booleans sent as
 * strings (`"False"`, as Microsoft Entra ID sends them) become booleans, and
 * sub-attribute names take their canonical case. Values of the wrong type are
 * left for validation to reject.
 *
 * @example
 * normaliseValue(findAttribute(USER_RESOURCE_TYPE, undefined, 'active').definition, 'False') // false
 */
export function normaliseValue(definition: ScimAttribute | undefined, value: JsonValue): JsonValue {
  if (!definition) return value;
  return Array.isArray(value) ? value.map((item) => normaliseOne(definition, item)) : normaliseOne(definition, value);
}
