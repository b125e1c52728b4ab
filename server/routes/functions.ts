import { createRoute } from '@hono/zod-openapi';
import { createPlanRepository } from '../db/repositories/plans';
import { createChanges } from '../services/changes';
import { lastQuarterEndBefore } from '../domain/fiscal';
import { authorise } from '../auth/middleware';
import { errorResponse, IsoDate, jsonResponse, ViewQuery } from '../contracts/common';
import { Changes, FunctionDetail, FunctionList, FunctionParams, FunctionPlan, PlanChange, StatusHistory } from '../contracts/functions';
import { recordAudit } from '../db/audit';
import type { Db } from '../db/connection';
import type { LedgerRepository } from '../db/repositories/ledger';
import { parseScope } from '../domain/scope';
import type { FiguresService } from '../services/figures';
import { apiRouter, errorBody, jsonBody, keptJson } from '../http';

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

const statusHistory = createRoute({
  method: 'get',
  path: '/status-history',
  tags: ['functions'],
  request: { query: ViewQuery },
  responses: {
    200: jsonResponse(StatusHistory, "Each function's status for the period at each of its quarter ends that has passed, then as at the date"),
    400: errorResponse('The query is not valid'),
  },
});

const changesSince = createRoute({
  method: 'get',
  path: '/changes',
  tags: ['functions'],
  request: { query: ViewQuery.extend({ since: IsoDate.optional().openapi({ description: 'The date to compare with: the ledger as it stood at its end, say the last Summit; by default the last quarter end before the date the figures are as at' }) }) },
  responses: {
    200: jsonResponse(Changes, 'What changed since the date: each function whose status, target or delivery moved, and the commentary written since'),
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

const changePlan = createRoute({
  method: 'patch',
  path: '/functions/{slug}',
  tags: ['functions'],
  request: { params: FunctionParams, body: jsonBody(PlanChange) },
  responses: {
    200: jsonResponse(FunctionPlan, 'The plan as changed'),
    400: errorResponse('The change is not valid'),
    401: errorResponse('Not signed in'),
    403: errorResponse('Not the function’s owner, or no CSRF token'),
    404: errorResponse('No function has that slug'),
  },
});

export const functionRoutes = (ledger: LedgerRepository, figures: FiguresService, db: Db, now: () => Date) => {
  const today = () => now().toISOString().slice(0, 10);
  const changes = createChanges({ figures, plans: createPlanRepository(db) });
  return apiRouter()
    .openapi(listFunctions, (c) => {
      const { asAt, period, collaboration } = c.req.valid('query');
      if (collaboration && collaboration !== 'all' && !ledger.hasCollaboration(collaboration)) {
        return c.json(
          errorBody('invalid_request', `There is no collaboration "${collaboration}". Use bch, seven-force, ctc or all.`),
          400,
        );
      }
      return keptJson(c, figures.portfolio(asAt ?? today(), parseScope(period), collaboration), 200);
    })
    .openapi(statusHistory, (c) => {
      const { asAt, period, collaboration } = c.req.valid('query');
      if (collaboration && collaboration !== 'all' && !ledger.hasCollaboration(collaboration)) {
        return c.json(errorBody('invalid_request', `There is no collaboration "${collaboration}". Use bch, seven-force, ctc or all.`), 400);
      }
      return keptJson(c, figures.statusHistory(asAt ?? today(), parseScope(period), collaboration), 200);
    })
    .openapi(changesSince, (c) => {
      const { asAt, period, collaboration, since: asked } = c.req.valid('query');
      const at = asAt ?? today();
      const since = asked ?? lastQuarterEndBefore(at);
      if (since >= at) return c.json(errorBody('invalid_request', `Compare with a date before ${at}, the date the figures are as at.`), 400);
      if (collaboration && collaboration !== 'all' && !ledger.hasCollaboration(collaboration)) {
        return c.json(errorBody('invalid_request', `There is no collaboration "${collaboration}". Use bch, seven-force, ctc or all.`), 400);
      }
      return c.json(changes.since(since, at, parseScope(period), collaboration), 200);
    })
    .openapi(getFunction, (c) => {
      const { slug } = c.req.valid('param');
      const { asAt, period } = c.req.valid('query');
      const detail = figures.functionDetail(slug, asAt ?? today(), parseScope(period));
      if (!detail) {
        return c.json(errorBody('not_found', `There is no function "${slug}". The list of functions is at /api/functions.`), 404);
      }
      return keptJson(c, detail, 200);
    })
    .openapi(changePlan, (c) => {
      const { slug } = c.req.valid('param');
      const before = ledger.plan(slug);
      if (!before) return c.json(errorBody('not_found', `There is no function "${slug}".`), 404);
      const allowed = authorise(c, db, now, { kind: 'plan', function: slug });
      if (!allowed.ok) return c.json(allowed.body, allowed.status);
      const change = c.req.valid('json');
      const after = db.transaction(() => {
        ledger.changePlan(slug, change);
        const changed = ledger.plan(slug)!;
        recordAudit(db, { at: now().toISOString(), actor: allowed.session.user.email, action: 'change-plan', entity: 'function', entityId: slug, before, after: changed });
        return changed;
      })();
      return c.json(after, 200);
    });
};
