import { createRoute } from '@hono/zod-openapi';
import type { Db } from '../db/connection';
import { authorise } from '../auth/middleware';
import type { UserAdmin } from '../auth/users';
import { errorResponse, jsonResponse } from '../contracts/common';
import { CreateUserBody, ResetPasswordBody, UpdateUserBody, User, UserList, UserParams } from '../contracts/users';
import { apiRouter, errorBody, jsonBody } from '../http';

const refusals = { 401: errorResponse('Not signed in'), 403: errorResponse('Not an administrator, or no CSRF token') };

const listUsers = createRoute({
  method: 'get',
  path: '/users',
  tags: ['users'],
  responses: { 200: jsonResponse(UserList, 'Every account and its roles'), ...refusals },
});
const createUser = createRoute({
  method: 'post',
  path: '/users',
  tags: ['users'],
  request: { body: jsonBody(CreateUserBody) },
  responses: { 201: jsonResponse(User, 'Created'), 400: errorResponse('The account will not do'), 409: errorResponse('The email is taken'), ...refusals },
});
const updateUser = createRoute({
  method: 'patch',
  path: '/users/{id}',
  tags: ['users'],
  request: { params: UserParams, body: jsonBody(UpdateUserBody) },
  responses: {
    200: jsonResponse(User, 'Updated'),
    400: errorResponse('The change will not do'),
    404: errorResponse('No such user'),
    409: errorResponse('It would leave no administrator'),
    ...refusals,
  },
});
const resetPassword = createRoute({
  method: 'post',
  path: '/users/{id}/password',
  tags: ['users'],
  request: { params: UserParams, body: jsonBody(ResetPasswordBody) },
  responses: { 200: jsonResponse(User, 'Password set; the user’s sessions ended'), 400: errorResponse('The password will not do'), 404: errorResponse('No such user'), ...refusals },
});

export function userRoutes(users: UserAdmin, db: Db, now: () => Date) {
  return apiRouter()
    .openapi(listUsers, (c) => {
      const allowed = authorise(c, db, now, { kind: 'administer' });
      if (!allowed.ok) return c.json(allowed.body, allowed.status);
      return c.json({ users: users.list() }, 200);
    })
    .openapi(createUser, async (c) => {
      const allowed = authorise(c, db, now, { kind: 'administer' });
      if (!allowed.ok) return c.json(allowed.body, allowed.status);
      const result = await users.create(allowed.session, c.req.valid('json'));
      if (!result.ok) return c.json(errorBody(result.status === 409 ? 'conflict' : 'invalid_request', result.message), result.status as 400 | 409);
      return c.json(result.value, 201);
    })
    .openapi(updateUser, (c) => {
      const allowed = authorise(c, db, now, { kind: 'administer' });
      if (!allowed.ok) return c.json(allowed.body, allowed.status);
      const result = users.update(allowed.session, c.req.valid('param').id, c.req.valid('json'));
      if (!result.ok) return c.json(errorBody(result.status === 404 ? 'not_found' : result.status === 409 ? 'conflict' : 'invalid_request', result.message), result.status);
      return c.json(result.value, 200);
    })
    .openapi(resetPassword, async (c) => {
      const allowed = authorise(c, db, now, { kind: 'administer' });
      if (!allowed.ok) return c.json(allowed.body, allowed.status);
      const result = await users.resetPassword(allowed.session, c.req.valid('param').id, c.req.valid('json').password);
      if (!result.ok) return c.json(errorBody(result.status === 404 ? 'not_found' : 'invalid_request', result.message), result.status as 400 | 404);
      return c.json(result.value, 200);
    });
}
