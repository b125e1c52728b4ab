import { createRoute } from '@hono/zod-openapi';
import { authorise } from '../auth/middleware';
import { AuditPage, AuditQuery } from '../contracts/audit';
import { errorResponse, jsonResponse } from '../contracts/common';
import type { Db } from '../db/connection';
import type { AuditRepository } from '../db/repositories/audit';
import { apiRouter } from '../http';

const listAudit = createRoute({
  method: 'get',
  path: '/audit',
  tags: ['audit'],
  request: { query: AuditQuery },
  responses: {
    200: jsonResponse(AuditPage, 'The audit log, newest first'),
    400: errorResponse('The filter is not valid'),
    401: errorResponse('Not signed in'),
    403: errorResponse('Not an administrator'),
  },
});

export const auditRoutes = (audit: AuditRepository, db: Db, now: () => Date) =>
  apiRouter().openapi(listAudit, (c) => {
    const allowed = authorise(c, db, now, { kind: 'administer' });
    if (!allowed.ok) return c.json(allowed.body, allowed.status);
    return c.json(audit.list(c.req.valid('query')), 200);
  });
