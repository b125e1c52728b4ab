import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { authorise } from '../auth/middleware';
import { errorResponse, jsonResponse } from '../contracts/common';
import { ConflictBody, DeleteLedgerEntry, LedgerEntry, LedgerEntryList, LedgerEntryParams, LedgerEntryQuery, NewLedgerEntry, UpdateLedgerEntry } from '../contracts/ledger-entries';
import { Ok } from '../contracts/auth';
import type { Db } from '../db/connection';
import type { LedgerEntryRepository } from '../db/repositories/ledger-entries';
import { apiRouter, errorBody, jsonBody, type AppEnv } from '../http';
import type { Outcome, Recording } from '../services/recording';

const writeResponses = {
  400: errorResponse('The figure breaks a rule: the message says which'),
  401: errorResponse('Not signed in'),
  403: errorResponse('Your role does not cover this force or function, or no CSRF token'),
  404: errorResponse('No such savings line or entry'),
  409: { content: { 'application/json': { schema: ConflictBody } }, description: 'Already recorded, recorded another way, or changed by someone else: the current entry is included' },
};

const listEntries = createRoute({
  method: 'get',
  path: '/ledger-entries',
  tags: ['ledger entries'],
  request: { query: LedgerEntryQuery },
  responses: { 200: jsonResponse(LedgerEntryList, 'Every actual and forecast recorded for a function'), 400: errorResponse('The query is not valid') },
});
const createEntry = createRoute({
  method: 'post',
  path: '/ledger-entries',
  tags: ['ledger entries'],
  request: { body: jsonBody(NewLedgerEntry) },
  responses: { 201: jsonResponse(LedgerEntry, 'Recorded'), ...writeResponses },
});
const updateEntry = createRoute({
  method: 'put',
  path: '/ledger-entries/{id}',
  tags: ['ledger entries'],
  request: { params: LedgerEntryParams, body: jsonBody(UpdateLedgerEntry) },
  responses: { 200: jsonResponse(LedgerEntry, 'Changed'), ...writeResponses },
});
const deleteEntry = createRoute({
  method: 'delete',
  path: '/ledger-entries/{id}',
  tags: ['ledger entries'],
  request: { params: LedgerEntryParams, query: DeleteLedgerEntry },
  responses: { 200: jsonResponse(Ok, 'Removed'), ...writeResponses },
});

/** The answer to a refused write, each kind with the status its routes declare. */
function answerRefusal(c: Context<AppEnv, any, any>, outcome: Exclude<Outcome, { ok: true }>) {
  switch (outcome.kind) {
    case 'invalid':
      return c.json({ error: { code: 'invalid_entry', message: outcome.message, issues: outcome.issues } }, 400);
    case 'from-paper':
      return c.json(errorBody('from_paper', outcome.message), 400);
    case 'not-found':
      return c.json(errorBody('not_found', outcome.message), 404);
    case 'conflict':
      return c.json({ error: { code: 'conflict' as const, message: outcome.message }, current: outcome.current }, 409);
  }
}

export function ledgerEntryRoutes(recording: Recording, entries: LedgerEntryRepository, db: Db, now: () => Date) {
  /** The permission an existing entry's change needs, or its 404. */
  const actionForEntry = (id: number) => {
    const entry = entries.byId(id);
    return entry ? { kind: 'record' as const, function: entry.function, force: entry.force } : null;
  };

  return apiRouter()
    .openapi(listEntries, (c) => c.json({ entries: entries.byFunction(c.req.valid('query').function) }, 200))
    .openapi(createEntry, (c) => {
      const input = c.req.valid('json');
      const action = recording.actionFor(input.lineId, input.force ?? null);
      if (!action) return c.json(errorBody('not_found', `There is no savings line ${input.lineId}.`), 404);
      const allowed = authorise(c, db, now, action);
      if (!allowed.ok) return c.json(allowed.body, allowed.status);
      const outcome = recording.create(allowed.session, input);
      if (!outcome.ok) return answerRefusal(c, outcome);
      return c.json(outcome.entry!, 201);
    })
    .openapi(updateEntry, (c) => {
      const { id } = c.req.valid('param');
      const action = actionForEntry(id);
      if (!action) return c.json(errorBody('not_found', `There is no ledger entry ${id}.`), 404);
      const allowed = authorise(c, db, now, action);
      if (!allowed.ok) return c.json(allowed.body, allowed.status);
      const { amountPence, version } = c.req.valid('json');
      const outcome = recording.update(allowed.session, id, amountPence, version);
      if (!outcome.ok) return answerRefusal(c, outcome);
      return c.json(outcome.entry!, 200);
    })
    .openapi(deleteEntry, (c) => {
      const { id } = c.req.valid('param');
      const action = actionForEntry(id);
      if (!action) return c.json(errorBody('not_found', `There is no ledger entry ${id}.`), 404);
      const allowed = authorise(c, db, now, action);
      if (!allowed.ok) return c.json(allowed.body, allowed.status);
      const outcome = recording.remove(allowed.session, id, c.req.valid('query').version);
      if (!outcome.ok) return answerRefusal(c, outcome);
      return c.json({ ok: true as const }, 200);
    });
}
