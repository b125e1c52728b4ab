import { createRoute } from '@hono/zod-openapi';
import { authorise } from '../auth/middleware';
import { errorResponse, jsonResponse } from '../contracts/common';
import { FunctionCreated, NewFunction, PortfolioChoices } from '../contracts/portfolio';
import type { Db } from '../db/connection';
import { apiRouter, errorBody, jsonBody } from '../http';
import type { NewFunctionService } from '../services/new-function';

const choices = createRoute({
  method: 'get',
  path: '/portfolio/choices',
  tags: ['portfolio'],
  responses: { 200: jsonResponse(PortfolioChoices, 'The collaborations, with their members over time, and the agreements a new function can belong to') },
});

const addFunction = createRoute({
  method: 'post',
  path: '/functions',
  tags: ['portfolio'],
  request: { body: jsonBody(NewFunction) },
  responses: {
    201: jsonResponse(FunctionCreated, 'The function, its savings lines, its first baseline’s targets and its shares, written together'),
    400: errorResponse('The request breaks a rule: each problem is in the issues, at its field'),
    401: errorResponse('Not signed in'),
    403: errorResponse('Not a programme officer or administrator, or no CSRF token'),
    409: errorResponse('A function already has that id'),
  },
});

export function portfolioRoutes(newFunction: NewFunctionService, db: Db, now: () => Date) {
  return apiRouter()
    .openapi(choices, (c) => c.json(newFunction.choices(), 200))
    .openapi(addFunction, (c) => {
      const allowed = authorise(c, db, now, { kind: 'manage-portfolio' });
      if (!allowed.ok) return c.json(allowed.body, allowed.status);
      const outcome = newFunction.add(c.req.valid('json'), allowed.session.user.email);
      if (!outcome.ok) {
        const issues = outcome.problems.map((p) => ({ path: p.path.split('.'), message: p.message }));
        return c.json(errorBody(outcome.status === 409 ? 'conflict' : 'invalid_request', outcome.message, issues), outcome.status);
      }
      return c.json(outcome.created, 201);
    });
}
