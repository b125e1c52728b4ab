import type { ReportContent, ReportFigures } from '../contracts/reports';
import type { Table } from './tables';
import { BENEFIT_RAG_WORDS, forecastFromWords, RAG_WORDS } from '../contracts/words';

// The report as tables: the .xlsx download has a sheet each, in the order the report reads.

export type ReportStatus = { published: { version: number; publishedAt: string; publishedByName: string; publishedBy: string; contentHash: string } | null };

const PERIOD_WORDS = { half: 'The half', yearToDate: 'Year to date', sinceStart: 'Since the start' } as const;
const figureRow = (f: ReportFigures) => [
  f.targetPence,
  f.deliveredPence,
  f.forecastPence,
  f.variancePence,
  RAG_WORDS[f.rag]!,
  f.isIllustrative ? 'Yes' : 'No',
  f.deliveredQualifier ?? null,
  f.varianceQualifier ?? null,
  f.forecastPence === null ? null : (forecastFromWords(f.forecastFrom ?? null) ?? 'the whole function’s'),
];
const figureColumns = [
  { header: 'Target', money: true },
  { header: 'Delivered', money: true },
  { header: 'Forecast', money: true },
  { header: 'Variance', money: true },
  { header: 'Status' },
  { header: 'Illustrative' },
  { header: 'Delivered, as the papers word it', width: 22 },
  { header: 'Variance rests on', width: 18 },
  { header: 'Forecast is', width: 30 },
];

export function reportTables(report: ReportContent, status: ReportStatus): Table[] {
  const periods = (['half', 'yearToDate', 'sinceStart'] as const).map((key) => ({ key, words: `${PERIOD_WORDS[key]}: ${report.periods[key].description}` }));
  const cite = (id: string) => {
    const s = report.sources.find((source) => source.id === id);
    return s ? `Paper ${s.paperId}, ${s.paragraph}` : id;
  };
  return [
    {
      name: 'About',
      columns: [{ header: 'Item', width: 28 }, { header: 'Value', width: 90 }],
      rows: [
        ['Report', `Six-monthly report: ${report.collaboration.name}`],
        ['Half-year', report.half.description],
        ['Status', status.published ? `Published, version ${status.published.version}` : 'Draft: not published'],
        ['Figures as at', `End of ${report.asAt}`],
        ...(status.published
          ? [
              ['Published', `${status.published.publishedAt} by ${status.published.publishedByName} (${status.published.publishedBy})`],
              ['Content hash (SHA-256)', status.published.contentHash],
            ]
          : []),
        ['Previous report', report.previousReport ? `${report.previousReport.halfDescription}, version ${report.previousReport.version}` : 'None published'],
        ...report.illustrative.map((note) => ['Illustrative', note]),
      ],
    },
    {
      name: 'Summary',
      columns: [{ header: 'Period', width: 60 }, ...figureColumns],
      rows: periods.map((p) => [p.words, ...figureRow(report.summary[p.key])]),
    },
    {
      name: 'Functions',
      columns: [{ header: 'Function', width: 40 }, { header: 'Period', width: 60 }, ...figureColumns, { header: 'Change in delivered since last report', money: true, width: 22 }],
      rows: report.functions
        .filter((f) => f.hasSavingsPlan)
        .flatMap((f) => periods.map((p) => [f.name, p.words, ...figureRow(f.figures[p.key]), p.key === 'sinceStart' ? (f.changeSinceLast?.deliveredChangePence ?? null) : null])),
    },
    {
      name: 'Commentary',
      columns: [{ header: 'Function', width: 40 }, { header: 'Needs commentary', width: 18 }, { header: 'Commentary', width: 90 }, { header: 'By', width: 28 }, { header: 'At', width: 24 }],
      rows: report.functions
        .filter((f) => f.hasSavingsPlan)
        .flatMap((f) =>
          f.commentary.length === 0
            ? [[f.name, f.needsCommentary ? 'Yes' : 'No', f.needsCommentary ? 'No commentary given on this variance' : null, null, null]]
            : f.commentary.map((c) => [f.name, f.needsCommentary ? 'Yes' : 'No', c.body, c.author, c.createdAt]),
        ),
    },
    {
      name: 'Benefits',
      columns: [{ header: 'Function', width: 30 }, { header: 'Number' }, { header: 'Benefit', width: 60 }, { header: 'Target', width: 30 }, { header: 'Latest measure', width: 24 }, { header: 'Measured on' }, { header: 'Status' }, { header: 'Source', width: 24 }],
      rows: report.functions.flatMap((f) =>
        f.benefits.map((b) => [f.name, b.number, b.description, b.targetAsWritten, b.latest ? b.latest.valueMilli / 1000 : null, b.latest?.measuredOn ?? null, BENEFIT_RAG_WORDS[b.rag]!, cite(b.sourceId)]),
      ),
    },
    {
      name: 'By force',
      columns: [{ header: 'Force', width: 30 }, { header: 'Function', width: 40 }, { header: 'Share (%)' }, { header: 'Basis' }, { header: 'Target in the half', money: true }, { header: 'Delivered in the half', money: true }, { header: 'Illustrative' }],
      rows: report.forces.flatMap((force) =>
        force.functions.map((f) => [force.forceName, f.name, f.shareTenthsPercent === null ? null : f.shareTenthsPercent / 10, f.basis, f.targetPence, f.deliveredPence, f.isIllustrative ? 'Yes' : 'No']),
      ),
    },
    {
      name: 'Agreements',
      columns: [{ header: 'Agreement', width: 60 }, { header: 'Date' }, { header: 'What', width: 60 }, { header: 'Source', width: 24 }],
      rows: report.agreements.map((a) => [a.agreementName, a.date, a.description, cite(a.sourceId)]),
    },
    {
      name: 'Sources',
      columns: [{ header: 'Source', width: 24 }, { header: 'Paper', width: 50 }, { header: 'Paragraph' }, { header: 'Date' }, { header: 'Words', width: 100 }],
      rows: report.sources.map((s) => [s.id, s.title, s.paragraph, s.date, s.quote]),
    },
  ];
}
