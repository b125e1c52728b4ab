import { createRoute } from '@hono/zod-openapi';
import { authorise } from '../auth/middleware';
import { errorResponse, jsonResponse } from '../contracts/common';
import { FunctionParams } from '../contracts/functions';
import { BaselineCreated, Comment, CommentList, CommentQuery, NewBaseline, NewComment } from '../contracts/plans';
import { recordAudit } from '../db/audit';
import type { Db } from '../db/connection';
import type { LedgerRepository } from '../db/repositories/ledger';
import type { PlanRepository } from '../db/repositories/plans';
import { formatScopeId, parseScope } from '../domain/scope';
import { commentaryWithin, labelComment } from '../services/commentary';
import { apiRouter, errorBody, jsonBody } from '../http';

const writeResponses = {
  400: errorResponse('The request breaks a rule'),
  401: errorResponse('Not signed in'),
  403: errorResponse('Not the function’s owner, or no CSRF token'),
  404: errorResponse('No function has that slug'),
};

const listComments = createRoute({
  method: 'get',
  path: '/functions/{slug}/commentary',
  tags: ['plans'],
  request: { params: FunctionParams, query: CommentQuery },
  responses: { 200: jsonResponse(CommentList, 'Commentary on the function, newest first'), 400: errorResponse('The query is not valid'), 404: errorResponse('No function has that slug') },
});
const addComment = createRoute({
  method: 'post',
  path: '/functions/{slug}/commentary',
  tags: ['plans'],
  request: { params: FunctionParams, body: jsonBody(NewComment) },
  responses: { 201: jsonResponse(Comment, 'Added; earlier comments stay'), ...writeResponses },
});
const rebaseline = createRoute({
  method: 'post',
  path: '/functions/{slug}/baselines',
  tags: ['plans'],
  request: { params: FunctionParams, body: jsonBody(NewBaseline) },
  responses: { 201: jsonResponse(BaselineCreated, 'A new baseline; the old ones stay'), ...writeResponses },
});

export function planRoutes(plans: PlanRepository, ledger: LedgerRepository, db: Db, now: () => Date) {
  return apiRouter()
    .openapi(listComments, (c) => {
      const { slug } = c.req.valid('param');
      if (!ledger.plan(slug)) return c.json(errorBody('not_found', `There is no function "${slug}".`), 404);
      const { period, within } = c.req.valid('query');
      // The year's view carries up what was said of its halves, quarters and months ("why red?" on the year).
      if (within === 'true' && period) return c.json({ comments: commentaryWithin(plans, slug, parseScope(period)) }, 200);
      return c.json({ comments: plans.comments(slug, period ? formatScopeId(parseScope(period)) : null).map(labelComment) }, 200);
    })
    .openapi(addComment, (c) => {
      const { slug } = c.req.valid('param');
      if (!ledger.plan(slug)) return c.json(errorBody('not_found', `There is no function "${slug}".`), 404);
      const allowed = authorise(c, db, now, { kind: 'plan', function: slug });
      if (!allowed.ok) return c.json(allowed.body, allowed.status);
      const { period, body } = c.req.valid('json');
      const comment = db.transaction(() => {
        const added = labelComment(plans.addComment(slug, formatScopeId(parseScope(period)), body, allowed.session.user.email, now().toISOString()));
        recordAudit(db, { at: added.createdAt, actor: added.author, action: 'comment', entity: 'function', entityId: slug, before: null, after: added });
        return added;
      })();
      return c.json(comment, 201);
    })
    .openapi(rebaseline, (c) => {
      const { slug } = c.req.valid('param');
      if (!ledger.plan(slug)) return c.json(errorBody('not_found', `There is no function "${slug}".`), 404);
      const allowed = authorise(c, db, now, { kind: 'plan', function: slug });
      if (!allowed.ok) return c.json(allowed.body, allowed.status);
      const input = c.req.valid('json');
      const lines = plans.lineIds(slug);
      const problem =
        input.adoptedOn > now().toISOString().slice(0, 10)
          ? 'A baseline cannot be adopted on a date still to come.'
          : input.sourceId && !plans.sourceExists(input.sourceId)
            ? `There is no source "${input.sourceId}".`
            : input.targets.find((t) => !lines.has(t.lineId))
              ? `Every target must be for one of ${slug}’s savings lines.`
              : new Set(input.targets.map((t) => `${t.lineId}|${t.fiscalYear}`)).size !== input.targets.length
                ? 'Give each line one target a year.'
                : null;
      if (problem) return c.json(errorBody('invalid_baseline', problem), 400);
      const before = ledger.functionDetail(slug, now().toISOString().slice(0, 10), parseScope('all'))?.baselines.find((b) => b.isCurrent) ?? null;
      const version = db.transaction(() => {
        const created = plans.addBaseline({ slug, ...input, sourceId: input.sourceId ?? null, at: now().toISOString(), by: allowed.session.user.email });
        recordAudit(db, { at: now().toISOString(), actor: allowed.session.user.email, action: 're-baseline', entity: 'function', entityId: slug, before, after: { version: created, ...input } });
        return created;
      })();
      return c.json({ version, targetPence: input.targets.reduce((sum, t) => sum + t.amountPence, 0) }, 201);
    });
}
