import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { authorise } from '../auth/middleware';
import { errorResponse, jsonResponse } from '../contracts/common';
import {
  CompareQuery,
  ExportFormat,
  NewReport,
  PublishedReport,
  ReportComparison,
  ReportContent,
  ReportDraft,
  ReportList,
  ReportListQuery,
  ReportParams,
  ReportQuery,
} from '../contracts/reports';
import type { Db } from '../db/connection';
import { apiRouter, errorBody, jsonBody, type AppEnv } from '../http';
import { compareReports } from '../services/report-compare';
import { reportPdf } from '../services/report-pdf';
import { reportTables, type ReportStatus } from '../services/report-tables';
import { draftHashOf, ReportChangedError, ReportInputError, type ReportService } from '../services/report';
import { tablesXlsx } from '../services/tables';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const fileResponse = (description: string) => ({
  content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) }, [XLSX]: { schema: z.string().openapi({ format: 'binary' }) } },
  description,
});

const listReports = createRoute({
  method: 'get',
  path: '/reports',
  tags: ['reports'],
  request: { query: ReportListQuery },
  responses: { 200: jsonResponse(ReportList, 'Every published report, newest half first, each version'), 400: errorResponse('The query is not valid') },
});
const draftReport = createRoute({
  method: 'get',
  path: '/reports/draft',
  tags: ['reports'],
  request: { query: ReportQuery },
  responses: { 200: jsonResponse(ReportDraft, 'The report as it would be published now'), 400: errorResponse('Unknown collaboration, or not a half-year that has begun') },
});
const exportDraft = createRoute({
  method: 'get',
  path: '/reports/draft/export',
  tags: ['reports'],
  request: { query: ReportQuery.extend(ExportFormat.shape) },
  responses: { 200: fileResponse('The draft as a PDF (marked DRAFT) or .xlsx'), 400: errorResponse('Unknown collaboration, half-year or format') },
});
const compare = createRoute({
  method: 'get',
  path: '/reports/compare',
  tags: ['reports'],
  request: { query: CompareQuery },
  responses: {
    200: jsonResponse(ReportComparison, 'What changed from the earlier report to the later, function by function'),
    400: errorResponse('The query is not valid, or the reports are of different collaborations'),
    404: errorResponse('No report has that id'),
  },
});
const publish = createRoute({
  method: 'post',
  path: '/reports',
  tags: ['reports'],
  request: { body: jsonBody(NewReport) },
  responses: {
    201: jsonResponse(PublishedReport, 'Published: the draft frozen as a new version'),
    400: errorResponse('Unknown collaboration, or not a half-year that has begun'),
    401: errorResponse('Not signed in'),
    403: errorResponse('Not a programme officer, or no CSRF token'),
    409: errorResponse('The draft changed after it was read; nothing was published'),
  },
});
const getReport = createRoute({
  method: 'get',
  path: '/reports/{id}',
  tags: ['reports'],
  request: { params: ReportParams },
  responses: { 200: jsonResponse(PublishedReport, 'A published report, exactly as published'), 400: errorResponse('Not a report id'), 404: errorResponse('No report has that id') },
});
const exportReport = createRoute({
  method: 'get',
  path: '/reports/{id}/export',
  tags: ['reports'],
  request: { params: ReportParams, query: ExportFormat },
  responses: {
    200: fileResponse('A published report as a PDF for the board pack, or .xlsx'),
    400: errorResponse('Not a report id or format'),
    404: errorResponse('No report has that id'),
    409: errorResponse('The stored report no longer matches the hash recorded when it was published'),
  },
});

export function reportRoutes(service: ReportService, db: Db, now: () => Date) {
  const notFound = (id: number) => errorBody('not_found', `There is no published report ${id}. The list is at /api/reports.`);
  const refused = (error: unknown) => {
    if (error instanceof ReportInputError) return errorBody('invalid_report', error.message);
    throw error;
  };
  const file = async (c: Context<AppEnv>, content: ReportContent, status: ReportStatus, format: 'pdf' | 'xlsx') => {
    const name = `realise-report-${content.collaboration.slug}-${content.half.id}-${status.published ? `v${status.published.version}` : `draft-${content.asAt}`}`;
    if (format === 'pdf') {
      return c.body(new Uint8Array(await reportPdf(content, status)), 200, { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${name}.pdf"` });
    }
    return c.body(new Uint8Array(await tablesXlsx(reportTables(content, status), now())), 200, { 'content-type': XLSX, 'content-disposition': `attachment; filename="${name}.xlsx"` });
  };

  return apiRouter()
    .openapi(listReports, (c) => c.json({ reports: service.list(c.req.valid('query').collaboration ?? null) }, 200))
    .openapi(draftReport, (c) => {
      const { collaboration, half } = c.req.valid('query');
      try {
        const content = service.draft(collaboration, half);
        return c.json({ ...content, draftHash: draftHashOf(content) }, 200);
      } catch (error) {
        return c.json(refused(error), 400);
      }
    })
    .openapi(exportDraft, async (c) => {
      const { collaboration, half, format } = c.req.valid('query');
      let content: ReportContent;
      try {
        content = service.draft(collaboration, half);
      } catch (error) {
        return c.json(refused(error), 400);
      }
      return file(c, content, { published: null }, format);
    })
    .openapi(compare, (c) => {
      const query = c.req.valid('query');
      const [one, other] = [service.published(query.from), service.published(query.to)];
      if (!one) return c.json(notFound(query.from), 404);
      if (!other) return c.json(notFound(query.to), 404);
      if (one.collaboration !== other.collaboration) {
        return c.json(
          errorBody('invalid_report', `Report ${one.id} is of ${one.content.collaboration.name} and report ${other.id} of ${other.content.collaboration.name}; compare two reports of the same collaboration.`),
          400,
        );
      }
      // Earlier half first, then earlier version, whichever way round they were chosen: "what changed" reads forwards.
      const [a, b] = [one, other].sort((x, y) => x.half.localeCompare(y.half) || x.version - y.version) as [typeof one, typeof one];
      return c.json({ from: service.listItem(a.id)!, to: service.listItem(b.id)!, ...compareReports(a.content, b.content) }, 200);
    })
    .openapi(publish, (c) => {
      const allowed = authorise(c, db, now, { kind: 'publish-report' });
      if (!allowed.ok) return c.json(allowed.body, allowed.status);
      const { collaboration, half, draftHash } = c.req.valid('json');
      try {
        return c.json(service.publish(collaboration, half, allowed.session.user, draftHash), 201);
      } catch (error) {
        if (error instanceof ReportChangedError) return c.json(errorBody('report_changed', error.message), 409);
        return c.json(refused(error), 400);
      }
    })
    .openapi(getReport, (c) => {
      const { id } = c.req.valid('param');
      const report = service.published(id);
      return report ? c.json(report, 200) : c.json(notFound(id), 404);
    })
    .openapi(exportReport, async (c) => {
      const { id } = c.req.valid('param');
      const report = service.published(id);
      if (!report) return c.json(notFound(id), 404);
      // A board pack is made only from a report that is still what was published.
      if (!report.hashVerified) {
        return c.json(
          errorBody('report_not_verified', `Report ${id} no longer matches the hash recorded when it was published, so it is not exported. Tell an administrator: restore it from a backup (npm run restore).`),
          409,
        );
      }
      return file(c, report.content, { published: report }, c.req.valid('query').format);
    });
}
