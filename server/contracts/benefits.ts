import { z } from '@hono/zod-openapi';
import { IsoDate, PaperDate, Pence, Slug } from './common';
import { Source } from './sources';

/** Measures are integers in thousandths of their unit (25% is 25000), so comparisons are exact. */
const Milli = z.number().int().openapi({ description: 'Thousandths of the unit: 25% is 25000', example: 25000 });

export const BenefitRag = z.enum(['green', 'amber', 'red', 'not-measured', 'no-target']).openapi({
  description: 'green: at or beyond target; amber: short of it within tolerance; red: beyond tolerance; not-measured: no measure yet; no-target: measured, but no target to judge against',
});

export const Measurement = z.object({
  id: z.number().int(),
  measuredOn: z.string(),
  valueMilli: Milli,
  dataSource: z.string(),
  note: z.string().nullable(),
  recordedAt: z.string(),
  recordedBy: z.string(),
});
export type Measurement = z.infer<typeof Measurement>;

export const BenefitSummary = z
  .object({
    number: z.string(),
    function: Slug,
    functionName: z.string(),
    collaboration: Slug,
    description: z.string(),
    category: z.enum(['direct-public-sector', 'wider-social']),
    cashClass: z.enum(['cash-releasing', 'non-cash-releasing']),
    measureClass: z.enum(['quantitative', 'qualitative']),
    feature: z.string(),
    owner: z.string().nullable(),
    measure: z.string(),
    unit: z.string().nullable(),
    direction: z.enum(['higher-is-better', 'lower-is-better']),
    isDisbenefit: z.boolean(),
    baselineMilli: Milli.nullable(),
    baselineAsWritten: z.string().nullable(),
    baselineDate: PaperDate.nullable(),
    baselineDataSource: z.string().nullable(),
    baselineSourceId: z.string().nullable(),
    targetMilli: Milli.nullable(),
    targetAsWritten: z.string().nullable(),
    targetDate: PaperDate.nullable(),
    targetSourceId: z.string().nullable(),
    toleranceMilli: Milli,
    fullYearValuePence: Pence.nullable(),
    sourceId: z.string(),
    note: z.string().nullable(),
    latest: Measurement.nullable(),
    measurementCount: z.number().int(),
    rag: BenefitRag,
    progressTenthsPercent: z.number().int().nullable().openapi({ description: 'How far from baseline to target, in tenths of a percent' }),
  })
  .openapi('BenefitSummary');
export type BenefitSummary = z.infer<typeof BenefitSummary>;

export const BenefitList = z.object({ benefits: z.array(BenefitSummary) }).openapi('BenefitList');

export const BenefitDetail = z
  .object({ benefit: BenefitSummary, measurements: z.array(Measurement), sources: z.array(Source) })
  .openapi('BenefitDetail');
export type BenefitDetail = z.infer<typeof BenefitDetail>;

export const BenefitQuery = z.object({
  collaboration: z.union([z.literal('all'), Slug]).optional(),
  function: Slug.optional(),
});

export const BenefitExportQuery = BenefitQuery.extend({ format: z.enum(['csv', 'xlsx']) });

export const BenefitParams = z.object({
  number: z
    .string()
    .regex(/^[A-Z]+-B\d+$/, 'A benefit number looks like ICT-B4')
    .openapi({ param: { name: 'number', in: 'path' }, example: 'ICT-B4' }),
});

export const NewMeasurement = z
  .object({
    measuredOn: IsoDate,
    valueMilli: z.number().int('Give the value in thousandths of the unit, as a whole number').min(-1e15).max(1e15),
    dataSource: z.string().trim().min(1, 'Say where the figure comes from').max(300),
    note: z.string().trim().max(1000).nullable().optional(),
  })
  .openapi('NewMeasurement');

/** A risk a paper names: Realise's one-line summary, and the paper's words in its source. */
export const Risk = z
  .object({
    code: z.string().openapi({ example: 'SOH-R1' }),
    collaboration: z.string(),
    function: z.object({ slug: z.string(), name: z.string() }).nullable(),
    area: z.string().openapi({ description: 'The part of the collaboration the paper says it concerns', example: 'Human Resources' }),
    title: z.string().openapi({ description: 'Realise’s summary; the paper’s words are in the source' }),
    mitigation: z.string().nullable().openapi({ description: 'What the paper says is being done about it, if anything' }),
    sourceId: z.string(),
    date: z.string().nullable().openapi({ description: 'The date of the paper that names it' }),
  })
  .openapi('Risk');
export const RiskList = z.object({ risks: z.array(Risk) }).openapi('RiskList');
export type Risk = z.infer<typeof Risk>;
