import PptxGenJS from 'pptxgenjs';
import type { FunctionDetail, FunctionList, FunctionSummary } from '../contracts/functions';
import { dateWords, describeVariance, forecastFromWords, qualified, RAG_WORDS } from '../contracts/words';
import { formatMoneyShort, formatPounds } from '../domain/money';
import { mostOffTrackFirst } from '../domain/rag';

// The Summit presentation to take away as PowerPoint (pptxgenjs): the overview, then one slide a
// function with something due, most off track first, each with its figures, a native chart with
// its figures in it (so a board secretary can restyle it), where it falls short and what the owner
// says; then the functions with nothing due, together. The same figures and words as the screen.

export type PresentationFunction = { summary: FunctionSummary; detail: FunctionDetail | null; comment: { body: string; author: string; periodLabel: string } | null };

const BRAND = '12436D';
const DELIVERED = '28A197';
const FONT = 'Arial';
const pounds = (pence: number) => Math.round(pence) / 100;

export async function presentationPptx(portfolio: FunctionList, functions: readonly PresentationFunction[], generatedAt: Date): Promise<Buffer> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE'; // 13.33 × 7.5 in, a 16:9 room screen
  pptx.title = `Collaborated functions: ${portfolio.period.description}`;
  pptx.company = 'Realise';
  pptx.author = 'Realise';
  pptx.subject = `Savings against targets, as at ${portfolio.asAt}; generated ${generatedAt.toISOString()}`;
  const heading = (slide: PptxGenJS.Slide, kicker: string, title: string) => {
    slide.addText(kicker, { x: 0.5, y: 0.3, w: 12.3, h: 0.4, fontFace: FONT, fontSize: 16, color: '505A5F' });
    slide.addText(title, { x: 0.5, y: 0.7, w: 12.3, h: 0.9, fontFace: FONT, fontSize: 36, bold: true, color: '0B0C0C' });
  };
  const figures = (slide: PptxGenJS.Slide, pairs: [string, string][]) =>
    pairs.forEach(([label, value], i) => {
      slide.addText(
        [
          { text: label, options: { fontSize: 16, color: '505A5F', breakLine: true } },
          { text: value, options: { fontSize: 30, bold: true, color: '0B0C0C' } },
        ],
        { x: 0.5 + i * 3.1, y: 1.75, w: 3, h: 1.1, fontFace: FONT, valign: 'top' },
      );
    });
  const kicker = `${portfolio.period.description} · as at ${dateWords(portfolio.asAt)}`;

  // The overview.
  {
    const slide = pptx.addSlide();
    heading(slide, `Overview · ${kicker}`, `Collaborated functions: ${portfolio.period.description}`);
    const t = portfolio.totals;
    figures(slide, [
      ['Target', formatMoneyShort(t.targetPence)],
      ['Delivered', qualified(formatMoneyShort(t.deliveredPence), t.deliveredQualifier)],
      ['Short of target', formatMoneyShort(t.shortfallPence)],
      ['Ahead of target', formatMoneyShort(t.aheadPence)],
    ]);
    const c = portfolio.ragCounts;
    slide.addText(`${c.red} off track · ${c.amber} at risk · ${c.green} on track · ${c.none} no actual yet${c.notInPeriod ? ` · ${c.notInPeriod} with nothing due` : ''}`, {
      x: 0.5, y: 3.0, w: 12.3, h: 0.5, fontFace: FONT, fontSize: 20,
    });
    const offTrack = functions.filter((f) => f.summary.rag === 'red' || f.summary.rag === 'amber').slice(0, 5);
    if (offTrack.length > 0) {
      slide.addText('Most off track', { x: 0.5, y: 3.7, w: 12.3, h: 0.5, fontFace: FONT, fontSize: 22, bold: true });
      slide.addText(
        offTrack.map((f) => ({ text: `${RAG_WORDS[f.summary.rag]}: ${f.summary.name}, ${qualified(formatMoneyShort(f.summary.gapPence), f.summary.gapQualifier)} short`, options: { bullet: true, breakLine: true } })),
        { x: 0.5, y: 4.2, w: 12.3, h: 2.5, fontFace: FONT, fontSize: 20, valign: 'top' },
      );
    }
  }

  // One slide a function.
  functions.forEach(({ summary: fn, detail, comment }, index) => {
    const slide = pptx.addSlide();
    heading(slide, `${index + 1} of ${functions.length} · ${kicker}`, fn.name);
    slide.addText(`${RAG_WORDS[fn.rag]}${fn.usesIllustrativeActuals ? ' · illustrative figures, not from the papers' : ''}`, {
      x: 0.5, y: 1.5, w: 12.3, h: 0.35, fontFace: FONT, fontSize: 16, color: fn.rag === 'red' ? 'D4351C' : fn.rag === 'amber' ? 'B54D00' : fn.rag === 'green' ? '00703C' : '505A5F', bold: true,
    });
    figures(slide, [
      ['Target', qualified(formatMoneyShort(fn.targetPence), fn.targetQualifier)],
      ['Delivered', fn.periodsWithActual === 0 ? 'none yet' : qualified(formatMoneyShort(fn.deliveredPence), fn.deliveredQualifier)],
      ['Gap', fn.gapPence < 0 ? describeVariance(-fn.gapPence, formatMoneyShort, fn.gapQualifier) : qualified(formatMoneyShort(fn.gapPence), fn.gapQualifier)],
      ['Forecast', fn.forecastPence === null ? 'none' : [formatMoneyShort(fn.forecastPence), forecastFromWords(fn.forecastFrom?.map((f) => f.forceName) ?? null, { short: true })].filter(Boolean).join(', ')],
    ]);
    const labels = fn.years.map((y) => y.label);
    slide.addChart(
      pptx.ChartType.bar,
      [
        { name: 'Target', labels, values: fn.years.map((y) => pounds(y.targetPence)) },
        { name: 'Delivered', labels, values: fn.years.map((y) => pounds(y.deliveredPence ?? 0)) },
      ],
      {
        x: 0.5, y: 3.0, w: 7.3, h: 4.1,
        barDir: 'col', barGrouping: 'clustered', chartColors: [BRAND, DELIVERED],
        showLegend: true, legendPos: 'b', legendFontSize: 16, legendFontFace: FONT,
        catAxisLabelFontSize: 16, catAxisLabelFontFace: FONT, valAxisLabelFontSize: 14, valAxisLabelFontFace: FONT,
        valAxisLabelFormatCode: '£#,##0', showValue: false,
        showTitle: true, title: `${fn.name}: target and delivered, by year (£)`, titleFontSize: 16, titleFontFace: FONT,
        altText: fn.years.map((y) => `${y.label}: target ${formatPounds(y.targetPence)}, ${y.deliveredPence === null ? 'no actual yet' : `delivered ${qualified(formatPounds(y.deliveredPence), y.deliveredQualifier)}`}`).join('; '),
      },
    );
    const short = (detail?.lines ?? [])
      .filter((l) => l.inPeriod.rag === 'red' || l.inPeriod.rag === 'amber')
      .sort((a, b) => (a.inPeriod.variancePence ?? 0) - (b.inPeriod.variancePence ?? 0));
    const side: PptxGenJS.TextProps[] = [];
    if (short.length > 0) {
      side.push({ text: 'Where it falls short', options: { bold: true, fontSize: 20, breakLine: true } });
      for (const l of short) side.push({ text: `${l.name}: ${describeVariance(l.inPeriod.variancePence ?? 0, formatMoneyShort, l.inPeriod.varianceQualifier)}`, options: { bullet: true, fontSize: 16, breakLine: true } });
    }
    if (comment) {
      side.push({ text: 'What the owner says', options: { bold: true, fontSize: 20, breakLine: true, paraSpaceBefore: 12 } });
      side.push({ text: `“${comment.body}”`, options: { italic: true, fontSize: 16, breakLine: true } });
      side.push({ text: `On ${comment.periodLabel}, ${comment.author}`, options: { fontSize: 12, color: '505A5F', breakLine: true } });
    }
    if (side.length > 0) slide.addText(side, { x: 8.1, y: 3.0, w: 4.8, h: 4.1, fontFace: FONT, valign: 'top' });
  });

  // The functions with nothing due, together.
  const idle = portfolio.functions.filter((f) => f.years.length === 0);
  if (idle.length > 0) {
    const slide = pptx.addSlide();
    heading(slide, `After the functions · ${kicker}`, `Nothing due in ${portfolio.period.description}`);
    slide.addText(
      idle.map((f) => ({ text: f.name, options: { bullet: true, breakLine: true } })),
      { x: 0.5, y: 1.8, w: 12.3, h: 4, fontFace: FONT, fontSize: 22, valign: 'top' },
    );
    slide.addText('These have no target, actual or forecast in the period.', { x: 0.5, y: 6.3, w: 12.3, h: 0.5, fontFace: FONT, fontSize: 16, color: '505A5F' });
  }
  return (await pptx.write({ outputType: 'nodebuffer' })) as Buffer;
}

/**
 * What the presentation shows, assembled from the figures service (the portfolio and each
 * function's detail, as the screens read them) and each function's latest commentary on the period
 * or a part of it.
 */
export function presentationOf(
  portfolio: FunctionList,
  detailOf: (slug: string) => FunctionDetail | null,
  latestComment: (slug: string) => PresentationFunction['comment'],
): PresentationFunction[] {
  return mostOffTrackFirst(portfolio.functions.filter((f) => f.years.length > 0)).map((summary) => ({ summary, detail: detailOf(summary.slug), comment: latestComment(summary.slug) }));
}
