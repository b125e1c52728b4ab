import type { FunctionSummary } from '../../server/contracts/functions';

export { chartOfMostOffTrack, mostOffTrackFirst, SEVERITY } from '../../server/domain/rag';

/** "1 of 4 years with an actual": how much of a function's plan has been reported. */
export function reportingLine(fn: FunctionSummary): string {
  const periods = fn.periodsWithActual + fn.periodsWithoutActual;
  if (periods === 0) return 'nothing due in this period';
  const noun = fn.firstFiscalYear === null ? 'period' : 'year';
  return `${fn.periodsWithActual} of ${periods} ${noun}${periods === 1 ? '' : 's'} with an actual`;
}

