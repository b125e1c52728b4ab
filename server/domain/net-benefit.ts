// Savings set against costs, year by year and to date, and the year the savings to date first
// cover the costs to date (the payback year). Pure: the service gathers the figures.
import { sumPence } from './money';

export type YearMoney = {
  fy: string;
  /** What the business cases promised in the year. */
  targetPence: number;
  /** What was delivered in the year; null when no actual is recorded yet. */
  deliveredPence: number | null;
  costsPence: number;
};

export type YearNet = YearMoney & {
  /** Planned net benefit: the target less the costs. */
  netPlannedPence: number;
  /** Delivered net benefit: what was delivered less the costs; null with no actual yet. */
  netDeliveredPence: number | null;
  cumulativeNetPlannedPence: number;
  /** null from the first year with no actual: a running total cannot pass over a year it lacks. */
  cumulativeNetDeliveredPence: number | null;
};

export type NetBenefit = {
  years: YearNet[];
  totals: { targetPence: number; deliveredPence: number; costsPence: number; netPlannedPence: number; netDeliveredPence: number };
  /** The first year by whose end the savings to date cover the costs to date, once there are costs; null if none does. */
  payback: { planned: string | null; delivered: string | null };
};

/** The first year whose running total is at or above nothing, after costs have begun. */
function paybackYear(years: readonly { fy: string; costsPence: number }[], cumulative: readonly (number | null)[]): string | null {
  let costsSoFar = 0;
  for (let i = 0; i < years.length; i += 1) {
    costsSoFar += years[i]!.costsPence;
    const toDate = cumulative[i];
    if (toDate === null || toDate === undefined) return null;
    if (costsSoFar > 0 && toDate >= 0) return years[i]!.fy;
  }
  return null;
}

/** Years in order (the caller gives one entry a year, earliest first). */
export function netBenefitByYear(years: readonly YearMoney[]): NetBenefit {
  let plannedToDate = 0;
  let deliveredToDate: number | null = 0;
  const out: YearNet[] = years.map((year) => {
    const netPlannedPence = year.targetPence - year.costsPence;
    const netDeliveredPence = year.deliveredPence === null ? null : year.deliveredPence - year.costsPence;
    plannedToDate += netPlannedPence;
    deliveredToDate = deliveredToDate === null || netDeliveredPence === null ? null : deliveredToDate + netDeliveredPence;
    return { ...year, netPlannedPence, netDeliveredPence, cumulativeNetPlannedPence: plannedToDate, cumulativeNetDeliveredPence: deliveredToDate };
  });
  const targetPence = sumPence(years.map((y) => y.targetPence));
  const deliveredPence = sumPence(years.map((y) => y.deliveredPence ?? 0));
  const costsPence = sumPence(years.map((y) => y.costsPence));
  return {
    years: out,
    totals: { targetPence, deliveredPence, costsPence, netPlannedPence: targetPence - costsPence, netDeliveredPence: deliveredPence - costsPence },
    payback: { planned: paybackYear(out, out.map((y) => y.cumulativeNetPlannedPence)), delivered: paybackYear(out, out.map((y) => y.cumulativeNetDeliveredPence)) },
  };
}

/** A recorded cost in the years Realise counts: a one-off in its year, a recurring one in its year and each after. */
export function costInYears(cost: { fiscalYear: string; kind: 'one-off' | 'recurring'; amountPence: number }, years: readonly string[]): Map<string, number> {
  const inYears = new Map<string, number>();
  for (const fy of years) {
    if (cost.kind === 'one-off' ? fy === cost.fiscalYear : fy >= cost.fiscalYear) inYears.set(fy, cost.amountPence);
  }
  return inYears;
}

export type ForceMoney = { targetPence: number; deliveredPence: number; costsPence: number };

/** One force's savings, costs and net benefit added up over the collaborations it belongs to. */
export function forceNetTotals(rows: readonly ForceMoney[]): NetBenefit['totals'] {
  const targetPence = sumPence(rows.map((r) => r.targetPence));
  const deliveredPence = sumPence(rows.map((r) => r.deliveredPence));
  const costsPence = sumPence(rows.map((r) => r.costsPence));
  return { targetPence, deliveredPence, costsPence, netPlannedPence: targetPence - costsPence, netDeliveredPence: deliveredPence - costsPence };
}
