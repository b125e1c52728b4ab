import { createRoute } from '@hono/zod-openapi';
import { errorResponse, jsonResponse } from '../contracts/common';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Paper, PaperParams, Source, SourceList, SourceParams } from '../contracts/sources';
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

const getPaper = createRoute({
  method: 'get',
  path: '/papers/{paperId}',
  tags: ['sources'],
  request: { params: PaperParams },
  responses: { 200: jsonResponse(Paper, 'A board paper’s text and the passages of it that figures cite'), 400: errorResponse('Not a paper’s number'), 404: errorResponse('No paper has that number') },
});

/** The seeded papers' text, copied into data/papers/documents by the seed set. */
const documents = fileURLToPath(new URL('../../data/papers/documents/', import.meta.url));

export const sourceRoutes = (sources: SourceRepository) => {
  // The papers never change while the server runs: each is read from disk once.
  const texts = new Map<string, string>();
  const textOf = (file: string) => {
    let text = texts.get(file);
    if (text === undefined) texts.set(file, (text = readFileSync(`${documents}${file}`, 'utf8')));
    return text;
  };
  return apiRouter()
    .openapi(getPaper, (c) => {
      const { paperId } = c.req.valid('param');
      const paper = sources.paper(paperId);
      if (!paper) return c.json(errorBody('not_found', `There is no paper ${paperId}. The cited passages are at /api/sources.`), 404);
      // The file name comes from the papers table, never from the request.
      const text = textOf(paper.file);
      return c.json({ paperId: paper.paperId, title: paper.title, date: paper.date, text, passages: sources.ofPaper(paperId) }, 200);
    })
    .openapi(listSources, (c) => c.json({ sources: sources.all() }, 200))
    .openapi(getSource, (c) => {
      const { id } = c.req.valid('param');
      const source = sources.byId(id);
      if (!source) return c.json(errorBody('not_found', `There is no source "${id}". The list is at /api/sources.`), 404);
      return c.json(source, 200);
    });
};
