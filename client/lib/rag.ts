import type { FunctionSummary } from '../../server/contracts/functions';

const SEVERITY = { red: 0, amber: 1, none: 2, green: 3 } as const;

/** Most off track first: red, amber, no actual yet, on track, then nothing due; within each, the largest shortfall. */
export function mostOffTrackFirst(functions: readonly FunctionSummary[]): FunctionSummary[] {
  const weight = (f: FunctionSummary) => (f.years.length === 0 ? 4 : SEVERITY[f.rag]);
  const shortfall = (f: FunctionSummary) => (f.targetPence === 0 ? 0 : f.gapPence / f.targetPence);
  return [...functions].sort((a, b) => weight(a) - weight(b) || shortfall(b) - shortfall(a));
}
