import type { CurrentSession } from '../auth/service';
import { wasMemberDuring } from '../domain/membership';
import type { LedgerEntry } from '../contracts/ledger-entries';
import { fiscalYearEnd, fiscalYearStart } from '../domain/fiscal';
import { fiscalYearWords } from '../contracts/words';
import { recordAudit } from '../db/audit';
import type { Db } from '../db/connection';
import type { LedgerEntryRepository } from '../db/repositories/ledger-entries';
import { BULK_FROM, createRollupMaintenance } from '../db/repositories/rollups';
import { isAllowed, refusalMessage, type Action } from '../domain/permissions';
import { entryProblems, type Problem } from '../domain/recording';
import { splitBetweenForces } from '../domain/rollup';
import { formatPounds } from '../domain/money';

// Recording actuals and forecasts: one figure from the record page, a grid of them from "my
// figures", or a file's rows from import all go through one plan, so the rules are the same.
//
// How a line's year is recorded. Each line, measure and financial year is recorded one way: by
// month or for the whole year, and for the function as a whole or by force. A function owner may
// record either way; a force's editor records their own force's figures. When a force's figure
// arrives for a line and year recorded for the function as a whole, each whole-function figure of
// that year is split into the forces' parts by the year's shares (to the penny, largest remainder),
// each part marked as split, and the force's figure then takes the place of its part. From then on
// the year is recorded by force and the function's figure is the forces' sum: nothing counts
// twice, and no money disappears. The split is audited with the figure before and the parts after.

export type NewEntry = {
  lineId: number;
  measure: 'actual' | 'forecast';
  fiscalYear: string;
  month?: string | null | undefined;
  force?: string | null | undefined;
  amountPence: number;
};

export type Outcome =
  | { ok: true; entry: LedgerEntry | null }
  | { ok: false; kind: 'invalid'; message: string; issues: Problem[] }
  | { ok: false; kind: 'not-found'; message: string }
  | { ok: false; kind: 'forbidden'; message: string }
  | { ok: false; kind: 'conflict'; message: string; current: LedgerEntry | null }
  | { ok: false; kind: 'from-paper'; message: string };

/** A rule a figure breaks; `kind` says which answer it calls for: not yours to record (403), recorded another way (409). */
export type PlanProblem = Problem & { kind?: 'forbidden' | 'conflict' };

/** What one figure of a plan would do. */
export type FigureOutcome =
  | { index: number; action: 'add' | 'change' | 'unchanged'; fromPence: number | null; toPence: number; splitsWhole: boolean }
  | { index: number; action: 'error'; errors: PlanProblem[]; current?: LedgerEntry | null };

/** version: the version of the figure the person saw (null: none was recorded); left out, what is recorded now is changed (an import). */
type Figure = { lineId: number; measure: 'actual' | 'forecast'; fiscalYear: string; month: string | null; force: string | null; amountPence: number; version?: number | null };
type Split = { whole: LedgerEntry; parts: { force: string; amountPence: number }[]; note: string };
type Write = { index: number; figure: Figure; existing: LedgerEntry | null };
export type Plan = { outcomes: FigureOutcome[]; splits: Split[]; writes: Write[] };

/** How an entry is recorded, in words: "by month, for the function as a whole". */
const periodKey = (e: { month: string | null; force: string | null }) => `${e.month ?? ''}|${e.force ?? ''}`;

export function createRecording({ db, entries, now }: { db: Db; entries: LedgerEntryRepository; now: () => Date }) {
  const today = () => now().toISOString().slice(0, 10);
  const rollups = createRollupMaintenance(db);
  const audit = (session: CurrentSession, action: string, id: number, before: unknown, after: unknown) =>
    recordAudit(db, { at: now().toISOString(), actor: session.user.email, action, entity: 'ledger_entry', entityId: String(id), before, after });

  /**
   * Checks every figure against the rules and what is recorded, and works out what each would do,
   * without writing anything. `existing: 'refuse'` answers a figure for a period already recorded
   * with a conflict (one figure from the record page); 'change' changes it (a grid or a file).
   */
  function plan(session: CurrentSession, figures: readonly Figure[], options: { existing: 'refuse' | 'change' }): Plan {
    const outcomes: FigureOutcome[] = [];
    const lines = new Map<number, ReturnType<LedgerEntryRepository['line']>>();
    const lineOf = (id: number) => {
      if (!lines.has(id)) lines.set(id, entries.line(id));
      return lines.get(id)!;
    };
    const context = new Map<number, { lineYears: string[]; members: { force: string; joinedOn: string; leftOn: string | null }[] }>();

    // First each figure on its own: the line, permission and the ledger's rules.
    const checked = figures.map((figure, index) => {
      const line = lineOf(figure.lineId);
      if (!line) return { index, figure, line: null, errors: [{ path: 'lineId', message: `There is no savings line ${figure.lineId}.` }] as PlanProblem[] };
      let ctx = context.get(line.id);
      if (!ctx) {
        ctx = { lineYears: entries.lineYears(line.id), members: entries.members(line.collaboration) };
        context.set(line.id, ctx);
      }
      const errors: PlanProblem[] = entryProblems(figure, { today: today(), functionName: line.functionName, retiredOn: line.retiredOn, ...ctx });
      const action: Action = { kind: 'record', function: line.function, force: figure.force };
      if (!isAllowed(session.user.grants, action)) errors.unshift({ path: figure.force === null ? 'lineId' : 'force', message: refusalMessage(action), kind: 'forbidden' });
      return { index, figure, line, errors };
    });

    // Then each line, measure and year together: one way of recording, and the split of a whole-function figure.
    const groups = new Map<string, typeof checked>();
    for (const c of checked) {
      const key = `${c.figure.lineId}|${c.figure.measure}|${c.figure.fiscalYear}`;
      const group = groups.get(key);
      if (group) group.push(c);
      else groups.set(key, [c]);
    }
    const splits: Split[] = [];
    const writes: Write[] = [];
    for (const group of groups.values()) {
      const { lineId, measure, fiscalYear } = group[0]!.figure;
      const line = group[0]!.line;
      const recorded = line ? entries.sameYear(lineId, measure, fiscalYear) : [];
      const year = fiscalYearWords(fiscalYear);
      // Only figures with nothing else wrong decide how the year is being recorded, so one bad row does not mislead the rest.
      const valid = group.filter((c) => c.errors.length === 0);
      const wholeRecorded = recorded.filter((e) => e.force === null);
      const forceRecorded = recorded.filter((e) => e.force !== null);
      const incomingByForce = valid.some((c) => c.figure.force !== null);
      const incomingWhole = valid.some((c) => c.figure.force === null);
      const incomingByMonth = valid.some((c) => c.figure.month !== null);
      const incomingByYear = valid.some((c) => c.figure.month === null);
      // Recorded already: the way it is recorded. Nothing yet: the figures must agree among themselves.
      const byMonth: boolean | 'mixed' = recorded.length > 0 ? recorded[0]!.month !== null : incomingByMonth && incomingByYear ? 'mixed' : incomingByMonth;
      const bothWays = incomingByForce && incomingWhole;
      const fromPaper = wholeRecorded.find((e) => e.sourceId !== null);
      const shares = line && incomingByForce && !bothWays && wholeRecorded.length > 0 && !fromPaper ? entries.shares(line.function, fiscalYear) : [];
      const splitting = shares.length > 0;
      let splitProblem: string | null = null;
      if (splitting) {
        const basis = shares.every((s) => s.basis === 'equal') ? 'equal shares' : shares.map((s) => `${s.force} ${(s.tenthsPercent / 10).toFixed(1)}%`).join(', ');
        const note = `Split from the figure for the function as a whole by the ${year} shares (${basis}${shares.some((s) => s.isIllustrative) ? ', illustrative' : ''})`;
        for (const whole of wholeRecorded) {
          const parts = [...splitBetweenForces(whole.amountPence, shares).entries()].filter(([force]) => shares.some((s) => s.force === force && s.tenthsPercent > 0));
          splits.push({ whole, parts: parts.map(([force, amountPence]) => ({ force, amountPence })), note });
          // A part for a force that was not a member in the whole figure's period (it had left, or not yet joined) is not made.
          const start = whole.month !== null ? `${whole.month}-01` : fiscalYearStart(fiscalYear);
          const end = whole.month !== null ? `${whole.month}-31` : fiscalYearEnd(fiscalYear);
          const members = line ? (context.get(line.id)?.members ?? []) : [];
          const outside = parts.map(([force]) => force).find((force) => !wasMemberDuring(members, force, start, end));
          if (outside && !splitProblem) {
            splitProblem = `${year}'s shares give ${outside} a part of the figure for the function as a whole for ${whole.month ?? year}, but ${outside} was not a member of the collaboration then. Ask a programme officer to correct the year's shares, or record for the function as a whole.`;
          }
        }
      }
      // What is recorded once any split is made: the parts stand where the whole figures were.
      const after = new Map<string, LedgerEntry | { part: number }>();
      for (const e of recorded) if (!(e.force === null && splitting)) after.set(periodKey(e), e);
      if (splitting) for (const whole of wholeRecorded) for (const p of splits.find((s) => s.whole.id === whole.id)!.parts) after.set(periodKey({ month: whole.month, force: p.force }), { part: p.amountPence });

      const seen = new Map<string, number>();
      for (const c of group) {
        const { figure } = c;
        const errors: PlanProblem[] = [...c.errors];
        if (line && errors.length === 0) {
          if (byMonth === 'mixed') {
            errors.push({ path: 'month', message: `Give every ${measure} of this line for ${year} by month, or every one for the whole year, not some of each.` });
          } else if ((figure.month !== null) !== byMonth) {
            errors.push({
              path: 'month',
              kind: 'conflict',
              message: byMonth
                ? `This line's ${measure}s for ${year} are recorded by month: give the month.`
                : `This line's ${measure}s for ${year} are recorded for the whole year: leave the month blank.`,
            });
          } else if (figure.force !== null && splitProblem) {
            errors.push({ path: 'force', kind: 'conflict', message: splitProblem });
          } else if (bothWays) {
            errors.push({ path: 'force', message: `Record this line's ${measure}s for ${year} either for the function as a whole or by force, not both at once.` });
          } else if (figure.force === null && forceRecorded.length > 0) {
            const forces = [...new Set(forceRecorded.map((e) => e.force!))].sort();
            errors.push({ path: 'force', kind: 'conflict', message: `This line's ${measure}s for ${year} are recorded by force (${forces.join(', ')}): give the force, or correct that force's figure.` });
          } else if (figure.force !== null && wholeRecorded.length > 0 && !splitting) {
            errors.push({
              path: 'force',
              ...(fromPaper ? {} : { kind: 'conflict' as const }),
              message: fromPaper
                ? `This line's ${measure} for ${year} is the board paper's figure for the function as a whole, kept as the paper gives it; it cannot be split between forces.`
                : `This line's ${measure}s for ${year} are recorded for the function as a whole, and ${year} has no shares between forces to split them by. Ask the function owner to record shares, or record for the function as a whole.`,
            });
          }
        }
        const key = periodKey(figure);
        if (errors.length === 0 && seen.has(key)) errors.push({ path: 'month', message: `Figure ${seen.get(key)! + 1} is for the same line, period and force.` });
        seen.set(key, c.index);
        const there = after.get(key);
        const current = there && !('part' in there) ? there : null;
        // The same figure again (a backup re-imported) is unchanged; a different one would overwrite the paper's.
        if (errors.length === 0 && current?.sourceId && current.amountPence !== figure.amountPence) {
          errors.push({ path: 'amountPence', message: 'This figure is from a board paper and is kept as the paper gives it.' });
        }
        // A figure changed, or recorded, by someone else since the person saw it: theirs is not overwritten.
        if (errors.length === 0 && figure.version !== undefined && (current?.version ?? null) !== figure.version) {
          errors.push({
            path: 'amountPence',
            message: current
              ? `${current.recordedBy} changed this figure to ${formatPounds(current.amountPence)} after you opened the page. Reload to see it, then make your change again.`
              : 'This figure was removed after you opened the page. Reload to see the figures as they stand.',
          });
        }
        if (errors.length > 0) {
          outcomes.push({ index: c.index, action: 'error', errors, ...(figure.version !== undefined && errors.some((e) => / after you opened the page/.test(e.message)) ? { current } : {}) });
          continue;
        }
        if (current && options.existing === 'refuse') {
          outcomes.push({ index: c.index, action: 'error', errors: [{ path: 'amountPence', message: 'A figure is already recorded for this line, period and force. Change that one instead.' }], current });
          continue;
        }
        const fromPence = there ? ('part' in there ? there.part : there.amountPence) : null;
        const action = there === undefined ? 'add' : fromPence === figure.amountPence && current ? 'unchanged' : 'change';
        outcomes.push({ index: c.index, action, fromPence, toPence: figure.amountPence, splitsWhole: splitting });
        if (action !== 'unchanged') writes.push({ index: c.index, figure, existing: current });
      }
    }
    outcomes.sort((a, b) => a.index - b.index);
    return { outcomes, splits, writes };
  }

  /** Makes a plan's writes in one transaction, each audited; nothing if any figure has an error. */
  function apply(session: CurrentSession, planned: Plan, because: Record<string, unknown> = {}): number[] {
    if (planned.outcomes.some((o) => o.action === 'error')) throw new Error('A plan with errors cannot be applied');
    const at = now().toISOString();
    const reportedOn = today();
    // A large plan (an import) keeps the roll-ups once, at the end, rather than entry by entry.
    const touched = [...planned.writes.map((w) => w.figure), ...planned.splits.map((s) => s.whole)];
    const keeping = <T>(write: () => T): T => (touched.length >= BULK_FROM ? rollups.bulk(touched, write) : write());
    return db.transaction(() => keeping(() => {
      // The split parts written where a force's own figure is not about to take their place.
      const incoming = new Set(planned.writes.map((w) => `${w.figure.lineId}|${w.figure.measure}|${w.figure.fiscalYear}|${periodKey(w.figure)}`));
      for (const s of planned.splits) {
        if (!entries.delete(s.whole.id, s.whole.version)) throw new StaleWrite(entries.byId(s.whole.id));
        const parts = s.parts.map((p) => {
          const taken = incoming.has(`${s.whole.lineId}|${s.whole.measure}|${s.whole.fiscalYear}|${periodKey({ month: s.whole.month, force: p.force })}`);
          const id = taken ? null : entries.insertPart({ whole: s.whole, force: p.force, amountPence: p.amountPence, note: s.note, recordedAt: at });
          // Each part's own history starts here, with where its money came from.
          if (id !== null) {
            audit(session, 'split-part', id, null, { id, lineId: s.whole.lineId, measure: s.whole.measure, fiscalYear: s.whole.fiscalYear, month: s.whole.month, force: p.force, amountPence: p.amountPence, periodNote: s.note, fromEntry: s.whole.id, ...because });
          }
          return { force: p.force, amountPence: p.amountPence, id, replacedBy: taken ? session.user.email : null };
        });
        audit(session, 'split', s.whole.id, s.whole, { parts, note: s.note, ...because });
      }
      // The audit's after-image is built from what was written, not read back: an import writes tens of thousands.
      return planned.writes.map((w) => {
        const written = { amountPence: w.figure.amountPence, recordedAt: at, recordedBy: session.user.email, reportedOn, isIllustrative: false, periodNote: null };
        if (w.existing) {
          if (!entries.update({ id: w.existing.id, version: w.existing.version, amountPence: w.figure.amountPence, recordedAt: at, recordedBy: session.user.email, reportedOn })) throw new StaleWrite(entries.byId(w.existing.id));
          audit(session, 'change', w.existing.id, w.existing, { ...w.existing, ...written, version: w.existing.version + 1, ...because });
          return w.existing.id;
        }
        const id = entries.insert({ ...w.figure, reportedOn, recordedAt: at, recordedBy: session.user.email });
        audit(session, 'record', id, null, { id, ...w.figure, ...written, version: 1, ...because });
        return id;
      });
    }))();
  }

  /**
   * Checks the figures and, if every one is right, writes them: both in one transaction that holds
   * the write lock from the start, so nothing another person writes can slip in between.
   */
  function save(session: CurrentSession, figures: readonly Figure[], options: { existing: 'refuse' | 'change' }, because: Record<string, unknown> = {}): { planned: Plan; ids: number[] | null } {
    return db
      .transaction(() => {
        const planned = plan(session, figures, options);
        if (planned.outcomes.some((o) => o.action === 'error')) return { planned, ids: null };
        return { planned, ids: apply(session, planned, because) };
      })
      .immediate();
  }

  const firstProblem = (outcome: Extract<FigureOutcome, { action: 'error' }>): Outcome => {
    const refused = outcome.errors.find((e) => e.kind === 'forbidden');
    if (refused) return { ok: false, kind: 'forbidden', message: refused.message };
    if (outcome.current !== undefined) return { ok: false, kind: 'conflict', message: outcome.errors[0]!.message, current: outcome.current };
    if (outcome.errors.some((e) => e.kind === 'conflict')) return { ok: false, kind: 'conflict', message: outcome.errors[0]!.message, current: null };
    return { ok: false, kind: 'invalid', message: outcome.errors[0]!.message, issues: outcome.errors };
  };

  return {
    plan,
    apply,
    save,

    /** What permission recording this needs: for a force, or for the function as a whole. */
    actionFor(lineId: number, force: string | null): Action | null {
      const line = entries.line(lineId);
      return line ? { kind: 'record', function: line.function, force } : null;
    },

    /** One figure from the record page: a figure for a period already recorded is refused, to be changed instead. */
    create(session: CurrentSession, input: NewEntry): Outcome {
      if (!entries.line(input.lineId)) return { ok: false, kind: 'not-found', message: `There is no savings line ${input.lineId}.` };
      const figure: Figure = { ...input, month: input.month ?? null, force: input.force ?? null };
      const { planned, ids } = save(session, [figure], { existing: 'refuse' });
      const outcome = planned.outcomes[0]!;
      if (outcome.action === 'error' || ids === null) return firstProblem(outcome as Extract<FigureOutcome, { action: 'error' }>);
      return { ok: true, entry: entries.byId(ids[0]!) };
    },

    /** A change to one figure; a person's correction of an illustrative figure is no longer illustrative. */
    update(session: CurrentSession, id: number, amountPence: number, version: number, reason: string | null = null): Outcome {
      const before = entries.byId(id);
      if (!before) return { ok: false, kind: 'not-found', message: `There is no ledger entry ${id}.` };
      if (before.sourceId !== null) return { ok: false, kind: 'from-paper', message: 'This figure is from a board paper and is kept as the paper gives it.' };
      if (before.version !== version) return stale(before);
      const changed = db.transaction(() => {
        if (!entries.update({ id, version, amountPence, recordedAt: now().toISOString(), recordedBy: session.user.email, reportedOn: today() })) return false;
        audit(session, 'change', id, before, { ...entries.byId(id), ...(reason ? { reason } : {}) });
        return true;
      })();
      return changed ? { ok: true, entry: entries.byId(id) } : stale(entries.byId(id));
    },

    remove(session: CurrentSession, id: number, version: number, reason: string | null = null): Outcome {
      const before = entries.byId(id);
      if (!before) return { ok: false, kind: 'not-found', message: `There is no ledger entry ${id}.` };
      if (before.sourceId !== null) return { ok: false, kind: 'from-paper', message: 'This figure is from a board paper and is kept as the paper gives it.' };
      if (before.version !== version) return stale(before);
      const removed = db.transaction(() => {
        if (!entries.delete(id, version)) return false;
        audit(session, 'remove', id, before, reason ? { reason } : null);
        return true;
      })();
      return removed ? { ok: true, entry: null } : stale(entries.byId(id));
    },

    /**
     * Puts back a figure this person removed, within UNDO_MINUTES of removing it, as it was, if its
     * period is still free; audited as an undo.
     */
    undoRemove(session: CurrentSession, id: number): Outcome {
      const removal = entries.lastRemoval(id);
      if (!removal || removal.actor !== session.user.email) return { ok: false, kind: 'not-found', message: `You have not removed ledger entry ${id}.` };
      if (now().getTime() - Date.parse(removal.at) > UNDO_MINUTES * 60_000) {
        return { ok: false, kind: 'conflict', message: `A removal can be undone for ${UNDO_MINUTES} minutes; this one was at ${removal.at.slice(11, 16)} UTC. Record the figure again instead.`, current: null };
      }
      if (entries.byId(id)) return { ok: false, kind: 'conflict', message: 'This figure is back already.', current: entries.byId(id) };
      const was = removal.before;
      return db
        .transaction((): Outcome => {
          const taken = entries.samePeriod({ lineId: was.lineId, measure: was.measure, fiscalYear: was.fiscalYear, month: was.month, force: was.force });
          if (taken) return { ok: false, kind: 'conflict', message: 'Another figure has been recorded for this period since; change that one instead.', current: taken };
          // Put back only where the figure still fits how the line's year is recorded now, as a new figure would.
          const checked = plan(session, [{ lineId: was.lineId, measure: was.measure, fiscalYear: was.fiscalYear!, month: was.month, force: was.force, amountPence: was.amountPence }], { existing: 'refuse' });
          const outcome = checked.outcomes[0]!;
          if (outcome.action === 'error' || checked.splits.length > 0) {
            const why = outcome.action === 'error' ? outcome.errors[0]!.message : `This line's year is now recorded for the function as a whole.`;
            return { ok: false, kind: 'conflict', message: `The figure cannot go back as it was: ${why} Record it again instead.`, current: null };
          }
          entries.restore(was);
          audit(session, 'undo-remove', id, null, entries.byId(id));
          return { ok: true, entry: entries.byId(id) };
        })
        .immediate();
    },
  };
}

/** How long a removal can be undone. */
export const UNDO_MINUTES = 10;

class StaleWrite extends Error {
  constructor(readonly current: LedgerEntry | null) {
    super('stale');
  }
}

function stale(current: LedgerEntry | null): Outcome {
  return {
    ok: false,
    kind: 'conflict',
    message: 'Someone else changed this figure after you opened it. Reload to see theirs, then make your change again.',
    current,
  };
}

export type Recording = ReturnType<typeof createRecording>;
