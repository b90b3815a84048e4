import { z } from '@hono/zod-openapi';
import { errorSchema } from '../meetings/schema.ts';
import { lineText } from '../text-fields.ts';

export const errorResponses = {
  400: { description: 'Invalid input, with field-level errors', content: { 'application/json': { schema: errorSchema } } },
  401: { description: 'Missing or invalid credentials', content: { 'application/json': { schema: errorSchema } } },
  403: { description: 'The caller lacks the permission', content: { 'application/json': { schema: errorSchema } } },
  404: { description: 'Not found in the account', content: { 'application/json': { schema: errorSchema } } },
  409: { description: 'Conflicts with the stored state', content: { 'application/json': { schema: errorSchema } } },
};

export const security = [{ bearer: [] }];

export const idParam = z.object({
  id: z.string().min(1).openapi({ param: { name: 'id', in: 'path' }, description: 'an id, or an email (users) or a name (groups)' }),
});

export const userSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(['owner', 'admin', 'member']),
    studio: z.boolean(),
    status: z.enum(['active', 'deactivated']),
    aiAccess: z.boolean().openapi({ description: 'base AI licence assigned' }),
    customAddOn: z.boolean().openapi({ description: 'custom add-on licence assigned' }),
    locale: z.string(),
    externalId: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    deprovisionedAt: z.string().nullable().optional().openapi({ description: 'when SCIM deleted the user; it is then deactivated and hidden from SCIM, its content kept' }),
  })
  .openapi('User');

export const userDetailSchema = userSchema.extend({ groups: z.array(z.object({ id: z.string(), name: z.string() })) }).openapi('UserDetail');

export const userPageSchema = z
  .object({ items: z.array(userSchema), total: z.number().int(), limit: z.number().int(), offset: z.number().int() })
  .openapi('UserPage');

const userFields = {
  name: lineText().max(200).optional(),
  role: z.enum(['owner', 'admin', 'member']).optional(),
  studio: z.boolean().optional(),
  aiAccess: z.boolean().optional(),
  customAddOn: z.boolean().optional(),
  locale: lineText().max(35).optional(),
};

export const userCreateBody = z.object({ email: lineText().min(3).max(320), ...userFields }).strict().openapi('UserCreate');
export const userPatchBody = z
  .object({ email: lineText().min(3).max(320).optional(), status: z.enum(['active', 'deactivated']).optional(), ...userFields })
  .strict()
  .openapi('UserPatch');

export const userListQuery = z.object({
  q: lineText().max(200).optional().openapi({ description: 'words in the name or email' }),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const groupSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    externalId: z.string().nullable(),
    aiAccess: z.boolean().openapi({ description: '`false` withholds base AI access from every member' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Group');

export const groupListSchema = z.object({ items: z.array(groupSchema.extend({ memberCount: z.number().int() })) }).openapi('GroupList');
export const groupDetailSchema = groupSchema
  .extend({ members: z.array(z.object({ id: z.string(), email: z.string(), name: z.string() })) })
  .openapi('GroupDetail');
export const groupCreateBody = z.object({ name: lineText().min(1).max(200), aiAccess: z.boolean().optional() }).strict().openapi('GroupCreate');
export const groupPatchBody = z.object({ name: lineText().min(1).max(200).optional(), aiAccess: z.boolean().optional() }).strict().openapi('GroupPatch');
export const membersBody = z
  .object({
    add: z.array(z.string().min(1)).max(1000).optional().openapi({ description: 'user ids or emails to add' }),
    remove: z.array(z.string().min(1)).max(1000).optional().openapi({ description: 'user ids or emails to remove' }),
  })
  .strict()
  .openapi('MembershipChange');
export const membersResult = z.object({ added: z.array(z.string()), removed: z.array(z.string()) }).openapi('MembershipResult');
