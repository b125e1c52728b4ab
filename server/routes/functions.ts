import { createRoute } from '@hono/zod-openapi';
import { errorResponse, jsonResponse, ViewQuery } from '../contracts/common';
import { FunctionDetail, FunctionList, FunctionParams } from '../contracts/functions';
import type { LedgerRepository } from '../db/repositories/ledger';
import { parseScope } from '../domain/scope';
import { apiRouter, errorBody } from '../http';

const listFunctions = createRoute({
  method: 'get',
  path: '/functions',
  tags: ['functions'],
  request: { query: ViewQuery },
  responses: {
    200: jsonResponse(FunctionList, 'The portfolio: every function with its target, delivery and RAG in the period, totals and a cumulative timeline'),
    400: errorResponse('The query is not valid'),
  },
});

const getFunction = createRoute({
  method: 'get',
  path: '/functions/{slug}',
  tags: ['functions'],
  request: { params: FunctionParams, query: ViewQuery.omit({ collaboration: true }) },
  responses: {
    200: jsonResponse(FunctionDetail, 'One function: years, savings lines, forces, baselines, reconciliation and sources'),
    400: errorResponse('The slug or query is not valid'),
    404: errorResponse('No function has that slug'),
  },
});

export const functionRoutes = (ledger: LedgerRepository, today: () => string) =>
  apiRouter()
    .openapi(listFunctions, (c) => {
      const { asAt, period, collaboration } = c.req.valid('query');
      if (collaboration && collaboration !== 'all' && !ledger.hasCollaboration(collaboration)) {
        return c.json(
          errorBody('invalid_request', `There is no collaboration "${collaboration}". Use bch, seven-force, ctc or all.`),
          400,
        );
      }
      return c.json(ledger.portfolio(asAt ?? today(), parseScope(period), collaboration), 200);
    })
    .openapi(getFunction, (c) => {
      const { slug } = c.req.valid('param');
      const { asAt, period } = c.req.valid('query');
      const detail = ledger.functionDetail(slug, asAt ?? today(), parseScope(period));
      if (!detail) {
        return c.json(errorBody('not_found', `There is no function "${slug}". The list of functions is at /api/functions.`), 404);
      }
      return c.json(detail, 200);
    });
