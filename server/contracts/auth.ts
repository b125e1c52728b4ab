import { z } from '@hono/zod-openapi';
import { Slug } from './common';

export const Role = z.enum(['viewer', 'force-editor', 'function-owner', 'programme-officer', 'administrator']);

export const Grant = z
  .object({
    role: Role,
    force: Slug.nullable(),
    function: Slug.nullable(),
  })
  .refine((g) => (g.role === 'force-editor') === (g.force !== null), { message: 'A force editor needs a force, and only a force editor has one', path: ['force'] })
  .refine((g) => (g.role === 'function-owner') === (g.function !== null), {
    message: 'A function owner needs a function, and only a function owner has one',
    path: ['function'],
  });
export type Grant = z.infer<typeof Grant>;

export const Email = z.string().trim().toLowerCase().max(254).email('Write an email address, for example name@police.uk');
export const DisplayName = z.string().trim().min(1, 'Write a name').max(100);
/** Checked for length and sense on the server (passwordProblem); here only bounded. */
export const NewPassword = z.string().max(1000);

export const SessionUser = z.object({
  id: z.number().int(),
  email: z.string(),
  displayName: z.string(),
  grants: z.array(Grant),
  mustChangePassword: z.boolean().openapi({ description: 'An administrator set the password: it must be changed before anything else' }),
});

export const SessionState = z
  .object({
    user: SessionUser.nullable(),
    csrfToken: z.string().nullable().openapi({ description: 'Send it as X-CSRF-Token with every request that changes anything' }),
    publicRead: z.boolean().openapi({ description: 'Whether the dashboard can be read without signing in' }),
    setupNeeded: z.boolean().openapi({ description: 'No administrator exists yet: the server log has a one-time setup link' }),
    providers: z.array(z.object({ id: z.string(), name: z.string() })).openapi({ description: 'The OpenID Connect providers to sign in with: "Sign in with <name>"' }),
  })
  .openapi('SessionState');
export type SessionState = z.infer<typeof SessionState>;

export const SignInBody = z.object({ email: Email, password: z.string().min(1, 'Write your password').max(1000) });
export const SetupBody = z.object({ token: z.string().min(1).max(200), email: Email, displayName: DisplayName, password: NewPassword });
export const ChangePasswordBody = z.object({ currentPassword: z.string().min(1).max(1000), newPassword: NewPassword });

export const Ok = z.object({ ok: z.literal(true) });
export const SignedOut = z
  .object({ ok: z.literal(true), providerSignOutUrl: z.string().nullable().openapi({ description: 'Where to go to sign out at the provider too (RP-initiated logout); null for a local account' }) })
  .openapi('SignedOut');
export const OidcParams = z.object({ provider: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).openapi({ param: { name: 'provider', in: 'path' }, example: 'bedfordshire' }) });
export const OidcStartQuery = z.object({ next: z.string().max(2000).optional().openapi({ description: 'The page of Realise to return to' }) });
