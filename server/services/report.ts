import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FunctionDetail, FunctionSummary } from '../contracts/functions';
import type { PublishedReport, ReportBenefit, ReportContent, ReportFigures, ReportForce, ReportFunction, ReportRef } from '../contracts/reports';
import type { Source } from '../contracts/sources';
import { recordAudit } from '../db/audit';
import type { Db } from '../db/connection';
import type { BenefitRepository } from '../db/repositories/benefits';
import type { PlanRepository } from '../db/repositories/plans';
import type { ReportRepository } from '../db/repositories/reports';
import type { SourceRepository } from '../db/repositories/sources';
import type { FiguresService } from './figures';
import { benefitRag } from '../domain/benefits';
import { describeFiscalPeriod, fiscalPeriodRange, formatFiscalPeriodId, nextFiscalYear, parseFiscalPeriod, type FiscalPeriod } from '../domain/fiscal';
import { qualifierOfSum } from '../domain/qualifier';
import { figuresInPeriod } from '../domain/rollup';
import { overallRag } from '../domain/rag';
import { describeScope, formatScopeId, type Scope } from '../domain/scope';

// Drafting, publishing and reading the six-monthly report. A draft is worked out from the ledger as
// it stands today; publishing stores that draft's JSON exactly, with its SHA-256, so a published
// report is read back byte for byte as the board received it, whatever is recorded later.

// 2: figures carry the papers' qualifiers (deliveredQualifier, varianceQualifier).
const FORMAT_VERSION = 2 as const;
const REALISE_VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export class ReportInputError extends Error {}
/** The figures moved between the draft the officer read and the moment of publishing. */
export class ReportChangedError extends Error {}

type Half = Extract<FiscalPeriod, { kind: 'half' }>;

/** Reads 2017-18-H1; anything else is the caller's slip. */
export function parseHalf(text: string): Half {
  let period: FiscalPeriod;
  try {
    period = parseFiscalPeriod(text);
  } catch {
    throw new ReportInputError(`"${text}" is not a half-year; write it as 2017-18-H1 (April–September) or 2017-18-H2 (October–March)`);
  }
  if (period.kind !== 'half') throw new ReportInputError(`"${text}" is not a half-year; write it as 2017-18-H1 or 2017-18-H2`);
  return period;
}

/** A half that has begun: a report on months that have not started would be all forecast and no record. */
function parseReportableHalf(text: string, today: string): Half {
  const half = parseHalf(text);
  const { start } = fiscalPeriodRange(half);
  if (start > today) {
    throw new ReportInputError(`${describeFiscalPeriod(half)} has not begun (it starts on ${start}); choose a half that has started, up to the one running now`);
  }
  return half;
}

const nextHalf = (half: Half): Half => (half.half === 1 ? { kind: 'half', fy: half.fy, half: 2 } : { kind: 'half', fy: nextFiscalYear(half.fy), half: 1 });

/** A paper's date (2016, 2016-12 or 2016-12-01) as the days it may mean. */
function paperDateRange(date: string): { start: string; end: string } {
  if (/^\d{4}$/.test(date)) return { start: `${date}-01-01`, end: `${date}-12-31` };
  if (/^\d{4}-\d{2}$/.test(date)) return { start: `${date}-01`, end: `${date}-31` };
  return { start: date, end: date };
}

export const hashOf = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * What the officer read: the draft's hash without the moment it was drawn up, so the same figures
 * drafted twice match, and publishing can refuse a report that moved since it was read.
 */
export const draftHashOf = (content: ReportContent) => hashOf(JSON.stringify({ ...content, generatedAt: null }));

function figuresOf(summary: FunctionSummary): ReportFigures & { periodsWithoutActual: number } {
  const { targetPence, deliveredPence, forecastPence, variancePence, rag, deliveredQualifier, varianceQualifier } = figuresInPeriod(summary.years);
  return {
    targetPence,
    deliveredPence,
    forecastPence,
    variancePence,
    deliveredQualifier,
    varianceQualifier,
    rag,
    isIllustrative: summary.usesIllustrativeActuals,
    yearlyActualNotSplit: summary.years.some((y) => y.yearlyActualNotSplit === true),
    ...(summary.forecastFrom === null ? {} : { forecastFrom: summary.forecastFrom.map((f) => f.forceName) }),
    periodsWithoutActual: summary.periodsWithoutActual,
  };
}

function totalOf(figures: readonly ReportFigures[]): ReportFigures {
  const sumOf = (values: (number | null)[]) => {
    const present = values.filter((v): v is number => v !== null);
    return present.length === 0 ? null : present.reduce((sum, v) => sum + v, 0);
  };
  const withActual = figures.filter((f) => f.deliveredPence !== null);
  const variancePence = sumOf(figures.map((f) => f.variancePence));
  return {
    targetPence: figures.reduce((sum, f) => sum + f.targetPence, 0),
    deliveredPence: sumOf(figures.map((f) => f.deliveredPence)),
    forecastPence: sumOf(figures.map((f) => f.forecastPence)),
    variancePence,
    deliveredQualifier: qualifierOfSum(withActual.map((f) => f.deliveredQualifier)),
    varianceQualifier: qualifierOfSum(figures.filter((f) => f.variancePence !== null).map((f) => f.varianceQualifier)),
    rag: overallRag(figures).rag,
    isIllustrative: figures.some((f) => f.isIllustrative),
    yearlyActualNotSplit: figures.some((f) => f.yearlyActualNotSplit),
    ...((from) => (from.length === 0 ? {} : { forecastFrom: [...new Set(from)].sort() }))(figures.flatMap((f) => f.forecastFrom ?? [])),
  };
}

const strip = ({ periodsWithoutActual: _p, ...figures }: ReportFigures & { periodsWithoutActual: number }): ReportFigures => figures;

export function createReportService(deps: {
  db: Db;
  figures: FiguresService;
  reports: ReportRepository;
  plans: PlanRepository;
  benefits: BenefitRepository;
  sources: SourceRepository;
  now: () => Date;
}) {
  const { db, figures: views, reports, plans, benefits, sources, now } = deps;

  const refOf = (row: { id: number; half: string; halfDescription: string; version: number; publishedAt: string }): ReportRef => ({
    id: row.id,
    half: row.half,
    halfDescription: row.halfDescription,
    version: row.version,
    publishedAt: row.publishedAt,
  });

  function benefitsOf(slug: string, through: string): ReportBenefit[] {
    return benefits.list({ function: slug }).map((b) => {
      const measured = benefits.byNumber(b.number)!.measurements.filter((m) => m.measuredOn <= through);
      const latest = measured.at(-1) ?? null;
      return {
        number: b.number,
        description: b.description,
        measure: b.measure,
        unit: b.unit,
        isDisbenefit: b.isDisbenefit,
        baselineAsWritten: b.baselineAsWritten,
        targetAsWritten: b.targetAsWritten,
        targetMilli: b.targetMilli,
        latest: latest ? { measuredOn: latest.measuredOn, valueMilli: latest.valueMilli, dataSource: latest.dataSource } : null,
        rag: benefitRag({ direction: b.direction, targetMilli: b.targetMilli, toleranceMilli: b.toleranceMilli, latestMilli: latest?.valueMilli ?? null }),
        sourceId: b.sourceId,
      };
    });
  }

  function forcesOf(details: readonly { function: FunctionSummary; forces: FunctionDetail['forces'] }[]): ReportForce[] {
    const byForce = new Map<string, ReportForce>();
    for (const detail of details) {
      for (const share of detail.forces) {
        const anyActual = share.years.some((y) => y.deliveredPence !== null);
        const entry = byForce.get(share.force) ?? { force: share.force, forceName: share.forceName, targetPence: 0, deliveredPence: null, isIllustrative: false, functions: [] };
        entry.targetPence += share.targetPence;
        if (anyActual) entry.deliveredPence = (entry.deliveredPence ?? 0) + share.deliveredPence;
        entry.isIllustrative ||= share.isIllustrative;
        entry.functions.push({
          slug: detail.function.slug,
          name: detail.function.name,
          shareTenthsPercent: share.shareTenthsPercent,
          basis: share.basis,
          targetPence: share.targetPence,
          deliveredPence: anyActual ? share.deliveredPence : null,
          isIllustrative: share.isIllustrative,
        });
        byForce.set(share.force, entry);
      }
    }
    return [...byForce.values()].sort((a, b) => a.forceName.localeCompare(b.forceName));
  }

  /** The report for a collaboration and half-year, from the ledger as it stands now. */
  function draft(collaborationSlug: string, halfId: string): ReportContent {
    const asAt = now().toISOString().slice(0, 10);
    const half = parseReportableHalf(halfId, asAt);
    const collaboration = reports.collaboration(collaborationSlug);
    if (!collaboration) throw new ReportInputError(`There is no collaboration "${collaborationSlug}". Use bch, seven-force or ctc.`);
    const range = fiscalPeriodRange(half);
    const scopes: Record<'half' | 'yearToDate' | 'sinceStart', Scope> = {
      half: { kind: 'period', period: half },
      // The year to date at the end of the half: H1 is its own year to date, H2 ends the year.
      yearToDate: half.half === 1 ? { kind: 'period', period: half } : { kind: 'years', from: half.fy, to: half.fy },
      sinceStart: { kind: 'through', period: half },
    };
    const previousRow = reports.latestUpTo(collaboration.slug, formatFiscalPeriodId(half));
    const previous = previousRow ? { ref: refOf(previousRow), content: JSON.parse(previousRow.content) as ReportContent } : null;

    // Each function's figures in the three periods, read for the whole collaboration at once: the
    // split by force for the half, the papers cited since the start.
    const parts = {
      half: views.collaborationParts(collaboration.slug, asAt, scopes.half, { forces: true, sources: false }),
      yearToDate: views.collaborationParts(collaboration.slug, asAt, scopes.yearToDate, { forces: false, sources: false }),
      sinceStart: views.collaborationParts(collaboration.slug, asAt, scopes.sinceStart, { forces: false, sources: true }),
    };
    const partOf = (slug: string, period: keyof typeof parts) => {
      const part = parts[period][slug];
      if (part) return { function: part.summary, forces: part.forces, unapportionedPence: part.unapportionedPence, sources: part.sources, hasLines: true };
      // A function with benefits only has no savings plan, so no place in the figures read above.
      const detail = views.functionDetail(slug, asAt, scopes[period])!;
      return { function: detail.function, forces: detail.forces, unapportionedPence: detail.unapportionedPence, sources: detail.sources, hasLines: detail.lines.length > 0 };
    };

    const functions = reports.functionsOf(collaboration.slug).map((fn) => {
      const detail = {
        half: partOf(fn.slug, 'half'),
        yearToDate: partOf(fn.slug, 'yearToDate'),
        sinceStart: partOf(fn.slug, 'sinceStart'),
      };
      const figures = {
        half: figuresOf(detail.half.function),
        yearToDate: figuresOf(detail.yearToDate.function),
        sinceStart: figuresOf(detail.sinceStart.function),
      };
      const hasSavingsPlan = detail.sinceStart.hasLines;
      const before = previous?.content.functions.find((f) => f.slug === fn.slug && f.hasSavingsPlan);
      const report: ReportFunction = {
        slug: fn.slug,
        name: fn.name,
        hasSavingsPlan,
        figures: { half: strip(figures.half), yearToDate: strip(figures.yearToDate), sinceStart: strip(figures.sinceStart) },
        changeSinceLast:
          previous && before && hasSavingsPlan
            ? {
                report: previous.ref,
                sinceStartDeliveredPence: before.figures.sinceStart.deliveredPence,
                sinceStartTargetPence: before.figures.sinceStart.targetPence,
                deliveredChangePence: (figures.sinceStart.deliveredPence ?? 0) - (before.figures.sinceStart.deliveredPence ?? 0),
                targetChangePence: figures.sinceStart.targetPence - before.figures.sinceStart.targetPence,
                previousHalfRag: before.figures.half.rag,
              }
            : null,
        needsCommentary: hasSavingsPlan && Object.values(figures).some((f) => f.rag === 'amber' || f.rag === 'red'),
        commentary: plans.comments(fn.slug, formatFiscalPeriodId(half)).map(({ body, author, createdAt }) => ({ body, author, createdAt })),
        benefits: benefitsOf(fn.slug, range.end),
        targetSourceIds: detail.sinceStart.function.targetSourceIds,
        deliveredSourceIds: detail.sinceStart.function.deliveredSourceIds,
        usesIllustrativeShares: hasSavingsPlan && detail.half.function.usesIllustrativeShares,
      };
      return { report, detail };
    });

    const withPlan = functions.filter((f) => f.report.hasSavingsPlan);
    const halfDetails = withPlan.map((f) => f.detail.half);
    const summaryOf = (period: 'half' | 'yearToDate' | 'sinceStart') => totalOf(withPlan.map((f) => f.report.figures[period]));
    const halfRags = withPlan.map((f) => f.report.figures.half);

    const window = fiscalPeriodRange(nextHalf(half));
    const agreements = reports.agreementDates(collaboration.slug).filter((a) => {
      const { start, end } = paperDateRange(a.date);
      return start <= window.end && end >= window.start;
    });

    const cited = new Set<string>([
      ...withPlan.flatMap((f) => f.detail.sinceStart.sources.map((s) => s.id)),
      ...functions.flatMap((f) => f.report.benefits.map((b) => b.sourceId)),
      ...agreements.map((a) => a.sourceId),
    ]);
    const illustrative: string[] = [];
    if (withPlan.some((f) => f.report.usesIllustrativeShares)) {
      illustrative.push('The split between forces is illustrative: the papers give no split of any saving, so each share is an assumption, with its basis shown.');
    }
    const demo = withPlan.filter((f) => Object.values(f.report.figures).some((p) => p.isIllustrative)).map((f) => f.report.name);
    if (demo.length > 0) {
      illustrative.push(`Delivered and forecast figures for ${demo.join(', ')} include the illustrative demo data set, not figures from the papers.`);
    }

    return {
      formatVersion: FORMAT_VERSION,
      collaboration,
      half: { id: formatFiscalPeriodId(half), description: describeFiscalPeriod(half), start: range.start, end: range.end },
      asAt,
      generatedAt: now().toISOString(),
      periods: {
        half: { id: formatScopeId(scopes.half), description: describeScope(scopes.half) },
        yearToDate: { id: formatScopeId(scopes.yearToDate), description: describeScope(scopes.yearToDate) },
        sinceStart: { id: formatScopeId(scopes.sinceStart), description: describeScope(scopes.sinceStart) },
      },
      summary: {
        half: summaryOf('half'),
        yearToDate: summaryOf('yearToDate'),
        sinceStart: summaryOf('sinceStart'),
        ragCounts: {
          green: halfRags.filter((f) => f.rag === 'green').length,
          amber: halfRags.filter((f) => f.rag === 'amber').length,
          red: halfRags.filter((f) => f.rag === 'red').length,
          none: halfRags.filter((f) => f.rag === 'none' && f.targetPence !== 0).length,
          notInPeriod: halfRags.filter((f) => f.rag === 'none' && f.targetPence === 0).length,
        },
      },
      previousReport: previous?.ref ?? null,
      functions: functions.map((f) => f.report),
      forces: forcesOf(halfDetails),
      unapportionedPence: halfDetails.reduce((sum, d) => sum + d.unapportionedPence, 0),
      agreementWindow: { from: window.start, to: window.end },
      agreements,
      sources: [...cited].map((id) => sources.byId(id)).filter((s): s is Source => s !== null).sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true })),
      illustrative,
    };
  }

  // The hash the audit log recorded when the report was published: a report rewritten with a new
  // hash of its own (by someone with the file) no longer matches the one the log kept.
  const publishedHash = db.prepare(
    "SELECT json_extract(after_json, '$.contentHash') FROM audit_log WHERE action = 'publish-report' AND entity = 'report' AND entity_id = ? ORDER BY id LIMIT 1",
  ).pluck();

  function toPublished(row: NonNullable<ReturnType<ReportRepository['byId']>>): PublishedReport {
    const { content, collaborationName: _name, halfDescription: _description, ...meta } = row;
    const recorded = publishedHash.get(String(row.id)) as string | undefined;
    return { ...meta, hashVerified: hashOf(content) === row.contentHash && recorded === row.contentHash, content: JSON.parse(content) as ReportContent };
  }

  return {
    draft,

    /**
     * Freezes the draft as it stands: a new version, stored whole with its hash, and audited. Given
     * the hash of the draft the officer read, refuses if the figures have moved since. IMMEDIATE, so
     * two officers publishing at once queue for the version number rather than clash.
     */
    publish(collaboration: string, half: string, by: { email: string; displayName: string }, readDraftHash?: string): PublishedReport {
      return db.transaction(() => {
        const drafted = draft(collaboration, half);
        if (readDraftHash !== undefined && draftHashOf(drafted) !== readDraftHash) {
          throw new ReportChangedError(
            'The report changed after you opened it: figures or commentary were recorded since. Nothing was published; read the draft again, then publish.',
          );
        }
        const content = JSON.stringify(drafted);
        const contentHash = hashOf(content);
        const id = reports.insert({
          collaboration,
          half,
          publishedAt: now().toISOString(),
          publishedBy: by.email,
          publishedByName: by.displayName,
          content,
          contentHash,
          formatVersion: FORMAT_VERSION,
          databaseVersion: db.pragma('user_version', { simple: true }) as number,
          realiseVersion: REALISE_VERSION,
        });
        const stored = reports.byId(id)!;
        recordAudit(db, {
          at: stored.publishedAt,
          actor: by.email,
          action: 'publish-report',
          entity: 'report',
          entityId: String(id),
          before: null,
          after: { collaboration, half, version: stored.version, contentHash },
        });
        // Read back after the audit row, whose recorded hash it is checked against.
        return toPublished(stored);
      }).immediate();
    },

    published(id: number): PublishedReport | null {
      const row = reports.byId(id);
      return row ? toPublished(row) : null;
    },

    list: (collaboration: string | null) => reports.list(collaboration),
    listItem: (id: number) => reports.list(null).find((r) => r.id === id) ?? null,
  };
}

export type ReportService = ReturnType<typeof createReportService>;
