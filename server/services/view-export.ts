import type { ForceDetail } from '../contracts/forces';
import type { ForceNetBenefit } from '../contracts/costs';
import type { FunctionDetail, FunctionList, PeriodFigures } from '../contracts/functions';
import type { Table } from './tables';
import { fiscalYearWords as fy, forecastFromWords, RAG_WORDS as RAG } from '../contracts/words';

// The figures each dashboard view shows, as tables for download.


// One year's figures, the same columns wherever a download lists years: each qualifier and the
// illustrative mark travel with the figures, variance and status they rest on.
const BY_YEAR_COLUMNS: Table['columns'] = [
  { header: 'Year' },
  { header: 'Target', money: true },
  { header: 'Delivered', money: true },
  { header: 'Forecast', money: true },
  { header: 'Status' },
  { header: 'Variance', money: true },
  { header: 'Target, as the papers word it', width: 22 },
  { header: 'Delivered, as the papers word it', width: 22 },
  { header: 'Variance rests on', width: 18 },
  { header: 'Illustrative' },
  { header: 'Carried from an earlier year', money: true },
];
const byYearRow = (y: PeriodFigures) => [
  fy(y.fy),
  y.targetPence,
  y.deliveredPence,
  y.forecastPence,
  RAG[y.rag]!,
  y.variancePence,
  y.targetQualifier,
  y.deliveredQualifier,
  y.varianceQualifier,
  y.isIllustrative ? 'Yes' : 'No',
  y.carriedPence ?? null,
];

export function portfolioTables(p: FunctionList): Table[] {
  return [
    {
      name: 'Functions',
      columns: [
        { header: 'Function', width: 36 },
        { header: 'Collaboration', width: 40 },
        { header: 'Headline', money: true },
        { header: 'Target', money: true },
        { header: 'Delivered', money: true },
        { header: 'Forecast', money: true },
        { header: 'Forecast is', width: 30 },
        { header: 'Gap', money: true },
        { header: 'Status' },
        { header: 'Illustrative figures', width: 20 },
        { header: 'Delivered, as the papers word it', width: 22 },
        { header: 'Gap rests on', width: 16 },
      ],
      rows: p.functions.map((f) => [
        f.name,
        f.collaborationName,
        f.headlineTargetPence,
        f.targetPence,
        f.periodsWithActual === 0 ? null : f.deliveredPence,
        f.forecastPence,
        f.forecastPence === null ? null : (forecastFromWords(f.forecastFrom?.map((force) => force.forceName) ?? null) ?? 'the whole function’s'),
        f.gapPence,
        f.years.length === 0 ? 'Nothing due' : RAG[f.rag]!,
        [f.usesIllustrativeShares ? 'per-force shares' : '', f.usesIllustrativeActuals ? 'demo actuals' : ''].filter(Boolean).join(', ') || null,
        f.periodsWithActual === 0 ? null : f.deliveredQualifier,
        f.gapQualifier,
      ]),
    },
    {
      name: 'By year',
      columns: [{ header: 'Function', width: 36 }, ...BY_YEAR_COLUMNS],
      rows: p.functions.flatMap((f) => f.years.map((y) => [f.name, ...byYearRow(y)])),
    },
    {
      name: 'Cumulative',
      columns: [{ header: 'Month' }, { header: 'Target to date', money: true }, { header: 'Delivered to date', money: true }],
      rows: p.timeline.map((t) => [t.month, t.cumulativeTargetPence, t.cumulativeDeliveredPence]),
    },
  ];
}

export function functionTables(d: FunctionDetail): Table[] {
  return [
    {
      name: 'By year',
      columns: [...BY_YEAR_COLUMNS, { header: 'Cumulative target', money: true }, { header: 'Cumulative delivered', money: true }, { header: 'Cumulative delivered, as the papers word it', width: 22 }],
      rows: d.years.map((y) => [...byYearRow(y), y.cumulativeTargetPence, y.cumulativeDeliveredPence, y.cumulativeDeliveredQualifier]),
    },
    {
      name: 'Savings lines',
      columns: [
        { header: 'Line', width: 40 },
        { header: 'Category' },
        { header: 'Driver' },
        { header: 'Year' },
        { header: 'Target', money: true },
        { header: 'Delivered', money: true },
        { header: 'As the paper writes it' },
        { header: 'Target, as the papers word it', width: 22 },
        { header: 'Delivered, as the papers word it', width: 22 },
        { header: 'Illustrative' },
        { header: 'Target carried from', width: 18 },
      ],
      rows: d.lines.flatMap((l) =>
        l.years.map((y) => [l.name, l.category, l.driver, fy(y.fy), y.targetPence, y.deliveredPence, y.targetAsWritten, y.targetQualifier, y.deliveredQualifier, y.isIllustrative ? 'Yes' : 'No', y.carriedFrom ? fy(y.carriedFrom) : null]),
      ),
    },
    {
      name: 'By force',
      columns: [{ header: 'Force', width: 30 }, { header: 'Year' }, { header: 'Share (%)' }, { header: 'Basis' }, { header: 'Illustrative' }, { header: 'Target', money: true }, { header: 'Delivered', money: true }],
      rows: d.forces.flatMap((f) => f.years.map((y) => [f.forceName, fy(y.fy), y.shareTenthsPercent / 10, y.basis, y.isIllustrative ? 'Yes' : 'No', y.targetPence, y.deliveredPence])),
    },
  ];
}

/** What each collaboration saves and costs the force (all years to date, whatever the period of the rest). */
export function forceNetTable(net: ForceNetBenefit): Table {
  return {
    name: 'Savings and costs',
    columns: [
      { header: 'Collaboration', width: 40 },
      { header: 'Savings promised', money: true },
      { header: 'Savings delivered', money: true },
      { header: 'Costs', money: true },
      { header: 'Net, planned', money: true },
      { header: 'Net, delivered', money: true },
      { header: 'Costs split equally in some year (Realise’s assumption)' },
      { header: 'Savings illustrative' },
    ],
    rows: [
      ...net.collaborations.map((c) => [c.collaboration.name, c.targetPence, c.deliveredPence, c.costsPence, c.netPlannedPence, c.netDeliveredPence, c.costsRestOnAssumption ? 'Yes' : 'No', c.savingsAreIllustrative ? 'Yes' : 'No']),
      ['All its collaborations', net.totals.targetPence, net.totals.deliveredPence, net.totals.costsPence, net.totals.netPlannedPence, net.totals.netDeliveredPence, null, null],
    ],
  };
}

export function forceTables(d: ForceDetail, net?: ForceNetBenefit): Table[] {
  return [
    {
      name: 'By function',
      columns: [{ header: 'Function', width: 36 }, { header: 'Its target', money: true }, { header: 'Delivered', money: true }, { header: 'Function’s target', money: true }, { header: 'Illustrative' }],
      rows: d.functions.map((f) => [f.name, f.targetPence, f.deliveredPence, f.functionTargetPence, f.isIllustrative ? 'Yes' : 'No']),
    },
    {
      name: 'Shares by year',
      columns: [{ header: 'Function', width: 36 }, { header: 'Year' }, { header: 'Share (%)' }, { header: 'Basis' }, { header: 'Its target', money: true }, { header: 'Delivered', money: true }, { header: 'Note', width: 60 }],
      rows: d.functions.flatMap((f) => f.years.map((y) => [f.name, fy(y.fy), y.shareTenthsPercent / 10, y.basis, y.targetPence, y.deliveredPence, y.note])),
    },
    {
      name: 'Memberships',
      columns: [{ header: 'Collaboration', width: 40 }, { header: 'Joined' }, { header: 'Left' }],
      rows: d.memberships.map((m) => [m.collaborationName, m.joinedOn, m.leftOn]),
    },
    ...(net ? [forceNetTable(net)] : []),
  ];
}
