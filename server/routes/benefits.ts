import { createRoute, z } from '@hono/zod-openapi';
import { authorise } from '../auth/middleware';
import { BenefitDetail, BenefitExportQuery, BenefitList, BenefitParams, BenefitQuery, Measurement, NewMeasurement, RiskList } from '../contracts/benefits';
import { createRiskRepository } from '../db/repositories/risks';
import { errorResponse, jsonResponse } from '../contracts/common';
import { recordAudit } from '../db/audit';
import type { Db } from '../db/connection';
import type { BenefitRepository } from '../db/repositories/benefits';
import type { SourceRepository } from '../db/repositories/sources';
import { apiRouter, errorBody, jsonBody } from '../http';
import { benefitsCsv, benefitsXlsx } from '../services/benefit-export';

const listBenefits = createRoute({
  method: 'get',
  path: '/benefits',
  tags: ['benefits'],
  request: { query: BenefitQuery },
  responses: { 200: jsonResponse(BenefitList, 'The benefits register, filtered'), 400: errorResponse('The filter is not valid') },
});
const exportBenefits = createRoute({
  method: 'get',
  path: '/benefits/export',
  tags: ['benefits'],
  request: { query: BenefitExportQuery },
  responses: {
    200: {
      content: {
        'text/csv': { schema: z.string() },
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().openapi({ format: 'binary' }) },
      },
      description: 'The register as a CSV or .xlsx file',
    },
    400: errorResponse('The filter or format is not valid'),
  },
});
const getBenefit = createRoute({
  method: 'get',
  path: '/benefits/{number}',
  tags: ['benefits'],
  request: { params: BenefitParams },
  responses: {
    200: jsonResponse(BenefitDetail, 'One benefit with every measure recorded and its sources'),
    400: errorResponse('The number is not valid'),
    404: errorResponse('No benefit has that number'),
  },
});
const recordMeasurement = createRoute({
  method: 'post',
  path: '/benefits/{number}/measurements',
  tags: ['benefits'],
  request: { params: BenefitParams, body: jsonBody(NewMeasurement) },
  responses: {
    201: jsonResponse(Measurement, 'Recorded'),
    400: errorResponse('The measure breaks a rule'),
    401: errorResponse('Not signed in'),
    403: errorResponse('Not the owner of the benefit’s function, or no CSRF token'),
    404: errorResponse('No benefit has that number'),
    409: errorResponse('A measure is already recorded for that date'),
  },
});

const listRisks = createRoute({
  method: 'get',
  path: '/risks',
  tags: ['benefits'],
  request: { query: z.object({ function: z.string().max(64).optional().openapi({ description: 'Only this function’s risks', example: 'single-online-home' }) }) },
  responses: { 200: jsonResponse(RiskList, 'The risks the papers name, each with its source') },
});

export function benefitRoutes(benefits: BenefitRepository, sources: SourceRepository, db: Db, now: () => Date) {
  const sourceMap = () => new Map(sources.all().map((s) => [s.id, s]));
  const risks = createRiskRepository(db);
  return apiRouter()
    .openapi(listRisks, (c) => {
      const fn = c.req.valid('query').function;
      return c.json({ risks: fn ? risks.ofFunction(fn) : risks.all() }, 200);
    })
    .openapi(listBenefits, (c) => c.json({ benefits: benefits.list(c.req.valid('query')) }, 200))
    .openapi(exportBenefits, async (c) => {
      const { format, ...filter } = c.req.valid('query');
      const list = benefits.list(filter);
      const name = `realise-benefits-register-${now().toISOString().slice(0, 10)}`;
      if (format === 'csv') {
        return c.body(`\uFEFF${benefitsCsv(list, sourceMap())}`, 200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="${name}.csv"`,
        });
      }
      return c.body(new Uint8Array(await benefitsXlsx(list, sourceMap(), now())), 200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="${name}.xlsx"`,
      });
    })
    .openapi(getBenefit, (c) => {
      const { number } = c.req.valid('param');
      const found = benefits.byNumber(number);
      if (!found) return c.json(errorBody('not_found', `There is no benefit ${number}. The register is at /api/benefits.`), 404);
      const b = found.benefit;
      const cited = [...new Set([b.sourceId, b.baselineSourceId, b.targetSourceId].filter((id): id is string => id !== null))];
      return c.json({ benefit: b, measurements: found.measurements, sources: cited.map((id) => sources.byId(id)!).filter(Boolean) }, 200);
    })
    .openapi(recordMeasurement, (c) => {
      const { number } = c.req.valid('param');
      const found = benefits.byNumber(number);
      if (!found) return c.json(errorBody('not_found', `There is no benefit ${number}.`), 404);
      const allowed = authorise(c, db, now, { kind: 'plan', function: found.benefit.function });
      if (!allowed.ok) return c.json(allowed.body, allowed.status);
      const input = c.req.valid('json');
      if (input.measuredOn > now().toISOString().slice(0, 10)) {
        return c.json({ error: { code: 'invalid_measurement', message: 'A measure cannot be dated in the future.', issues: [{ path: 'measuredOn', message: 'A measure cannot be dated in the future.' }] } }, 400);
      }
      if (benefits.hasMeasurementOn(found.id, input.measuredOn)) {
        return c.json(errorBody('conflict', `A measure of ${number} is already recorded for ${input.measuredOn}.`), 409);
      }
      const measurement = db.transaction(() => {
        const created = benefits.insertMeasurement({
          benefitId: found.id,
          measuredOn: input.measuredOn,
          valueMilli: input.valueMilli,
          dataSource: input.dataSource,
          note: input.note ?? null,
          recordedAt: now().toISOString(),
          recordedBy: allowed.session.user.email,
        });
        recordAudit(db, { at: now().toISOString(), actor: allowed.session.user.email, action: 'record-measure', entity: 'benefit', entityId: number, before: found.benefit.latest, after: created });
        return created;
      })();
      return c.json(measurement, 201);
    });
}
