import { z } from '@hono/zod-openapi';
import { BenefitRag } from './benefits';
import { IsoDate, PaperDate, Pence, Rag, ScopeInfo, Slug } from './common';
import { RagCounts } from './functions';
import { Source } from './sources';

// The six-monthly report: what the Summit receives on every collaborated function (paper 003,
// Schedule A 2.8). A draft is built from the ledger as it stands; a published report is that draft
// frozen, and is read back exactly as it was published.

/** A half of a financial year: 2017-18-H1 is April–September 2017, 2017-18-H2 October 2017–March 2018. */
export const HalfYear = z
  .string()
  .regex(/^\d{4}-\d{2}-H[12]$/, 'Write a half-year as 2017-18-H1 (April–September) or 2017-18-H2 (October–March)')
  .openapi({ example: '2017-18-H1' });

/** Target, delivered and forecast for one of the report's periods. */
export const ReportFigures = z.object({
  targetPence: Pence,
  deliveredPence: Pence.nullable().openapi({ description: 'null: no actual recorded' }),
  forecastPence: Pence.nullable().openapi({ description: 'null: no forecast recorded' }),
  variancePence: Pence.nullable().openapi({ description: 'delivered − target, where an actual is recorded' }),
  rag: Rag,
  isIllustrative: z.boolean(),
  yearlyActualNotSplit: z.boolean().openapi({ description: 'An actual recorded only for a whole year cannot be counted in this part of it' }),
  // Format 2 on: reports published in format 1 have neither.
  deliveredQualifier: z.string().nullable().optional().openapi({ description: 'How the papers word the delivery ("over"); null when exact' }),
  varianceQualifier: z.string().nullable().optional().openapi({ description: 'What the variance rests on: "at least" £90k ahead; null when exact' }),
  // Present only where it applies, so a report whose forecasts are all whole keeps its hash.
  forecastFrom: z.array(z.string()).optional().openapi({ description: 'The forces (by name) whose forecasts make up forecastPence, where only some forces with a share have forecast; absent when every forecast is the whole line’s' }),
});
export type ReportFigures = z.infer<typeof ReportFigures>;

/** The three periods every figure of the report is given for. */
export const ReportPeriods = z.object({ half: ReportFigures, yearToDate: ReportFigures, sinceStart: ReportFigures });
export type ReportPeriods = z.infer<typeof ReportPeriods>;

export const ReportRef = z.object({
  id: z.number().int(),
  half: HalfYear,
  halfDescription: z.string(),
  version: z.number().int(),
  publishedAt: z.string(),
});
export type ReportRef = z.infer<typeof ReportRef>;

export const ReportComment = z.object({ body: z.string(), author: z.string(), createdAt: z.string() });

export const ReportBenefit = z.object({
  number: z.string(),
  description: z.string(),
  measure: z.string(),
  unit: z.string().nullable(),
  isDisbenefit: z.boolean(),
  baselineAsWritten: z.string().nullable(),
  targetAsWritten: z.string().nullable(),
  targetMilli: z.number().int().nullable(),
  latest: z.object({ measuredOn: z.string(), valueMilli: z.number().int(), dataSource: z.string() }).nullable(),
  rag: BenefitRag,
  sourceId: z.string(),
});
export type ReportBenefit = z.infer<typeof ReportBenefit>;

export const ReportFunction = z.object({
  slug: Slug,
  name: z.string(),
  hasSavingsPlan: z.boolean(),
  figures: ReportPeriods,
  changeSinceLast: z
    .object({
      report: ReportRef,
      sinceStartDeliveredPence: Pence.nullable().openapi({ description: 'Delivered since the start in that report' }),
      sinceStartTargetPence: Pence,
      deliveredChangePence: Pence.openapi({ description: 'Delivered since the start now, less in that report' }),
      targetChangePence: Pence,
      previousHalfRag: Rag,
    })
    .nullable()
    .openapi({ description: 'null when no earlier report of the collaboration was published, or it did not have this function' }),
  needsCommentary: z.boolean().openapi({ description: 'The half or the year to date is amber or red, so the variance needs explaining' }),
  commentary: z.array(ReportComment).openapi({ description: 'Commentary on the half, newest first' }),
  benefits: z.array(ReportBenefit),
  targetSourceIds: z.array(z.string()),
  deliveredSourceIds: z.array(z.string()),
  usesIllustrativeShares: z.boolean(),
});
export type ReportFunction = z.infer<typeof ReportFunction>;

export const ReportForce = z.object({
  force: Slug,
  forceName: z.string(),
  targetPence: Pence,
  deliveredPence: Pence.nullable(),
  isIllustrative: z.boolean(),
  functions: z.array(
    z.object({
      slug: Slug,
      name: z.string(),
      shareTenthsPercent: z.number().int().nullable(),
      basis: z.string(),
      targetPence: Pence,
      deliveredPence: Pence.nullable(),
      isIllustrative: z.boolean(),
    }),
  ),
});
export type ReportForce = z.infer<typeof ReportForce>;

export const ReportAgreementDate = z.object({
  agreement: Slug,
  agreementName: z.string(),
  kind: z.enum(['review', 'expires']),
  date: PaperDate.openapi({ description: 'As precise as the paper: 2017-03-31, 2016-12 or 2016' }),
  description: z.string(),
  sourceId: z.string(),
});

export const ReportContent = z
  .object({
    formatVersion: z.union([z.literal(1), z.literal(2)]).openapi({ description: '1: before qualifiers; 2: figures carry the papers’ qualifiers' }),
    collaboration: z.object({ slug: Slug, name: z.string() }),
    half: z.object({ id: HalfYear, description: z.string(), start: IsoDate, end: IsoDate }),
    asAt: IsoDate.openapi({ description: 'The ledger as it stood at the end of this date' }),
    generatedAt: z.string(),
    periods: z.object({ half: ScopeInfo, yearToDate: ScopeInfo, sinceStart: ScopeInfo }),
    summary: ReportPeriods.extend({ ragCounts: RagCounts }),
    previousReport: ReportRef.nullable(),
    functions: z.array(ReportFunction),
    forces: z.array(ReportForce),
    unapportionedPence: Pence.openapi({ description: 'Target of the half in years with no shares, so not split between forces' }),
    agreementWindow: z.object({ from: IsoDate, to: IsoDate }),
    agreements: z.array(ReportAgreementDate),
    sources: z.array(Source),
    illustrative: z.array(z.string()).openapi({ description: 'What in the report is illustrative, in words' }),
  })
  .openapi('ReportContent');
export type ReportContent = z.infer<typeof ReportContent>;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'A hash is 64 lower-case hex digits, as the draft gives it');

/** A draft, with the hash that publishing checks so that what is frozen is what was read. */
export const ReportDraft = ReportContent.extend({
  draftHash: Sha256.openapi({ description: 'SHA-256 of this draft less its generatedAt; send it back when publishing' }),
}).openapi('ReportDraft');
export type ReportDraft = z.infer<typeof ReportDraft>;

export const PublishedReport = z
  .object({
    id: z.number().int(),
    collaboration: Slug,
    half: HalfYear,
    version: z.number().int(),
    publishedAt: z.string(),
    publishedBy: z.string(),
    publishedByName: z.string(),
    contentHash: z.string().openapi({ description: 'SHA-256 of the stored content, in hex' }),
    hashVerified: z.boolean().openapi({ description: 'The stored content still has that hash' }),
    formatVersion: z.number().int(),
    databaseVersion: z.number().int(),
    realiseVersion: z.string(),
    content: ReportContent,
  })
  .openapi('PublishedReport');
export type PublishedReport = z.infer<typeof PublishedReport>;

export const ReportListItem = PublishedReport.omit({ content: true, hashVerified: true }).extend({ collaborationName: z.string(), halfDescription: z.string() });
export const ReportList = z.object({ reports: z.array(ReportListItem) }).openapi('ReportList');
export type ReportListItem = z.infer<typeof ReportListItem>;

export const ReportQuery = z.object({
  collaboration: Slug.openapi({ example: 'bch' }),
  half: HalfYear,
});
export const ReportListQuery = z.object({ collaboration: Slug.optional() });
export const NewReport = ReportQuery.extend({
  draftHash: Sha256.optional().openapi({ description: 'The draftHash of the draft read before publishing: if the draft has changed since, nothing is published (409)' }),
}).openapi('NewReport');
export const ReportParams = z.object({
  id: z.coerce.number().int().positive('A report id is a whole number').openapi({ param: { name: 'id', in: 'path' }, example: 1 }),
});
export const ExportFormat = z.object({ format: z.enum(['pdf', 'xlsx']).default('pdf') });

export const ReportChange = z.object({
  field: z.string().openapi({ example: 'half.deliveredPence' }),
  label: z.string().openapi({ example: 'Delivered in the half' }),
  kind: z.enum(['money', 'rag', 'text', 'count']),
  before: z.union([z.number(), z.string()]).nullable(),
  after: z.union([z.number(), z.string()]).nullable(),
});
export type ReportChange = z.infer<typeof ReportChange>;

export const ReportComparison = z
  .object({
    from: ReportListItem,
    to: ReportListItem,
    summary: z.array(ReportChange),
    functions: z.array(
      z.object({
        slug: Slug,
        name: z.string(),
        status: z.enum(['changed', 'unchanged', 'added', 'removed']),
        changes: z.array(ReportChange),
      }),
    ),
  })
  .openapi('ReportComparison');
export type ReportComparison = z.infer<typeof ReportComparison>;

export const CompareQuery = z.object({
  from: z.coerce.number().int().positive('Choose the earlier report by its id'),
  to: z.coerce.number().int().positive('Choose the later report by its id'),
});
