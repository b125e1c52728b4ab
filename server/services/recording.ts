import type { CurrentSession } from '../auth/service';
import type { LedgerEntry } from '../contracts/ledger-entries';
import { recordAudit } from '../db/audit';
import type { Db } from '../db/connection';
import type { LedgerEntryRepository } from '../db/repositories/ledger-entries';
import type { Action } from '../domain/permissions';
import { entryProblems, type Problem } from '../domain/recording';

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
  | { ok: false; kind: 'conflict'; message: string; current: LedgerEntry | null }
  | { ok: false; kind: 'from-paper'; message: string };

/**
 * Recording actuals and forecasts: each write checked against the ledger's rules, refused if it
 * would count money twice or overwrite a change someone else made, and audited with before and after.
 */
export function createRecording({ db, entries, now }: { db: Db; entries: LedgerEntryRepository; now: () => Date }) {
  const today = () => now().toISOString().slice(0, 10);
  const audit = (session: CurrentSession, action: string, id: number, before: unknown, after: unknown) =>
    recordAudit(db, { at: now().toISOString(), actor: session.user.email, action, entity: 'ledger_entry', entityId: String(id), before, after });

  return {
    /** What permission recording this needs: for a force, or for the function as a whole. */
    actionFor(lineId: number, force: string | null): Action | null {
      const line = entries.line(lineId);
      return line ? { kind: 'record', function: line.function, force } : null;
    },

    create(session: CurrentSession, input: NewEntry): Outcome {
      const line = entries.line(input.lineId);
      if (!line) return { ok: false, kind: 'not-found', message: `There is no savings line ${input.lineId}.` };
      const entry = { ...input, month: input.month ?? null, force: input.force ?? null };
      const issues = entryProblems(entry, {
        today: today(),
        functionName: line.functionName,
        lineYears: entries.lineYears(line.id),
        members: entries.members(line.collaboration),
      });
      if (issues.length > 0) return { ok: false, kind: 'invalid', message: issues[0]!.message, issues };
      const existing = entries.samePeriod(entry);
      if (existing) {
        return { ok: false, kind: 'conflict', message: 'A figure is already recorded for this line, period and force. Change that one instead.', current: existing };
      }
      // One way of recording per line, measure and year, so nothing is counted twice: by month or
      // for the whole year, for the function or by force.
      const clash = entries
        .sameYear(line.id, entry.measure, entry.fiscalYear)
        .find((e) => (e.month === null) !== (entry.month === null) || (e.force === null) !== (entry.force === null));
      if (clash) {
        const how = (e: { month: string | null; force: string | null }) =>
          `${e.month === null ? 'for the whole year' : 'by month'}, ${e.force === null ? 'for the function as a whole' : 'by force'}`;
        return {
          ok: false,
          kind: 'conflict',
          message: `This line's ${entry.measure}s for FY ${entry.fiscalYear.replace('-', '/')} are recorded ${how(clash)}; record this one the same way, or change the others first.`,
          current: clash,
        };
      }
      const id = db.transaction(() => {
        const created = entries.insert({ ...entry, reportedOn: today(), recordedAt: now().toISOString(), recordedBy: session.user.email });
        audit(session, 'record', created, null, entries.byId(created));
        return created;
      })();
      return { ok: true, entry: entries.byId(id) };
    },

    update(session: CurrentSession, id: number, amountPence: number, version: number): Outcome {
      const before = entries.byId(id);
      if (!before) return { ok: false, kind: 'not-found', message: `There is no ledger entry ${id}.` };
      if (before.sourceId !== null) return { ok: false, kind: 'from-paper', message: 'This figure is from a board paper and is kept as the paper gives it.' };
      if (before.version !== version) return stale(before);
      const changed = db.transaction(() => {
        if (!entries.update({ id, version, amountPence, recordedAt: now().toISOString(), recordedBy: session.user.email, reportedOn: today() })) return false;
        audit(session, 'change', id, before, entries.byId(id));
        return true;
      })();
      return changed ? { ok: true, entry: entries.byId(id) } : stale(entries.byId(id));
    },

    remove(session: CurrentSession, id: number, version: number): Outcome {
      const before = entries.byId(id);
      if (!before) return { ok: false, kind: 'not-found', message: `There is no ledger entry ${id}.` };
      if (before.sourceId !== null) return { ok: false, kind: 'from-paper', message: 'This figure is from a board paper and is kept as the paper gives it.' };
      if (before.version !== version) return stale(before);
      const removed = db.transaction(() => {
        if (!entries.delete(id, version)) return false;
        audit(session, 'remove', id, before, null);
        return true;
      })();
      return removed ? { ok: true, entry: null } : stale(entries.byId(id));
    },
  };
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
