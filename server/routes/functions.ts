import { createRoute } from '@hono/zod-openapi';
import { AsAtQuery, errorResponse, jsonResponse } from '../contracts/common';
import { FunctionDetail, FunctionList, FunctionParams } from '../contracts/functions';
import type { LedgerRepository } from '../db/repositories/ledger';
import { errorBody, apiRouter } from '../http';

const listFunctions = createRoute({
  method: 'get',
  path: '/functions',
  tags: ['functions'],
  request: { query: AsAtQuery },
  responses: {
    200: jsonResponse(FunctionList, 'Every collaborated function with its target, delivery and RAG'),
    400: errorResponse('The query is not valid'),
  },
});

const getFunction = createRoute({
  method: 'get',
  path: '/functions/{slug}',
  tags: ['functions'],
  request: { params: FunctionParams, query: AsAtQuery },
  responses: {
    200: jsonResponse(FunctionDetail, 'One function: years, savings lines, forces, reconciliation and sources'),
    400: errorResponse('The slug or query is not valid'),
    404: errorResponse('No function has that slug'),
  },
});

export const functionRoutes = (ledger: LedgerRepository, today: () => string) =>
  apiRouter()
    .openapi(listFunctions, (c) => {
      const asAt = c.req.valid('query').asAt ?? today();
      return c.json({ asAt, functions: ledger.functionSummaries(asAt) }, 200);
    })
    .openapi(getFunction, (c) => {
      const { slug } = c.req.valid('param');
      const asAt = c.req.valid('query').asAt ?? today();
      const detail = ledger.functionDetail(slug, asAt);
      if (!detail) {
        return c.json(
          errorBody('not_found', `There is no function "${slug}". The list of functions is at /api/functions.`),
          404,
        );
      }
      return c.json(detail, 200);
    });
