import { createRoute } from '@hono/zod-openapi';
import { authorise } from '../auth/middleware';
import { errorResponse, jsonResponse } from '../contracts/common';
import { CarryChange, CarryChanged, FunctionCreated, FunctionEdit, FunctionEdited, NewFunction, PortfolioChoices, Retired, Retirement } from '../contracts/portfolio';
import { FunctionParams } from '../contracts/functions';
import { z } from '@hono/zod-openapi';
import type { RetirementService } from '../services/retirement';
import type { CarryService } from '../services/carry';
import type { FunctionEditService } from '../services/function-edit';
import { atCells, businessCaseTemplate, readBusinessCase } from '../services/business-case-workbook';
import type { Db } from '../db/connection';
import { apiRouter, errorBody, jsonBody } from '../http';
import type { NewFunctionService } from '../services/new-function';

const choices = createRoute({
  method: 'get',
  path: '/portfolio/choices',
  tags: ['portfolio'],
  responses: { 200: jsonResponse(PortfolioChoices, 'The collaborations, with their members over time, and the agreements a new function can belong to') },
});

const addFunction = createRoute({
  method: 'post',
  path: '/functions',
  tags: ['portfolio'],
  request: { body: jsonBody(NewFunction) },
  responses: {
    201: jsonResponse(FunctionCreated, 'The function, its savings lines, its first baseline’s targets and its shares, written together'),
    400: errorResponse('The request breaks a rule: each problem is in the issues, at its field'),
    401: errorResponse('Not signed in'),
    403: errorResponse('Not a programme officer or administrator, or no CSRF token'),
    409: errorResponse('A function already has that id'),
  },
});

const retireResponses = {
  200: jsonResponse(Retired, 'Retired from the date given; its history stays'),
  400: errorResponse('The request is not valid'),
  401: errorResponse('Not signed in'),
  403: errorResponse('Not a programme officer or administrator, or no CSRF token'),
  404: errorResponse('No such function or savings line'),
  409: errorResponse('Retired already, or it has figures for periods from the date'),
};
const retireFunction = createRoute({
  method: 'post',
  path: '/functions/{slug}/retire',
  tags: ['portfolio'],
  request: { params: FunctionParams, body: jsonBody(Retirement) },
  responses: retireResponses,
});
const retireLine = createRoute({
  method: 'post',
  path: '/savings-lines/{id}/retire',
  tags: ['portfolio'],
  request: { params: z.object({ id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' }, example: 12 }) }), body: jsonBody(Retirement) },
  responses: retireResponses,
});

const changeCarry = createRoute({
  method: 'put',
  path: '/savings-lines/{id}/carry',
  tags: ['portfolio'],
  request: { params: z.object({ id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' }, example: 6 }) }), body: jsonBody(CarryChange) },
  responses: {
    200: jsonResponse(CarryChanged, 'The carry as changed, audited'),
    400: errorResponse('Not a recurring line, or a year not after its last target'),
    401: errorResponse('Not signed in'),
    403: errorResponse('Not the owner of the line’s function, or no CSRF token'),
    404: errorResponse('No savings line has that id'),
    409: errorResponse('Changed by someone else since the screen was read'),
  },
});

const editFunction = createRoute({
  method: 'put',
  path: '/functions/{slug}/particulars',
  tags: ['portfolio'],
  request: { params: FunctionParams, body: jsonBody(FunctionEdit) },
  responses: {
    200: jsonResponse(FunctionEdited, 'The function as corrected, audited'),
    400: errorResponse('A lead force that is not a member, or an agreement of another collaboration'),
    401: errorResponse('Not signed in'),
    403: errorResponse('Not a programme officer or administrator, or no CSRF token'),
    404: errorResponse('No function has that slug'),
    409: errorResponse('A function from the board papers, or changed by someone else since the screen was read'),
  },
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const template = createRoute({
  method: 'get',
  path: '/business-case/template',
  tags: ['portfolio'],
  responses: { 200: { content: { [XLSX]: { schema: z.string().openapi({ format: 'binary' }) } }, description: 'The business-case template: a Function sheet, a Lines sheet of lines × financial years, and the valid codes' } },
});
const CellProblem = z.object({ sheet: z.enum(['Function', 'Lines']), cell: z.string(), message: z.string() });
const WorkbookReport = z
  .object({
    mode: z.enum(['dry-run', 'apply']),
    ok: z.boolean(),
    problems: z.array(CellProblem),
    summary: z.object({ name: z.string(), slug: z.string(), lines: z.number().int(), targets: z.number().int(), years: z.array(z.string()) }).nullable(),
    created: FunctionCreated.nullable(),
  })
  .openapi('BusinessCaseReport');
const importWorkbook = createRoute({
  method: 'post',
  path: '/business-case/import',
  tags: ['portfolio'],
  request: { query: z.object({ mode: z.enum(['dry-run', 'apply']).default('dry-run') }) },
  description: 'Send the filled template as the body, with the .xlsx Content-Type.',
  responses: {
    200: jsonResponse(WorkbookReport, 'A dry run: what it would add, or every problem by sheet and cell; with mode=apply, the function added'),
    400: jsonResponse(WorkbookReport, 'A problem in the workbook: nothing was added'),
    401: errorResponse('Not signed in'),
    403: errorResponse('Not a programme officer or administrator, or no CSRF token'),
    409: jsonResponse(WorkbookReport, 'A function already has its id: nothing was added'),
    415: errorResponse('Not an .xlsx workbook'),
  },
});

export function portfolioRoutes(newFunction: NewFunctionService, retirement: RetirementService, carry: CarryService, functionEdit: FunctionEditService, db: Db, now: () => Date) {
  const answer = (c: Parameters<Parameters<ReturnType<typeof apiRouter>['openapi']>[1]>[0], outcome: ReturnType<RetirementService['retireLine']>) =>
    outcome.ok ? c.json(outcome.retired, 200) : c.json(errorBody(outcome.status === 404 ? 'not_found' : 'conflict', outcome.message), outcome.status);
  const forceSlugs = db.prepare('SELECT slug FROM forces ORDER BY slug').pluck();
  return apiRouter()
    .openapi(template, async (c) => {
      const choices = newFunction.choices();
      const body = await businessCaseTemplate({ collaborations: choices.collaborations.map((x) => x.slug), forces: forceSlugs.all() as string[], agreements: choices.agreements.map((a) => a.slug) });
      return c.body(new Uint8Array(body), 200, { 'content-type': XLSX, 'content-disposition': 'attachment; filename="realise-business-case-template.xlsx"' });
    })
    .openapi(importWorkbook, async (c) => {
      const allowed = authorise(c, db, now, { kind: 'manage-portfolio' });
      if (!allowed.ok) return c.json(allowed.body, allowed.status);
      const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (type !== XLSX) return c.json(errorBody('unsupported_file', 'Send the filled business-case template as an Excel workbook (.xlsx).'), 415);
      const mode = c.req.valid('query').mode;
      const read = await readBusinessCase(Buffer.from(await c.req.arrayBuffer()));
      if (!read.ok) return c.json({ mode, ok: false, problems: read.problems, summary: null, created: null }, 400);
      const summary = { name: read.input.name, slug: read.input.slug, lines: read.lines, targets: read.targets, years: read.years };
      if (mode === 'dry-run') {
        const refused = newFunction.check(read.input);
        if (refused) return c.json({ mode, ok: false, problems: atCells(refused.problems, read.cells), summary, created: null }, refused.status);
        return c.json({ mode, ok: true, problems: [], summary, created: null }, 200);
      }
      const outcome = newFunction.add(read.input, allowed.session.user.email);
      if (!outcome.ok) return c.json({ mode, ok: false, problems: atCells(outcome.problems, read.cells), summary, created: null }, outcome.status);
      return c.json({ mode, ok: true, problems: [], summary, created: outcome.created }, 200);
    })
    .openapi(retireFunction, (c) => {
      const allowed = authorise(c, db, now, { kind: 'manage-portfolio' });
      if (!allowed.ok) return c.json(allowed.body, allowed.status);
      return answer(c, retirement.retireFunction(c.req.valid('param').slug, c.req.valid('json'), allowed.session.user.email));
    })
    .openapi(retireLine, (c) => {
      const allowed = authorise(c, db, now, { kind: 'manage-portfolio' });
      if (!allowed.ok) return c.json(allowed.body, allowed.status);
      return answer(c, retirement.retireLine(c.req.valid('param').id, c.req.valid('json'), allowed.session.user.email));
    })
    .openapi(editFunction, (c) => {
      const allowed = authorise(c, db, now, { kind: 'manage-portfolio' });
      if (!allowed.ok) return c.json(allowed.body, allowed.status);
      const outcome = functionEdit.edit(c.req.valid('param').slug, c.req.valid('json'), allowed.session.user.email);
      if (!outcome.ok) {
        const issues = outcome.problems.map((p) => ({ path: p.path.split('.'), message: p.message }));
        return c.json(errorBody(outcome.status === 404 ? 'not_found' : outcome.status === 409 ? 'conflict' : 'invalid_request', outcome.message, issues), outcome.status);
      }
      return c.json(outcome.edited, 200);
    })
    .openapi(changeCarry, (c) => {
      const { id } = c.req.valid('param');
      const fn = carry.functionOf(id);
      if (fn === null) return c.json(errorBody('not_found', `There is no savings line ${id}.`), 404);
      // Whether a recurring saving carries on is a reading of the function's business case: its owner's call.
      const allowed = authorise(c, db, now, { kind: 'plan', function: fn });
      if (!allowed.ok) return c.json(allowed.body, allowed.status);
      const outcome = carry.change(id, c.req.valid('json'), allowed.session.user.email);
      if (!outcome.ok) return c.json(errorBody(outcome.status === 404 ? 'not_found' : outcome.status === 409 ? 'conflict' : 'invalid_request', outcome.message), outcome.status);
      return c.json(outcome.changed, 200);
    })
    .openapi(choices, (c) => c.json(newFunction.choices(), 200))
    .openapi(addFunction, (c) => {
      const allowed = authorise(c, db, now, { kind: 'manage-portfolio' });
      if (!allowed.ok) return c.json(allowed.body, allowed.status);
      const outcome = newFunction.add(c.req.valid('json'), allowed.session.user.email);
      if (!outcome.ok) {
        const issues = outcome.problems.map((p) => ({ path: p.path.split('.'), message: p.message }));
        return c.json(errorBody(outcome.status === 409 ? 'conflict' : 'invalid_request', outcome.message, issues), outcome.status);
      }
      return c.json(outcome.created, 201);
    });
}
