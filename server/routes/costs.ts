import { createRoute, z } from '@hono/zod-openapi';
import { authorise } from '../auth/middleware';
import { errorResponse, FiscalYear, jsonResponse, Slug } from '../contracts/common';
import { CostsQuery, ForceNetBenefit, Goals, NetBenefitView, NewBases, NewProgrammeCost, ProgrammeCosts } from '../contracts/costs';
import type { NetBenefitService } from '../services/net-benefit';
import type { GoalsService } from '../services/goals';
import type { Db } from '../db/connection';
import { apiRouter, errorBody, jsonBody } from '../http';
import type { CostsService } from '../services/costs';

const getCosts = createRoute({
  method: 'get',
  path: '/collaborations/{slug}/costs',
  tags: ['costs'],
  request: { params: z.object({ slug: Slug.openapi({ param: { name: 'slug', in: 'path' }, example: 'seven-force' }) }), query: CostsQuery },
  responses: {
    200: jsonResponse(ProgrammeCosts, 'The programme’s yearly budgets split between the year’s members by NRE (or equally, marked as an assumption), and a what-if'),
    400: errorResponse('The query is not valid, or the force named was not a member that year'),
    404: errorResponse('No collaboration has that slug'),
  },
});
const putBases = createRoute({
  method: 'put',
  path: '/bases/{year}',
  tags: ['costs'],
  request: { params: z.object({ year: FiscalYear.openapi({ param: { name: 'year', in: 'path' }, example: '2018-19' }) }), body: jsonBody(NewBases) },
  responses: {
    200: jsonResponse(z.object({ forces: z.number().int() }), 'Entered; other forces’ and years’ figures are untouched'),
    400: errorResponse('The request breaks a rule'),
    401: errorResponse('Not signed in'),
    403: errorResponse('Not a programme officer or administrator, or no CSRF token'),
  },
});

const getGoals = createRoute({
  method: 'get',
  path: '/collaborations/{slug}/goals',
  tags: ['costs'],
  request: { params: z.object({ slug: Slug.openapi({ param: { name: 'slug', in: 'path' }, example: 'bch' }) }) },
  responses: {
    200: jsonResponse(Goals, 'The collaboration’s stated goals, each against what the ledger holds for its years, with what the ledger lacks'),
    404: errorResponse('No collaboration has that slug'),
  },
});

const SlugParam = z.object({ slug: Slug.openapi({ param: { name: 'slug', in: 'path' }, example: 'seven-force' }) });
const getNetBenefit = createRoute({
  method: 'get',
  path: '/collaborations/{slug}/net-benefit',
  tags: ['costs'],
  request: { params: SlugParam },
  responses: {
    200: jsonResponse(NetBenefitView, 'The collaboration’s savings against its costs by year, to date with the payback year, and by force'),
    404: errorResponse('No collaboration has that slug'),
  },
});
const postProgrammeCost = createRoute({
  method: 'post',
  path: '/collaborations/{slug}/programme-costs',
  tags: ['costs'],
  request: { params: SlugParam, body: jsonBody(NewProgrammeCost) },
  responses: {
    201: jsonResponse(z.object({ id: z.number().int() }), 'Recorded, audited'),
    400: errorResponse('The request breaks a rule'),
    401: errorResponse('Not signed in'),
    403: errorResponse('Not a programme officer or administrator, or no CSRF token'),
    404: errorResponse('No collaboration has that slug'),
  },
});

const getForceNetBenefit = createRoute({
  method: 'get',
  path: '/forces/{slug}/net-benefit',
  tags: ['costs'],
  request: { params: z.object({ slug: Slug.openapi({ param: { name: 'slug', in: 'path' }, example: 'kent' }) }) },
  responses: {
    200: jsonResponse(ForceNetBenefit, 'What each collaboration the force belongs to saves it and costs it, and the net, by its shares'),
    404: errorResponse('No force has that slug'),
  },
});
const deleteProgrammeCost = createRoute({
  method: 'delete',
  path: '/collaborations/{slug}/programme-costs/{id}',
  tags: ['costs'],
  request: { params: SlugParam.extend({ id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' }, example: 1 }) }) },
  responses: {
    204: { description: 'Withdrawn; the audit log keeps what it was' },
    400: errorResponse('The id is not a whole number above 0'),
    401: errorResponse('Not signed in'),
    403: errorResponse('Not a programme officer or administrator, or no CSRF token'),
    404: errorResponse('The collaboration has no recorded cost with that id'),
  },
});

export function costRoutes(costs: CostsService, goals: GoalsService, netBenefit: NetBenefitService, db: Db, now: () => Date) {
  return apiRouter()
    .openapi(getNetBenefit, (c) => {
      const outcome = netBenefit.netBenefit(c.req.valid('param').slug, now().toISOString().slice(0, 10));
      if (!outcome.ok) return c.json(errorBody('not_found', outcome.message), 404);
      return c.json(outcome.view, 200);
    })
    .openapi(postProgrammeCost, (c) => {
      const allowed = authorise(c, db, now, { kind: 'manage-portfolio' });
      if (!allowed.ok) return c.json(allowed.body, allowed.status);
      const outcome = netBenefit.recordCost(c.req.valid('param').slug, c.req.valid('json'), allowed.session.user.email);
      if (!outcome.ok) {
        if (outcome.status === 404) return c.json(errorBody('not_found', outcome.message), 404);
        return c.json(errorBody('invalid_request', outcome.message, outcome.path ? [{ path: [outcome.path], message: outcome.message }] : undefined), 400);
      }
      return c.json({ id: outcome.id }, 201);
    })
    .openapi(getForceNetBenefit, (c) => {
      const slug = c.req.valid('param').slug;
      const found = netBenefit.forceNetBenefit(slug, now().toISOString().slice(0, 10));
      if (!found) return c.json(errorBody('not_found', `There is no force "${slug}".`), 404);
      return c.json(found, 200);
    })
    .openapi(deleteProgrammeCost, (c) => {
      const allowed = authorise(c, db, now, { kind: 'manage-portfolio' });
      if (!allowed.ok) return c.json(allowed.body, allowed.status);
      const { slug, id } = c.req.valid('param');
      const outcome = netBenefit.withdrawCost(slug, id, allowed.session.user.email);
      if (!outcome.ok) return c.json(errorBody('not_found', outcome.message), 404);
      return c.body(null, 204);
    })
    .openapi(getGoals, (c) => {
      const slug = c.req.valid('param').slug;
      const found = goals.goals(slug, now().toISOString().slice(0, 10));
      if (!found) return c.json(errorBody('not_found', `There is no collaboration "${slug}".`), 404);
      return c.json(found, 200);
    })
    .openapi(getCosts, (c) => {
      const { year, without } = c.req.valid('query');
      const outcome = costs.costs(c.req.valid('param').slug, year, without);
      if (!outcome.ok) return c.json(errorBody(outcome.status === 404 ? 'not_found' : 'invalid_request', outcome.message), outcome.status);
      return c.json(outcome.costs, 200);
    })
    .openapi(putBases, (c) => {
      const allowed = authorise(c, db, now, { kind: 'manage-portfolio' });
      if (!allowed.ok) return c.json(allowed.body, allowed.status);
      const outcome = costs.enterBases(c.req.valid('param').year, c.req.valid('json'), allowed.session.user.email);
      if (!outcome.ok) return c.json(errorBody('invalid_request', outcome.message, [{ path: outcome.path.split('.'), message: outcome.message }]), 400);
      return c.json({ forces: outcome.forces }, 200);
    });
}
