import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { ReportContent, ReportFigures, ReportFunction } from '../contracts/reports';
import { formatPounds } from '../domain/money';
import type { ReportStatus } from './report-tables';
import { BENEFIT_RAG_WORDS, dateWords, forecastFromWords, qualified, RAG_WORDS, shareWords } from '../contracts/words';

// The report as a PDF for a board pack, built on the server by pdfmake (pure JavaScript, no
// browser): A4, page numbers, table headers repeated on every page a table runs onto and rows never
// split, and the chart drawn as vector bars with its figures in a table beside it. It is built from
// the same report content the page shows, section for section.

const require = createRequire(import.meta.url);
const pdfmake = require('pdfmake') as typeof import('pdfmake');
const fontDir = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
pdfmake.setFonts({
  Roboto: {
    normal: join(fontDir, 'Roboto-Regular.ttf'),
    bold: join(fontDir, 'Roboto-Medium.ttf'),
    italics: join(fontDir, 'Roboto-Italic.ttf'),
    bolditalics: join(fontDir, 'Roboto-MediumItalic.ttf'),
  },
});
// A report's content is ours, but nothing in it should make the server read a file or fetch a URL.
pdfmake.setLocalAccessPolicy((path) => path.startsWith(fontDir));
pdfmake.setUrlAccessPolicy(() => false);

const INK = '#0b0c0c';
const TARGET_COLOUR = '#505a5f';
const DELIVERED_COLOUR = '#1d70b8';
const CONTENT_WIDTH = 595.28 - 2 * 48;

const day = dateWords;
const money = (pence: number | null, none = '–') => (pence === null ? none : formatPounds(pence));
const PERIOD_WORDS = { half: 'The half', yearToDate: 'Year to date', sinceStart: 'Since the start' } as const;

const nothingDue = (f: ReportFigures) => f.targetPence === 0 && f.deliveredPence === null && f.forecastPence === null;
const statusWords = (f: ReportFigures) => (nothingDue(f) ? 'Nothing due' : RAG_WORDS[f.rag]!);

function figuresTable(figures: Record<'half' | 'yearToDate' | 'sinceStart', ReportFigures>): Content {
  const header: TableCell[] = ['Period', 'Target', 'Delivered', 'Forecast', 'Variance', 'Status'].map((text, i) => ({ text, style: 'th', alignment: i > 0 && i < 5 ? 'right' : 'left' }));
  const rows: TableCell[][] = (['half', 'yearToDate', 'sinceStart'] as const).map((key) => {
    const f = figures[key];
    const star = f.isIllustrative ? ' *' : '';
    return [
      { text: PERIOD_WORDS[key], bold: true },
      { text: money(f.targetPence), alignment: 'right' },
      { text: (f.deliveredPence === null ? 'No actual yet' : qualified(money(f.deliveredPence), f.deliveredQualifier)) + star, alignment: 'right' },
      { text: money(f.forecastPence, 'None') + (f.forecastPence === null ? '' : star) + (f.forecastFrom ? ' †' : ''), alignment: 'right' },
      // What the variance rests on ("at least", where delivery is "over" a figure), and illustrative where the delivery is.
      { text: (f.variancePence === null ? '–' : qualified(money(f.variancePence), f.varianceQualifier)) + (f.variancePence === null ? '' : star), alignment: 'right' },
      { text: statusWords(f) + (f.deliveredPence === null ? '' : star), bold: f.rag === 'red' || f.rag === 'amber' },
    ];
  });
  const table: Content = {
    table: { headerRows: 1, dontBreakRows: true, keepWithHeaderRows: 1, widths: ['*', 72, 80, 62, 66, 62], body: [header, ...rows] },
    layout: 'lightHorizontalLines',
    margin: [0, 4, 0, 8],
  };
  // Whose a forecast is, where only some forces have forecast: never one force's figure standing for the whole.
  const partial = (['half', 'yearToDate', 'sinceStart'] as const).filter((key) => figures[key].forecastFrom && figures[key].forecastPence !== null);
  if (partial.length === 0) return table;
  return {
    stack: [
      table,
      ...partial.map((key) => ({ text: `† Forecast, ${PERIOD_WORDS[key].toLowerCase()}: ${forecastFromWords(figures[key].forecastFrom!)}.`, fontSize: 8, margin: [0, -4, 0, 6] as [number, number, number, number] })),
    ],
  };
}

/** Horizontal bars, target above delivered, one row a function, the amounts written at the bars' ends. */
function chart(report: ReportContent): Content {
  const rows = report.functions.filter((f) => f.hasSavingsPlan && !nothingDue(f.figures.half));
  const largest = Math.max(1, ...rows.flatMap((f) => [f.figures.half.targetPence, f.figures.half.deliveredPence ?? 0]));
  const barSpace = 210;
  const bar = (pence: number, y: number, colour: string, outline: boolean) => ({
    type: 'rect' as const,
    x: 0,
    y,
    w: Math.max(1, (pence / largest) * barSpace),
    h: 9,
    ...(outline ? { color: '#ffffff', lineColor: colour, lineWidth: 1 } : { color: colour }),
  });
  // pdfmake cannot lay out a table with no rows, and a chart of nothing would say nothing anyway.
  if (rows.length === 0) {
    return {
      stack: [
        { text: `Target and delivered in the half, by function`, style: 'h3' },
        { text: 'No function had anything due in the half, so there is nothing to chart. Each function is listed below.', italics: true, margin: [0, 0, 0, 10] },
      ],
    };
  }
  return {
    stack: [
      { text: `Target and delivered in the half, by function`, style: 'h3' },
      {
        table: {
          widths: [150, barSpace + 10, '*'],
          body: rows.map((f) => [
            { text: f.name, fontSize: 8.5 },
            { canvas: [bar(f.figures.half.targetPence, 0, TARGET_COLOUR, true), bar(f.figures.half.deliveredPence ?? 0, 12, DELIVERED_COLOUR, false)] },
            { text: `Target ${money(f.figures.half.targetPence)}\nDelivered ${f.figures.half.deliveredPence === null ? 'no actual yet' : qualified(money(f.figures.half.deliveredPence), f.figures.half.deliveredQualifier)}`, fontSize: 8 },
          ]),
        },
        layout: 'noBorders',
      },
      {
        columns: [
          { canvas: [{ type: 'rect', x: 0, y: 2, w: 14, h: 7, color: '#ffffff', lineColor: TARGET_COLOUR, lineWidth: 1 }], width: 18 },
          { text: 'Target (outline)', fontSize: 8, width: 90 },
          { canvas: [{ type: 'rect', x: 0, y: 2, w: 14, h: 7, color: DELIVERED_COLOUR }], width: 18 },
          { text: `Delivered (solid). The same figures are in the table of each function below.${rows.length < report.functions.filter((f) => f.hasSavingsPlan).length ? ' Functions with nothing due in the half are left out.' : ''}`, fontSize: 8 },
        ],
        margin: [0, 4, 0, 10],
      },
    ],
    unbreakable: true,
  };
}

function functionSection(f: ReportFunction, report: ReportContent): Content[] {
  const heading: Content = { text: f.name, style: 'h3', headlineLevel: 2 };
  if (!f.hasSavingsPlan) {
    return [{ stack: [heading, { text: 'No savings plan: this function reports non-cashable benefits only.', italics: true }, ...benefitsTable(f)], unbreakable: true }];
  }
  const change = f.changeSinceLast;
  const changeText = change
    ? `Since the ${change.report.halfDescription} report (version ${change.report.version}): delivered since the start ${change.deliveredChangePence === 0 ? 'unchanged' : `${change.deliveredChangePence > 0 ? 'up' : 'down'} ${money(Math.abs(change.deliveredChangePence))}`}` +
      `${change.targetChangePence === 0 ? '' : `; target ${change.targetChangePence > 0 ? 'up' : 'down'} ${money(Math.abs(change.targetChangePence))}`}` +
      `; status in that half ${RAG_WORDS[change.previousHalfRag]!.toLowerCase()}.`
    : report.previousReport
      ? 'Not in the previous report.'
      : 'No earlier report of this collaboration has been published, so there is no change to show.';
  const commentary: Content[] =
    f.commentary.length > 0
      ? f.commentary.map((c) => ({ stack: [{ text: c.body }, { text: `${c.author}, ${c.createdAt.slice(0, 16).replace('T', ' ')} UTC`, fontSize: 8, color: '#505a5f' }], margin: [8, 2, 0, 4] as [number, number, number, number] }))
      : f.needsCommentary
        ? [{ text: 'No commentary has been given on this variance. The function owner should explain it before the report is published.', bold: true, margin: [0, 2, 0, 4] }]
        : [{ text: 'No commentary: none is needed, as there is no amber or red variance.', color: '#505a5f', margin: [0, 2, 0, 4] }];
  return [
    { stack: [heading, figuresTable(f.figures), { text: changeText, margin: [0, 0, 0, 4] }], unbreakable: true },
    { text: 'Commentary', bold: true },
    ...commentary,
    ...benefitsTable(f),
  ];
}

function benefitsTable(f: ReportFunction): Content[] {
  if (f.benefits.length === 0) return [];
  const header: TableCell[] = ['Benefit', 'Target', 'Latest measure', 'Status'].map((text) => ({ text, style: 'th' }));
  return [
    {
      table: {
        headerRows: 1,
        dontBreakRows: true,
        keepWithHeaderRows: 1,
        widths: ['*', 110, 90, 60],
        body: [
          header,
          ...f.benefits.map((b): TableCell[] => [
            { text: `${b.number}${b.isDisbenefit ? ' (dis-benefit)' : ''}: ${b.description}`, fontSize: 8.5 },
            { text: b.targetAsWritten ?? 'No target in the papers', fontSize: 8.5 },
            { text: b.latest ? `${b.latest.valueMilli / 1000}${b.unit === '%' ? '%' : b.unit ? ` ${b.unit}` : ''} on ${b.latest.measuredOn}` : 'Not yet measured', fontSize: 8.5 },
            { text: BENEFIT_RAG_WORDS[b.rag]!, fontSize: 8.5 },
          ]),
        ],
      },
      layout: 'lightHorizontalLines',
      margin: [0, 4, 0, 10],
    },
  ];
}

export function reportDocument(report: ReportContent, status: ReportStatus): TDocumentDefinitions {
  const published = status.published;
  const statusLine = published
    ? `Published: version ${published.version}, ${day(published.publishedAt.slice(0, 10))} at ${published.publishedAt.slice(11, 16)} UTC, by ${published.publishedByName}. Figures as at the end of ${day(report.asAt)}.`
    : `DRAFT, not published. Figures as at the end of ${day(report.asAt)}; they change as figures are recorded.`;
  const counts = report.summary.ragCounts;
  const h2 = (text: string): Content => ({ text, style: 'h2', headlineLevel: 1 });
  // Money columns are right-aligned, their headers with them.
  const th = (texts: string[], rightFrom = texts.length): TableCell[] => texts.map((text, i) => ({ text, style: 'th', alignment: i >= rightFrom ? 'right' : 'left' }));
  return {
    pageSize: 'A4',
    pageMargins: [48, 48, 48, 56],
    info: {
      title: `Six-monthly report: ${report.collaboration.name}, ${report.half.description}`,
      author: published ? published.publishedByName : 'Realise (draft)',
      subject: `Savings and benefits realisation, ${report.half.description}`,
      creator: 'Realise',
    },
    ...(published ? {} : { watermark: { text: 'DRAFT', opacity: 0.06, bold: true } }),
    defaultStyle: { font: 'Roboto', fontSize: 9.5, lineHeight: 1.2, color: INK },
    styles: {
      h1: { fontSize: 20, bold: true, margin: [0, 0, 0, 2] },
      h2: { fontSize: 14, bold: true, margin: [0, 14, 0, 4] },
      h3: { fontSize: 11.5, bold: true, margin: [0, 10, 0, 2] },
      th: { bold: true, fontSize: 8.5 },
    },
    footer: (page, pages) => ({
      columns: [
        { text: `Realise · ${report.collaboration.name} · ${report.half.description}${published ? ` · version ${published.version}` : ' · DRAFT'}`, fontSize: 7.5, color: '#505a5f' },
        { text: `Page ${page} of ${pages}`, alignment: 'right', fontSize: 8, width: 80 },
      ],
      margin: [48, 20, 48, 0],
    }),
    pageBreakBefore: (node, queries) => node.headlineLevel !== undefined && queries.getFollowingNodesOnPage().length === 0,
    content: [
      { text: 'Six-monthly report', style: 'h1' },
      { text: report.collaboration.name, fontSize: 13 },
      { text: report.half.description, fontSize: 13, margin: [0, 0, 0, 6] },
      {
        table: { widths: [CONTENT_WIDTH - 10], body: [[{ text: statusLine, bold: !published, margin: [4, 3, 4, 3] }]] },
        layout: { hLineColor: () => (published ? '#00703c' : '#d4351c'), vLineColor: () => (published ? '#00703c' : '#d4351c') },
      },
      ...(published ? [{ text: `SHA-256 of its content: ${published.contentHash}`, fontSize: 7.5, color: '#505a5f', margin: [0, 2, 0, 0] } as Content] : []),

      h2('Summary'),
      {
        text: [
          { text: 'The half: ', bold: true },
          `${report.periods.half.description}. `,
          { text: 'Year to date: ', bold: true },
          `${report.periods.yearToDate.description}. `,
          { text: 'Since the start: ', bold: true },
          `${report.periods.sinceStart.description.replace('Since the start, to', 'from each function’s first year to')}.`,
        ],
        fontSize: 8.5,
      },
      figuresTable(report.summary),
      {
        text: `In the half: ${counts.green} on track, ${counts.amber} at risk, ${counts.red} off track, ${counts.none} with no actual yet${counts.notInPeriod ? `, ${counts.notInPeriod} with nothing due` : ''}. Variance is delivered less target, over the periods that have an actual.`,
        margin: [0, 0, 0, 6],
      },
      chart(report),

      h2('Functions'),
      ...report.functions.flatMap((f) => functionSection(f, report)),

      h2('By force: shares of the half'),
      report.forces.length === 0
        ? { text: 'No function of this collaboration has shares between forces for the half.' }
        : {
            table: {
              headerRows: 1,
              dontBreakRows: true,
              keepWithHeaderRows: 1,
              widths: [110, '*', 44, 40, 66, 66],
              body: [
                th(['Force', 'Function', 'Share', 'Basis', 'Target', 'Delivered'], 4),
                ...report.forces.flatMap((force) =>
                  force.functions.map((f): TableCell[] => [
                    force.forceName,
                    { text: f.name, fontSize: 8.5 },
                    shareWords(f.shareTenthsPercent, f.basis),
                    f.basis,
                    { text: money(f.targetPence), alignment: 'right' },
                    { text: money(f.deliveredPence, 'No actual'), alignment: 'right' },
                  ]),
                ),
                ...report.forces.map((force): TableCell[] => [
                  { text: `${force.forceName}, all functions`, bold: true },
                  '',
                  '',
                  '',
                  { text: money(force.targetPence), alignment: 'right', bold: true },
                  { text: money(force.deliveredPence, 'No actual'), alignment: 'right', bold: true },
                ]),
              ],
            },
            layout: 'lightHorizontalLines',
          },
      ...(report.forces.some((f) => f.isIllustrative) ? [{ text: 'Every share here is illustrative: the papers give no split of any saving.', italics: true, margin: [0, 4, 0, 0] } as Content] : []),
      ...(report.unapportionedPence !== 0 ? [{ text: `${money(report.unapportionedPence)} of the half's target is in years with no shares, so is not split between forces.`, margin: [0, 4, 0, 0] } as Content] : []),

      h2(`Agreements: reviews and expiries from ${day(report.agreementWindow.from)} to ${day(report.agreementWindow.to)}`),
      report.agreements.length === 0
        ? { text: `No section 22A agreement of this collaboration has a review or expiry date between ${day(report.agreementWindow.from)} and ${day(report.agreementWindow.to)}.` }
        : {
            table: {
              headerRows: 1,
              dontBreakRows: true,
              widths: ['*', 60, 150],
              body: [th(['Agreement', 'Date', 'What']), ...report.agreements.map((a): TableCell[] => [a.agreementName, a.date, `${a.description} (source ${a.sourceId})`])],
            },
            layout: 'lightHorizontalLines',
          },

      h2('Sources and illustrative figures'),
      ...(report.illustrative.length > 0
        ? [{ ul: report.illustrative, margin: [0, 0, 0, 6] } as Content, { text: 'A figure marked * includes illustrative figures.', margin: [0, 0, 0, 6] } as Content]
        : [{ text: 'No figure in this report is illustrative.', margin: [0, 0, 0, 6] } as Content]),
      {
        table: {
          headerRows: 1,
          dontBreakRows: true,
          keepWithHeaderRows: 1,
          widths: [70, '*', 56, 56],
          body: [th(['Source', 'Paper', 'Paragraph', 'Date']), ...report.sources.map((s): TableCell[] => [s.id, { text: s.title, fontSize: 8.5 }, s.paragraph, s.date ?? '–'])],
        },
        layout: 'lightHorizontalLines',
      },
    ],
  };
}

export function reportPdf(report: ReportContent, status: ReportStatus): Promise<Buffer> {
  return pdfmake.createPdf(reportDocument(report, status)).getBuffer();
}
