import type { CarryChange, CarryChanged } from '../contracts/portfolio';
import { fiscalYearWords } from '../contracts/words';
import { recordAudit } from '../db/audit';
import type { Db } from '../db/connection';
import { yearsCarried } from '../domain/carry';

// Carrying a recurring saving forward (domain/carry.ts), as the function's owner judges the
// business case means it: to a later year, or no longer. Checked and written in one transaction,
// audited with what it was.

/** Further than this is a plan no business case makes: a slip of the year more likely than a meaning. */
const MOST_YEARS_CARRIED = 10;

export type CarryOutcome = { ok: true; changed: CarryChanged } | { ok: false; status: 400 | 404 | 409; message: string };

export function createCarryService(db: Db, now: () => Date) {
  const line = db.prepare(
    `SELECT l.id, l.name, l.function_slug AS function, l.recurrence, l.carried_through AS carriedThrough, l.carry_note AS note,
            l.carry_set_by AS setBy, l.carry_set_at AS setAt
       FROM savings_lines l WHERE l.id = ?`,
  );
  // The latest year the line's current baseline gives a target in.
  const latestTargetYear = db
    .prepare(
      `SELECT max(t.fiscal_year) FROM targets t
        WHERE t.baseline_id = (SELECT b.id FROM baselines b WHERE b.function_slug = @function ORDER BY b.version DESC LIMIT 1)
          AND t.savings_line_id = @id AND t.fiscal_year IS NOT NULL`,
    )
    .pluck();
  const update = db.prepare(
    'UPDATE savings_lines SET carried_through = @carriedThrough, carry_note = @note, carry_set_by = @by, carry_set_at = @at WHERE id = @id',
  );

  type LineRow = { id: number; name: string; function: string; recurrence: string; carriedThrough: string | null; note: string | null; setBy: string | null; setAt: string | null };

  return {
    /** The function a savings line belongs to, for deciding who may change it; null when there is no such line. */
    functionOf(id: number): string | null {
      return (line.get(id) as LineRow | undefined)?.function ?? null;
    },

    change(id: number, input: CarryChange, actor: string): CarryOutcome {
      return db.transaction((): CarryOutcome => {
        const found = line.get(id) as LineRow | undefined;
        if (!found) return { ok: false, status: 404, message: `There is no savings line ${id}.` };
        if (found.carriedThrough !== input.was) {
          const now = found.carriedThrough === null ? 'is no longer carried' : `is carried to ${fiscalYearWords(found.carriedThrough)}`;
          return { ok: false, status: 409, message: `${found.name} ${now}: ${found.setBy ?? 'Realise'} changed it since you looked. Reload to see it, then change it again if you still need to.` };
        }
        if (input.carriedThrough !== null) {
          if (found.recurrence !== 'recurring') {
            return { ok: false, status: 400, message: `${found.name} is not a recurring saving (it is ${found.recurrence}), so there is nothing to carry into later years.` };
          }
          const latest = latestTargetYear.get({ function: found.function, id }) as string | null;
          if (latest === null) return { ok: false, status: 400, message: `${found.name} has no yearly target to carry: give it one in a baseline first.` };
          if (input.carriedThrough <= latest) {
            return { ok: false, status: 400, message: `The business case gives ${found.name} a target up to ${fiscalYearWords(latest)}: carry it to a later year, or stop carrying it.` };
          }
          if (yearsCarried(latest, input.carriedThrough).length > MOST_YEARS_CARRIED) {
            return { ok: false, status: 400, message: `That carries ${found.name} more than ${MOST_YEARS_CARRIED} years past ${fiscalYearWords(latest)}. Choose a nearer year.` };
          }
        }
        const at = now().toISOString();
        const note = input.carriedThrough === null ? null : `Set by ${actor}`;
        update.run({ id, carriedThrough: input.carriedThrough, note, by: actor, at });
        recordAudit(db, {
          at,
          actor,
          action: 'change-carry',
          entity: 'savings-line',
          entityId: String(id),
          before: { carriedThrough: found.carriedThrough, note: found.note, setBy: found.setBy, setAt: found.setAt },
          after: { carriedThrough: input.carriedThrough, note, setBy: actor, setAt: at },
        });
        return { ok: true, changed: { lineId: id, carriedThrough: input.carriedThrough, setBy: actor, setAt: at } };
      }).immediate();
    },
  };
}

export type CarryService = ReturnType<typeof createCarryService>;
