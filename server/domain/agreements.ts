// Where a section 22A agreement stands on a date, from its dated, sourced milestones: in force,
// not yet commenced, or past its last end date with nothing after it in the papers (ended, or
// renewed without Realise being told: never "current" for ever). Papers give dates as precisely as
// they know them (2016, 2016-11, 2016-11-28); a date is compared at its own precision.

export type MilestoneFact = { kind: string; date: string; description: string; sourceId: string; about: string | null };

export type AgreementStatus =
  | { kind: 'in-force'; endsOn: string | null; latestRecorded: string }
  | { kind: 'not-commenced'; startsOn: string }
  | { kind: 'ended-or-unknown'; endedOn: string }
  | { kind: 'unknown' };

/** On or before the day, a date at its own precision: "2016-11" is on or before 2016-11-15. */
const onOrBefore = (date: string, today: string) => date <= today.slice(0, date.length);
/** The last day a date can mean: "2016" → 2016-12-31, "2016-11" → 2016-11-30. */
export function lastDayOf(date: string): string {
  if (date.length === 10) return date;
  if (date.length === 4) return `${date}-12-31`;
  const [y, m] = date.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

const STARTS = new Set(['signed', 'commences', 'go-live']);

export function agreementStatus(milestones: readonly MilestoneFact[], today: string): AgreementStatus {
  // Sorted by the last day each can mean, so "2021" comes after "2021-03-31".
  const ends = milestones.filter((m) => m.kind === 'expires').map((m) => m.date).sort((a, b) => (lastDayOf(a) < lastDayOf(b) ? -1 : lastDayOf(a) > lastDayOf(b) ? 1 : 0));
  const starts = milestones.filter((m) => STARTS.has(m.kind)).map((m) => m.date).sort();
  const lastEnd = ends.at(-1) ?? null;
  if (lastEnd !== null && lastDayOf(lastEnd) < today) return { kind: 'ended-or-unknown', endedOn: lastEnd };
  if (starts.length === 0) return { kind: 'unknown' };
  if (!starts.some((d) => onOrBefore(d, today))) return { kind: 'not-commenced', startsOn: starts[0]! };
  // With no end date, how old the papers' word on it is says how far "in force" can be trusted.
  const latestRecorded = milestones.map((m) => m.date).filter((d) => onOrBefore(d, today)).sort().at(-1)!;
  return { kind: 'in-force', endsOn: lastEnd, latestRecorded };
}

/** The last day of the "falls due" window: today plus so many months. */
export function dueUntil(today: string, months: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  // The same day so many months on, or that month's last day (31 January + 1 month: 28 or 29 February).
  const lastOfMonth = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastOfMonth))).toISOString().slice(0, 10);
}

/** The review or end dates from today to the end of the window (today plus so many months). */
export function fallingDue(milestones: readonly MilestoneFact[], today: string, months: number): MilestoneFact[] {
  const until = dueUntil(today, months);
  return milestones.filter((ms) => (ms.kind === 'review' || ms.kind === 'expires') && lastDayOf(ms.date) >= today && ms.date.slice(0, 10) <= until);
}

/**
 * A review whose date has passed with no later review, extension or end recorded: the papers do not
 * say it happened. Listed as a question for the programme office, not as a fact.
 */
export function reviewsNotRecorded(milestones: readonly MilestoneFact[], today: string): MilestoneFact[] {
  return milestones.filter(
    (r) => r.kind === 'review' && lastDayOf(r.date) < today && !milestones.some((later) => later !== r && ['review', 'extended'].includes(later.kind) && later.date > r.date),
  );
}

/** Dates the papers disagree on: two or more claims about one thing, each with its source. */
export function disagreements(milestones: readonly MilestoneFact[]): { about: string; claims: MilestoneFact[] }[] {
  const byAbout = new Map<string, MilestoneFact[]>();
  for (const m of milestones) if (m.about) byAbout.set(m.about, [...(byAbout.get(m.about) ?? []), m]);
  return [...byAbout].filter(([, claims]) => new Set(claims.map((c) => c.date)).size > 1).map(([about, claims]) => ({ about, claims }));
}
