import { createRoute, z } from '@hono/zod-openapi';
import { authorise } from '../auth/middleware';
import { errorResponse, jsonResponse } from '../contracts/common';
import { ViewQuery } from '../contracts/common';
import { FunctionParams } from '../contracts/functions';
import { FormatQuery, ImportQuery, ImportReport, TemplateQuery } from '../contracts/imports';
import { parseScope } from '../domain/scope';
import { commentaryWithin } from '../services/commentary';
import { createPlanRepository } from '../db/repositories/plans';
import { presentationOf, presentationPptx } from '../services/presentation-pptx';
import { tablesCsv, tablesXlsx, type Table } from '../services/tables';
import { forceTables, functionTables, portfolioTables } from '../services/view-export';
import type { NetBenefitService } from '../services/net-benefit';
import type { FiguresService } from '../services/figures';
import { ForceParams } from '../contracts/forces';
import type { Db } from '../db/connection';
import { apiRouter, errorBody } from '../http';
import { importTemplateCsv, importTemplateXlsx, ledgerCsv, ledgerRows, ledgerXlsx, type TemplateLists, type TemplateRow } from '../services/ledger-export';
import { readRows, type LedgerImport } from '../services/ledger-import';
import type { MyFiguresService } from '../services/my-figures';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

const fileResponse = (description: string) => ({
  content: { 'text/csv': { schema: z.string() }, [XLSX]: { schema: z.string().openapi({ format: 'binary' }) } },
  description,
});

const template = createRoute({
  method: 'get',
  path: '/imports/template',
  tags: ['imports'],
  request: { query: TemplateQuery },
  responses: { 200: fileResponse('The import template, filled with the rows due from you when signed in; in .xlsx the valid codes as drop-down lists and how to fill it in'), 400: errorResponse('Unknown format') },
});
const exportLedger = createRoute({
  method: 'get',
  path: '/export/ledger',
  tags: ['imports'],
  request: { query: FormatQuery },
  responses: { 200: fileResponse('Every actual and forecast with a financial year, in the template’s columns: a backup that re-imports'), 400: errorResponse('Unknown format') },
});
const exportPortfolio = createRoute({
  method: 'get',
  path: '/export/portfolio',
  tags: ['imports'],
  request: { query: ViewQuery.extend(FormatQuery.shape) },
  responses: { 200: fileResponse('The portfolio view’s figures: a sheet a table'), 400: errorResponse('The query is not valid') },
});
const exportFunction = createRoute({
  method: 'get',
  path: '/export/functions/{slug}',
  tags: ['imports'],
  request: { params: FunctionParams, query: ViewQuery.omit({ collaboration: true }).extend(FormatQuery.shape) },
  responses: { 200: fileResponse('A function view’s figures: a sheet a table'), 400: errorResponse('The query is not valid'), 404: errorResponse('No function has that slug') },
});

const exportForce = createRoute({
  method: 'get',
  path: '/export/forces/{slug}',
  tags: ['imports'],
  request: { params: ForceParams, query: ViewQuery.omit({ collaboration: true }).extend(FormatQuery.shape) },
  responses: { 200: fileResponse('A force view’s figures: a sheet a table'), 400: errorResponse('The query is not valid'), 404: errorResponse('No force has that slug') },
});

const exportPresentation = createRoute({
  method: 'get',
  path: '/export/presentation',
  tags: ['imports'],
  request: { query: ViewQuery },
  responses: {
    200: { content: { [PPTX]: { schema: z.string().openapi({ format: 'binary' }) } }, description: 'The Summit presentation as PowerPoint: the overview, one slide a function with a native chart, then those with nothing due' },
    400: errorResponse('The query is not valid'),
  },
});

const importFile = createRoute({
  method: 'post',
  path: '/imports',
  tags: ['imports'],
  request: { query: ImportQuery },
  description: 'Send the file itself as the body, with Content-Type text/csv or the .xlsx type.',
  responses: {
    200: jsonResponse(ImportReport, 'What each row adds or changes; with mode=apply, written in one transaction'),
    400: errorResponse('The file cannot be read, or (apply) a row has an error: the report is in the error’s issues'),
    401: errorResponse('Not signed in'),
    403: errorResponse('No CSRF token, or an account with no role (a dry run shows the ledger’s amounts)'),
    413: errorResponse('The file is too large'),
    415: errorResponse('Not CSV or .xlsx'),
  },
});

export function importRoutes(ledgerImport: LedgerImport, figures: FiguresService, myFigures: MyFiguresService, netBenefit: NetBenefitService, db: Db, now: () => Date) {
  const plans = createPlanRepository(db);
  // A presentation is kept with the portfolio answer it was made from, as the other downloads are.
  const presentations = new WeakMap<object, Promise<Buffer>>();
  const templateLines = db.prepare('SELECT function_slug AS function, code, name FROM savings_lines ORDER BY function_slug, id');
  const templateForces = db.prepare('SELECT slug, name FROM forces ORDER BY name');
  const stamp = () => now().toISOString().slice(0, 10);
  const make = async (tables: Table[], format: 'csv' | 'xlsx', name: string) =>
    format === 'csv'
      ? { body: `\uFEFF${tablesCsv(tables)}`, headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}.csv"` } }
      : { body: new Uint8Array(await tablesXlsx(tables, now())), headers: { 'content-type': XLSX, 'content-disposition': `attachment; filename="${name}.xlsx"` } };
  // A file is kept with the answer it was made from, which the figures service keeps until the
  // database changes: the same figures make the same file, and it goes when the answer goes.
  const made = new WeakMap<object, Map<string, ReturnType<typeof make>>>();
  const download = (answer: object, tables: () => Table[], format: 'csv' | 'xlsx', name: string) => {
    let files = made.get(answer);
    if (!files) {
      files = new Map();
      made.set(answer, files);
    }
    let file = files.get(format);
    if (!file) {
      file = make(tables(), format, name);
      files.set(format, file);
      // A file that failed to build is not kept: the next download tries again.
      file.catch(() => files.delete(format));
    }
    return file;
  };
  return apiRouter()
    .openapi(exportPortfolio, async (c) => {
      const { format, asAt, period, collaboration } = c.req.valid('query');
      const portfolio = figures.portfolio(asAt ?? stamp(), parseScope(period), collaboration);
      const file = await download(portfolio, () => portfolioTables(portfolio), format, `realise-portfolio-${portfolio.period.id}-as-at-${portfolio.asAt}`);
      return c.body(file.body, 200, file.headers);
    })
    .openapi(exportFunction, async (c) => {
      const { slug } = c.req.valid('param');
      const { format, asAt, period } = c.req.valid('query');
      const detail = figures.functionDetail(slug, asAt ?? stamp(), parseScope(period));
      if (!detail) return c.json(errorBody('not_found', `There is no function "${slug}".`), 404);
      const file = await download(detail, () => functionTables(detail), format, `realise-${slug}-${detail.period.id}-as-at-${detail.asAt}`);
      return c.body(file.body, 200, file.headers);
    })
    .openapi(exportForce, async (c) => {
      const { slug } = c.req.valid('param');
      const { format, asAt, period } = c.req.valid('query');
      const detail = figures.forceDetail(slug, asAt ?? stamp(), parseScope(period));
      if (!detail) return c.json(errorBody('not_found', `There is no force "${slug}".`), 404);
      // Costs are held for all years: the same savings-and-costs sheet whatever the period of the rest, as at the same date.
      const file = await download(detail, () => forceTables(detail, netBenefit.forceNetBenefit(slug, detail.asAt) ?? undefined), format, `realise-${slug}-${detail.period.id}-as-at-${detail.asAt}`);
      return c.body(file.body, 200, file.headers);
    })
    .openapi(exportPresentation, async (c) => {
      const { asAt, period, collaboration } = c.req.valid('query');
      const at = asAt ?? stamp();
      const scope = parseScope(period);
      const portfolio = figures.portfolio(at, scope, collaboration);
      let file = presentations.get(portfolio);
      if (!file) {
        file = presentationPptx(
          portfolio,
          presentationOf(portfolio, (slug) => figures.functionDetail(slug, at, scope), (slug) => commentaryWithin(plans, slug, scope)[0] ?? null),
          now(),
        );
        presentations.set(portfolio, file);
        file.catch(() => presentations.delete(portfolio));
      }
      return c.body(new Uint8Array(await file), 200, { 'content-type': PPTX, 'content-disposition': `attachment; filename="realise-presentation-${portfolio.period.id}-as-at-${portfolio.asAt}.pptx"` });
    })
    .openapi(template, async (c) => {
      const { format, fiscalYear, measure } = c.req.valid('query');
      const session = c.get('session');
      // Signed in: the rows due from you this year (as My figures lists them), recorded amounts filled in.
      const rows: TemplateRow[] = session
        ? ((mine) =>
            mine.rows.flatMap((r) =>
              r.cells
                .filter((cell) => cell.state !== 'not-due' || mine.measure === 'forecast')
                .map((cell) => ({ function: r.function, line: r.lineCode, lineName: r.lineName, measure: mine.measure, fiscalYear: mine.fiscalYear, month: cell.month, force: r.force, amountPence: cell.entry?.amountPence ?? null, dueOn: cell.dueOn })),
            ))(myFigures.of(session, { fiscalYear, measure }))
        : [];
      if (format === 'csv') {
        return c.body(`\uFEFF${importTemplateCsv(rows)}\r\n`, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="realise-import-template.csv"' });
      }
      const lists = { lines: templateLines.all() as TemplateLists['lines'], forces: templateForces.all() as TemplateLists['forces'] };
      return c.body(new Uint8Array(await importTemplateXlsx(rows, lists, now())), 200, { 'content-type': XLSX, 'content-disposition': 'attachment; filename="realise-import-template.xlsx"' });
    })
    .openapi(exportLedger, async (c) => {
      const { format } = c.req.valid('query');
      const rows = ledgerRows(db);
      const name = `realise-ledger-${stamp()}`;
      if (format === 'csv') {
        return c.body(`\uFEFF${ledgerCsv(rows)}`, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}.csv"` });
      }
      return c.body(new Uint8Array(await ledgerXlsx(rows, now())), 200, { 'content-type': XLSX, 'content-disposition': `attachment; filename="${name}.xlsx"` });
    })
    .openapi(importFile, async (c) => {
      const session = c.get('session');
      if (!session) return c.json(errorBody('sign_in_required', 'Sign in to import figures.'), 401);
      // A dry run answers with the ledger's amounts ("unchanged", fromPence): only for someone who may read them.
      const reader = authorise(c, db, now, { kind: 'read' });
      if (!reader.ok) return c.json(reader.body, reader.status);
      const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      const kind = type === 'text/csv' ? 'csv' : type === XLSX ? 'xlsx' : null;
      if (!kind) return c.json(errorBody('unsupported_file', 'Send a CSV file (text/csv) or an Excel workbook (.xlsx).'), 415);
      const content = Buffer.from(await c.req.arrayBuffer());
      if (content.length > IMPORT_MAX_BYTES) return c.json(errorBody('file_too_large', 'The file is over 20 MB. Split it into smaller files.'), 413);
      const read = await readRows(content, kind);
      if ('problem' in read) return c.json(errorBody('unreadable_file', read.problem), 400);
      if (c.req.valid('query').mode === 'dry-run') return c.json({ applied: false, ...ledgerImport.dryRun(session, read.rows, content) }, 200);
      const { applied, report } = ledgerImport.apply(session, read.rows, content);
      if (!applied) {
        return c.json(
          {
            error: {
              code: 'import_has_errors',
              message: `Nothing was imported: ${report.errors} of ${report.rows} rows have errors. Correct them and import the file again.`,
              issues: report.outcomes.flatMap((o) => (o.action === 'error' ? o.errors.map((e) => ({ path: `row ${o.row}, ${e.column}`, message: e.message })) : [])),
            },
          },
          400,
        );
      }
      return c.json({ applied: true, ...report }, 200);
    });
}
