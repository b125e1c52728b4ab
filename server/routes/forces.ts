import { createRoute } from '@hono/zod-openapi';
import { errorResponse, jsonResponse, ViewQuery } from '../contracts/common';
import { ForceDetail, ForceList, ForceParams } from '../contracts/forces';
import type { FiguresService } from '../services/figures';
import type { LedgerRepository } from '../db/repositories/ledger';
import { parseScope } from '../domain/scope';
import { apiRouter, errorBody, keptJson } from '../http';

const listForces = createRoute({
  method: 'get',
  path: '/forces',
  tags: ['forces'],
  responses: { 200: jsonResponse(ForceList, 'Every police force in the ledger, by name') },
});

const getForce = createRoute({
  method: 'get',
  path: '/forces/{slug}',
  tags: ['forces'],
  request: { params: ForceParams, query: ViewQuery.omit({ collaboration: true }) },
  responses: {
    200: jsonResponse(ForceDetail, "One force's memberships and its share of every function, in the period"),
    400: errorResponse('The slug or query is not valid'),
    404: errorResponse('No force has that slug'),
  },
});

export const forceRoutes = (ledger: LedgerRepository, figures: FiguresService, now: () => Date) =>
  apiRouter()
    .openapi(listForces, (c) => c.json({ forces: ledger.forces() }, 200))
    .openapi(getForce, (c) => {
      const { slug } = c.req.valid('param');
      const { asAt, period } = c.req.valid('query');
      const detail = figures.forceDetail(slug, asAt ?? now().toISOString().slice(0, 10), parseScope(period));
      if (!detail) return c.json(errorBody('not_found', `There is no force "${slug}". The list of forces is at /api/forces.`), 404);
      return keptJson(c, detail, 200);
    });
