import { createRoute } from '@hono/zod-openapi';
import { authorise } from '../auth/middleware';
import { errorResponse, jsonResponse } from '../contracts/common';
import { FunctionCreated, NewFunction, PortfolioChoices, Retired, Retirement } from '../contracts/portfolio';
import { FunctionParams } from '../contracts/functions';
import { z } from '@hono/zod-openapi';
import type { RetirementService } from '../services/retirement';
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

const retireResponses = {
  200: jsonResponse(Retired, 'Retired from the date given; its history stays'),
  400: errorResponse('The request is not valid'),
  401: errorResponse('Not signed in'),
  403: errorResponse('Not a programme officer or administrator, or no CSRF token'),
  404: errorResponse('No such function or savings line'),
  409: errorResponse('Retired already, or it has figures for periods from the date'),
};
const retireFunction = createRoute({
  method: 'post',
  path: '/functions/{slug}/retire',
  tags: ['portfolio'],
  request: { params: FunctionParams, body: jsonBody(Retirement) },
  responses: retireResponses,
});
const retireLine = createRoute({
  method: 'post',
  path: '/savings-lines/{id}/retire',
  tags: ['portfolio'],
  request: { params: z.object({ id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' }, example: 12 }) }), body: jsonBody(Retirement) },
  responses: retireResponses,
});

export function portfolioRoutes(newFunction: NewFunctionService, retirement: RetirementService, db: Db, now: () => Date) {
  const answer = (c: Parameters<Parameters<ReturnType<typeof apiRouter>['openapi']>[1]>[0], outcome: ReturnType<RetirementService['retireLine']>) =>
    outcome.ok ? c.json(outcome.retired, 200) : c.json(errorBody(outcome.status === 404 ? 'not_found' : 'conflict', outcome.message), outcome.status);
  return apiRouter()
    .openapi(retireFunction, (c) => {
      const allowed = authorise(c, db, now, { kind: 'manage-portfolio' });
      if (!allowed.ok) return c.json(allowed.body, allowed.status);
      return answer(c, retirement.retireFunction(c.req.valid('param').slug, c.req.valid('json'), allowed.session.user.email));
    })
    .openapi(retireLine, (c) => {
      const allowed = authorise(c, db, now, { kind: 'manage-portfolio' });
      if (!allowed.ok) return c.json(allowed.body, allowed.status);
      return answer(c, retirement.retireLine(c.req.valid('param').id, c.req.valid('json'), allowed.session.user.email));
    })
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
