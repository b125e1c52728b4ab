import type { ReportBenefit, ReportChange, ReportComparison, ReportContent, ReportFigures, ReportPeriods } from '../contracts/reports';

// What changed between two reports, function by function: every figure, RAG, the latest
// commentary and each benefit's latest measure, with its value in each.

const PERIODS: { key: keyof ReportPeriods; words: string }[] = [
  { key: 'half', words: 'in the half' },
  { key: 'yearToDate', words: 'year to date' },
  { key: 'sinceStart', words: 'since the start' },
];

const FIGURES: { key: keyof ReportFigures; words: string; kind: ReportChange['kind'] }[] = [
  { key: 'targetPence', words: 'Target', kind: 'money' },
  { key: 'deliveredPence', words: 'Delivered', kind: 'money' },
  { key: 'forecastPence', words: 'Forecast', kind: 'money' },
  { key: 'variancePence', words: 'Variance', kind: 'money' },
  { key: 'rag', words: 'Status', kind: 'rag' },
];

function figureChanges(before: ReportPeriods | null, after: ReportPeriods | null): ReportChange[] {
  return PERIODS.flatMap((period) =>
    FIGURES.flatMap((figure) => {
      const a = before ? (before[period.key][figure.key] as number | string | null) : null;
      const b = after ? (after[period.key][figure.key] as number | string | null) : null;
      return a === b ? [] : [{ field: `${period.key}.${figure.key}`, label: `${figure.words} ${period.words}`, kind: figure.kind, before: a, after: b }];
    }),
  );
}

const measureOf = (b: ReportBenefit | undefined) => {
  if (!b?.latest) return null;
  const value = b.latest.valueMilli / 1000;
  return `${value}${b.unit === '%' ? '%' : b.unit ? ` ${b.unit}` : ''} on ${b.latest.measuredOn}`;
};

export function compareReports(from: ReportContent, to: ReportContent): Pick<ReportComparison, 'summary' | 'functions'> {
  const summary: ReportChange[] = [
    ...figureChanges(from.summary, to.summary),
    ...(['green', 'amber', 'red', 'none'] as const).flatMap((rag) =>
      from.summary.ragCounts[rag] === to.summary.ragCounts[rag]
        ? []
        : [{ field: `ragCounts.${rag}`, label: `Functions ${{ green: 'on track', amber: 'at risk', red: 'off track', none: 'with no actual yet' }[rag]} in the half`, kind: 'count' as const, before: from.summary.ragCounts[rag], after: to.summary.ragCounts[rag] }],
    ),
  ];

  const slugs = [...new Set([...from.functions.map((f) => f.slug), ...to.functions.map((f) => f.slug)])];
  const functions = slugs.map((slug) => {
    const a = from.functions.find((f) => f.slug === slug);
    const b = to.functions.find((f) => f.slug === slug);
    const changes: ReportChange[] = [
      ...(a?.hasSavingsPlan || b?.hasSavingsPlan ? figureChanges(a?.hasSavingsPlan ? a.figures : null, b?.hasSavingsPlan ? b.figures : null) : []),
    ];
    const commentBefore = a?.commentary[0]?.body ?? null;
    const commentAfter = b?.commentary[0]?.body ?? null;
    if (commentBefore !== commentAfter) changes.push({ field: 'commentary', label: 'Latest commentary', kind: 'text', before: commentBefore, after: commentAfter });
    const numbers = [...new Set([...(a?.benefits ?? []), ...(b?.benefits ?? [])].map((x) => x.number))];
    for (const number of numbers) {
      const x = a?.benefits.find((y) => y.number === number);
      const y = b?.benefits.find((z) => z.number === number);
      if (measureOf(x) !== measureOf(y)) changes.push({ field: `benefits.${number}.latest`, label: `${number} latest measure`, kind: 'text', before: measureOf(x), after: measureOf(y) });
      if ((x?.rag ?? null) !== (y?.rag ?? null)) changes.push({ field: `benefits.${number}.rag`, label: `${number} status`, kind: 'text', before: x?.rag ?? null, after: y?.rag ?? null });
    }
    const status: 'changed' | 'unchanged' | 'added' | 'removed' = !a ? 'added' : !b ? 'removed' : changes.length > 0 ? 'changed' : 'unchanged';
    return { slug, name: (b ?? a)!.name, status, changes };
  });
  return { summary, functions };
}
