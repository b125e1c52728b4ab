import { createRoute } from '@hono/zod-openapi';
import { errorResponse, jsonResponse } from '../contracts/common';
import { Source, SourceList, SourceParams } from '../contracts/sources';
import type { SourceRepository } from '../db/repositories/sources';
import { apiRouter, errorBody } from '../http';

const listSources = createRoute({
  method: 'get',
  path: '/sources',
  tags: ['sources'],
  responses: { 200: jsonResponse(SourceList, 'Every passage of the board papers that a figure cites') },
});

const getSource = createRoute({
  method: 'get',
  path: '/sources/{id}',
  tags: ['sources'],
  request: { params: SourceParams },
  responses: {
    200: jsonResponse(Source, 'One cited passage: paper, paragraph, date and quote'),
    400: errorResponse('The id is not valid'),
    404: errorResponse('No source has that id'),
  },
});

export const sourceRoutes = (sources: SourceRepository) =>
  apiRouter()
    .openapi(listSources, (c) => c.json({ sources: sources.all() }, 200))
    .openapi(getSource, (c) => {
      const { id } = c.req.valid('param');
      const source = sources.byId(id);
      if (!source) return c.json(errorBody('not_found', `There is no source "${id}". The list is at /api/sources.`), 404);
      return c.json(source, 200);
    });
