import type { Retirement } from '../contracts/portfolio';
import { dateWords } from '../contracts/words';
import { recordAudit } from '../db/audit';
import type { Db } from '../db/connection';
import { ENTRY_PERIOD_FROM } from '../db/repositories/ledger-entries';

// Retiring a function or one of its savings lines without losing its history: it keeps every
// figure and target, says from when it was retired, and takes no figure for a period from that day.

export type RetireOutcome =
  | { ok: true; retired: { retiredOn: string; reason: string; entity: 'function' | 'savings-line'; id: string } }
  | { ok: false; status: 404 | 409; message: string };

export function createRetirementService(db: Db, now: () => Date) {
  const fn = db.prepare('SELECT slug, name, retired_on AS retiredOn FROM functions WHERE slug = ?');
  const line = db.prepare('SELECT id, name, function_slug AS function, retired_on AS retiredOn FROM savings_lines WHERE id = ?');
  const retireFunction = db.prepare('UPDATE functions SET retired_on = ? WHERE slug = ?');
  const retireLine = db.prepare('UPDATE savings_lines SET retired_on = ? WHERE id = ?');
  // Figures already recorded for periods from the day: retiring would leave them where none may be.
  const figuresOfFunctionFrom = db
    .prepare(`SELECT count(*) FROM ledger_entries e WHERE e.savings_line_id IN (SELECT id FROM savings_lines WHERE function_slug = @slug) AND ${ENTRY_PERIOD_FROM}`)
    .pluck();
  const figuresOfLineFrom = db.prepare(`SELECT count(*) FROM ledger_entries e WHERE e.savings_line_id = @id AND ${ENTRY_PERIOD_FROM}`).pluck();
  const stranded = (n: number, what: string, from: string) =>
    `${what} has ${n} figure${n === 1 ? '' : 's'} recorded for periods from ${dateWords(from)}. Correct or remove them first, or choose a later date.`;

  return {
    retireFunction(slug: string, input: Retirement, actor: string): RetireOutcome {
      return db.transaction((): RetireOutcome => {
        const found = fn.get(slug) as { name: string; retiredOn: string | null } | undefined;
        if (!found) return { ok: false, status: 404, message: `There is no function "${slug}".` };
        if (found.retiredOn) return { ok: false, status: 409, message: `${found.name} was retired on ${dateWords(found.retiredOn)} already.` };
        const n = figuresOfFunctionFrom.get({ slug, from: input.retiredOn }) as number;
        if (n > 0) return { ok: false, status: 409, message: stranded(n, found.name, input.retiredOn) };
        retireFunction.run(input.retiredOn, slug);
        recordAudit(db, { at: now().toISOString(), actor, action: 'retire', entity: 'function', entityId: slug, before: { retiredOn: null }, after: input });
        return { ok: true, retired: { ...input, entity: 'function', id: slug } };
      }).immediate();
    },
    retireLine(id: number, input: Retirement, actor: string): RetireOutcome {
      return db.transaction((): RetireOutcome => {
        const found = line.get(id) as { name: string; retiredOn: string | null } | undefined;
        if (!found) return { ok: false, status: 404, message: `There is no savings line ${id}.` };
        if (found.retiredOn) return { ok: false, status: 409, message: `${found.name} was retired on ${dateWords(found.retiredOn)} already.` };
        const n = figuresOfLineFrom.get({ id, from: input.retiredOn }) as number;
        if (n > 0) return { ok: false, status: 409, message: stranded(n, found.name, input.retiredOn) };
        retireLine.run(input.retiredOn, id);
        recordAudit(db, { at: now().toISOString(), actor, action: 'retire', entity: 'savings-line', entityId: String(id), before: { retiredOn: null }, after: input });
        return { ok: true, retired: { ...input, entity: 'savings-line', id: String(id) } };
      }).immediate();
    },
  };
}

export type RetirementService = ReturnType<typeof createRetirementService>;
