// The words a figure is written with, one way on every screen, in every download and in the PDF.
// Here because both the dashboard and the server use them (the client imports only contracts).

/** A figure as the paper words it: "over £200,000", "circa £1.507m"; the figure alone when exact. */
export function qualified(text: string, qualifier: string | null | undefined): string {
  return qualifier ? `${qualifier} ${text}` : text;
}

/**
 * A variance in words as well as a sign, with what it rests on: "£90k ahead", "at least £90k ahead"
 * (delivered "over £200k"), "approximately £0.16m short", "on target".
 */
export function describeVariance(variancePence: number, format: (pence: number) => string, qualifier?: string | null): string {
  if (variancePence === 0) return qualifier ? `${qualifier} on target` : 'on target';
  return qualified(`${format(Math.abs(variancePence))} ${variancePence > 0 ? 'ahead' : 'short'}`, qualifier);
}
