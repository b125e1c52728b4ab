import { z } from '@hono/zod-openapi';
import { DisplayName, Email, Grant, NewPassword } from './auth';

export const User = z
  .object({
    id: z.number().int(),
    email: z.string(),
    displayName: z.string(),
    isActive: z.boolean(),
    createdAt: z.string(),
    grants: z.array(Grant),
  })
  .openapi('User');
export type User = z.infer<typeof User>;

export const UserList = z.object({ users: z.array(User) }).openapi('UserList');

export const CreateUserBody = z.object({
  email: Email,
  displayName: DisplayName,
  password: NewPassword.openapi({ description: 'A first password, to be changed by its owner' }),
  grants: z.array(Grant).max(50),
});

export const UpdateUserBody = z
  .object({ displayName: DisplayName.optional(), isActive: z.boolean().optional(), grants: z.array(Grant).max(50).optional() })
  .refine((b) => Object.keys(b).length > 0, 'Send at least one of displayName, isActive and grants');

export const ResetPasswordBody = z.object({ password: NewPassword });

export const UserParams = z.object({
  id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' }, example: 2 }),
});
