import type { FunctionSummary } from '../../server/contracts/functions';

/** Worst first: red, amber, no actual yet, on track. */
export const SEVERITY = { red: 0, amber: 1, none: 2, green: 3 } as const;

/** "1 of 4 years with an actual": how much of a function's plan has been reported. */
export function reportingLine(fn: FunctionSummary): string {
  const periods = fn.periodsWithActual + fn.periodsWithoutActual;
  if (periods === 0) return 'nothing due in this period';
  const noun = fn.firstFiscalYear === null ? 'period' : 'year';
  return `${fn.periodsWithActual} of ${periods} ${noun}${periods === 1 ? '' : 's'} with an actual`;
}

/** Most off track first: red, amber, no actual yet, on track, then nothing due; within each, the largest shortfall. */
export function mostOffTrackFirst(functions: readonly FunctionSummary[]): FunctionSummary[] {
  const weight = (f: FunctionSummary) => (f.years.length === 0 ? 4 : SEVERITY[f.rag]);
  const shortfall = (f: FunctionSummary) => (f.targetPence === 0 ? 0 : f.gapPence / f.targetPence);
  return [...functions].sort((a, b) => weight(a) - weight(b) || shortfall(b) - shortfall(a));
}
