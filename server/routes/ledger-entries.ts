import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { authorise } from '../auth/middleware';
import { errorResponse, jsonResponse } from '../contracts/common';
import {
  ConflictBody,
  DeleteLedgerEntry,
  FigureBatch,
  FigureBatchRefused,
  FigureBatchResult,
  LedgerEntry,
  LedgerEntryHistory,
  LedgerEntryList,
  LedgerEntryParams,
  LedgerEntryQuery,
  MyFigures,
  MyFiguresQuery,
  NewLedgerEntry,
  UpdateLedgerEntry,
} from '../contracts/ledger-entries';
import { Ok } from '../contracts/auth';
import type { Db } from '../db/connection';
import type { LedgerEntryRepository } from '../db/repositories/ledger-entries';
import { apiRouter, errorBody, jsonBody, type AppEnv } from '../http';
import type { MyFiguresService } from '../services/my-figures';
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

const saveFigures = createRoute({
  method: 'post',
  path: '/ledger-entries/batch',
  tags: ['ledger entries'],
  request: { body: jsonBody(FigureBatch) },
  responses: {
    200: jsonResponse(FigureBatchResult, 'Every figure saved, in one transaction'),
    400: { content: { 'application/json': { schema: FigureBatchRefused } }, description: 'Nothing saved: each figure’s errors, by its index' },
    401: errorResponse('Not signed in'),
    403: errorResponse('No CSRF token'),
  },
});
const entryHistory = createRoute({
  method: 'get',
  path: '/ledger-entries/{id}/history',
  tags: ['ledger entries'],
  request: { params: LedgerEntryParams },
  responses: { 200: jsonResponse(LedgerEntryHistory, 'Each version of the figure: who, when, why'), 400: errorResponse('The id is not valid'), 404: errorResponse('No such entry, now or before') },
});
const undoRemove = createRoute({
  method: 'post',
  path: '/ledger-entries/{id}/undo-remove',
  tags: ['ledger entries'],
  request: { params: LedgerEntryParams },
  responses: { 200: jsonResponse(LedgerEntry, 'Put back as it was'), ...writeResponses },
});
const myFigures = createRoute({
  method: 'get',
  path: '/my-figures',
  tags: ['ledger entries'],
  request: { query: MyFiguresQuery },
  responses: { 200: jsonResponse(MyFigures, 'Your lines × the months of the year: recorded, missing, due'), 400: errorResponse('The query is not valid'), 401: errorResponse('Not signed in'), 403: errorResponse('No role yet') },
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
    case 'forbidden':
      return c.json(errorBody('forbidden', outcome.message), 403);
    case 'conflict':
      return c.json({ error: { code: 'conflict' as const, message: outcome.message }, current: outcome.current }, 409);
  }
}

export function ledgerEntryRoutes(recording: Recording, mine: MyFiguresService, entries: LedgerEntryRepository, db: Db, now: () => Date) {
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
      const { amountPence, version, reason } = c.req.valid('json');
      const outcome = recording.update(allowed.session, id, amountPence, version, reason || null);
      if (!outcome.ok) return answerRefusal(c, outcome);
      return c.json(outcome.entry!, 200);
    })
    .openapi(deleteEntry, (c) => {
      const { id } = c.req.valid('param');
      const action = actionForEntry(id);
      if (!action) return c.json(errorBody('not_found', `There is no ledger entry ${id}.`), 404);
      const allowed = authorise(c, db, now, action);
      if (!allowed.ok) return c.json(allowed.body, allowed.status);
      const { version, reason } = c.req.valid('query');
      const outcome = recording.remove(allowed.session, id, version, reason || null);
      if (!outcome.ok) return answerRefusal(c, outcome);
      return c.json({ ok: true as const }, 200);
    })
    .openapi(undoRemove, (c) => {
      const { id } = c.req.valid('param');
      const signedIn = authorise(c, db, now, { kind: 'read' });
      if (!signedIn.ok) return c.json(signedIn.body, signedIn.status);
      const removal = entries.lastRemoval(id);
      if (removal) {
        const allowed = authorise(c, db, now, { kind: 'record', function: removal.before.function, force: removal.before.force });
        if (!allowed.ok) return c.json(allowed.body, allowed.status);
      }
      const outcome = recording.undoRemove(signedIn.session, id);
      if (!outcome.ok) return answerRefusal(c, outcome);
      return c.json(outcome.entry!, 200);
    })
    .openapi(entryHistory, (c) => {
      const { id } = c.req.valid('param');
      const versions = entries.history(id);
      if (versions.length === 0 && !entries.byId(id)) return c.json(errorBody('not_found', `There is no ledger entry ${id}, now or before.`), 404);
      return c.json({ entry: entries.byId(id), versions: versions.map(versionOf) }, 200);
    })
    .openapi(saveFigures, (c) => {
      const signedIn = authorise(c, db, now, { kind: 'read' });
      if (!signedIn.ok) return c.json(signedIn.body, signedIn.status);
      const { planned, ids } = recording.save(signedIn.session, c.req.valid('json').figures, { existing: 'change' });
      if (ids === null) {
        const wrong = planned.outcomes.filter((o) => o.action === 'error').length;
        return c.json({ error: { code: 'invalid_figures' as const, message: `Nothing was saved: ${wrong === 1 ? 'one figure needs' : `${wrong} figures need`} changing first.` }, saved: false as const, outcomes: planned.outcomes }, 400);
      }
      return c.json({ saved: true, outcomes: planned.outcomes }, 200);
    })
    .openapi(myFigures, (c) => {
      const signedIn = authorise(c, db, now, { kind: 'read' });
      if (!signedIn.ok) return c.json(signedIn.body, signedIn.status);
      return c.json(mine.of(signedIn.session, c.req.valid('query')), 200);
    });
}

/** One write of a figure's history, as a person reads it. */
function versionOf(v: { at: string; actor: string; action: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null }) {
  const pence = (x: Record<string, unknown> | null) => (x && typeof x.amountPence === 'number' ? x.amountPence : null);
  const text = (x: Record<string, unknown> | null, key: string) => (x && typeof x[key] === 'string' ? (x[key] as string) : null);
  return {
    at: v.at,
    actor: v.actor,
    action: v.action,
    amountPence: v.action === 'remove' || v.action === 'split' ? null : pence(v.after),
    fromPence: pence(v.before),
    reason: text(v.after, 'reason'),
    note: v.action === 'split' ? text(v.after, 'note') : text(v.after, 'periodNote'),
  };
}
