import { createRoute, z } from '@hono/zod-openapi';
import { authorise } from '../auth/middleware';
import { errorResponse, jsonResponse, Slug } from '../contracts/common';
import { CollaborationList } from '../contracts/forces';
import { EndMembership, MembershipChanged, NewCollaboration, NewMembership } from '../contracts/portfolio';
import type { Db } from '../db/connection';
import type { CollaborationRepository } from '../db/repositories/collaborations';
import { apiRouter, errorBody, jsonBody } from '../http';
import type { CollaborationService } from '../services/collaborations';

const listCollaborations = createRoute({
  method: 'get',
  path: '/collaborations',
  tags: ['collaborations'],
  responses: {
    200: jsonResponse(CollaborationList, 'Each collaboration with its dated membership and its programme figures from the papers'),
  },
});

const writes = {
  400: errorResponse('The request breaks a rule'),
  401: errorResponse('Not signed in'),
  403: errorResponse('Not a programme officer or administrator, or no CSRF token'),
  404: errorResponse('No such collaboration, or the force is not a member'),
  409: errorResponse('It conflicts with what is recorded: the id is taken, the force is a member already or has left, or it has figures after the date'),
};
const CollaborationParams = z.object({ slug: Slug.openapi({ param: { name: 'slug', in: 'path' }, example: 'ctc' }) });
const MemberParams = CollaborationParams.extend({ force: Slug.openapi({ param: { name: 'force', in: 'path' }, example: 'btp' }) });

const addCollaboration = createRoute({
  method: 'post',
  path: '/collaborations',
  tags: ['collaborations'],
  request: { body: jsonBody(NewCollaboration) },
  responses: { 201: jsonResponse(MembershipChanged, 'The collaboration and its first members'), ...writes },
});
const join = createRoute({
  method: 'post',
  path: '/collaborations/{slug}/members',
  tags: ['collaborations'],
  request: { params: CollaborationParams, body: jsonBody(NewMembership) },
  responses: { 201: jsonResponse(MembershipChanged, 'The force is a member from the date given'), ...writes },
});
const leave = createRoute({
  method: 'patch',
  path: '/collaborations/{slug}/members/{force}',
  tags: ['collaborations'],
  request: { params: MemberParams, body: jsonBody(EndMembership) },
  responses: { 200: jsonResponse(MembershipChanged, 'The force’s membership ends on the date given'), ...writes },
});

export const collaborationRoutes = (collaborations: CollaborationRepository, changes: CollaborationService, db: Db, now: () => Date) => {
  const answer = <S extends 200 | 201>(c: Parameters<Parameters<ReturnType<typeof apiRouter>['openapi']>[1]>[0], outcome: ReturnType<CollaborationService['add']>, status: S) =>
    outcome.ok ? c.json(outcome.changed, status) : c.json(errorBody(outcome.status === 409 ? 'conflict' : outcome.status === 404 ? 'not_found' : 'invalid_request', outcome.message, [{ path: outcome.path.split('.'), message: outcome.message }]), outcome.status);
  return apiRouter()
    .openapi(listCollaborations, (c) => c.json({ collaborations: collaborations.all() }, 200))
    .openapi(addCollaboration, (c) => {
      const allowed = authorise(c, db, now, { kind: 'manage-portfolio' });
      if (!allowed.ok) return c.json(allowed.body, allowed.status);
      return answer(c, changes.add(c.req.valid('json'), allowed.session.user.email), 201);
    })
    .openapi(join, (c) => {
      const allowed = authorise(c, db, now, { kind: 'manage-portfolio' });
      if (!allowed.ok) return c.json(allowed.body, allowed.status);
      return answer(c, changes.join(c.req.valid('param').slug, c.req.valid('json'), allowed.session.user.email), 201);
    })
    .openapi(leave, (c) => {
      const allowed = authorise(c, db, now, { kind: 'manage-portfolio' });
      if (!allowed.ok) return c.json(allowed.body, allowed.status);
      const { slug, force } = c.req.valid('param');
      return answer(c, changes.leave(slug, force, c.req.valid('json'), allowed.session.user.email), 200);
    });
};
