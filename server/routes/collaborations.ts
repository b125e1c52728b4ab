import { createRoute } from '@hono/zod-openapi';
import { jsonResponse } from '../contracts/common';
import { CollaborationList } from '../contracts/forces';
import type { CollaborationRepository } from '../db/repositories/collaborations';
import { apiRouter } from '../http';

const listCollaborations = createRoute({
  method: 'get',
  path: '/collaborations',
  tags: ['collaborations'],
  responses: {
    200: jsonResponse(CollaborationList, 'Each collaboration with its dated membership and its programme figures from the papers'),
  },
});

export const collaborationRoutes = (collaborations: CollaborationRepository) =>
  apiRouter().openapi(listCollaborations, (c) => c.json({ collaborations: collaborations.all() }, 200));
