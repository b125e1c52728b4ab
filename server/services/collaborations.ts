import type { EndMembership, MembershipChanged, NewCollaboration, NewMembership } from '../contracts/portfolio';
import { membersDuring } from '../domain/membership';
import { dateWords } from '../contracts/words';
import { recordAudit } from '../db/audit';
import type { Db } from '../db/connection';
import { ENTRY_PERIOD_FROM } from '../db/repositories/ledger-entries';
import { equalShares } from '../domain/apportion';
import { fiscalYearEnd, fiscalYearStart } from '../domain/fiscal';

// Collaborations and who is in them, over time: a force joins from a date and leaves at one, and
// the figures before and after follow the dates (recording checks each figure's period against
// them; a new function shares each year between that year's members). Every change is audited.

export type Refusal = { ok: false; status: 400 | 404 | 409; message: string; path: string };
export type Changed = { ok: true; changed: MembershipChanged };

export function createCollaborationService(db: Db, now: () => Date) {
  const collaboration = db.prepare('SELECT slug, name FROM collaborations WHERE slug = ?');
  const force = db.prepare('SELECT slug, name FROM forces WHERE slug = ?');
  const spells = db.prepare(
    `SELECT force_slug AS force, joined_on AS joinedOn, left_on AS leftOn FROM collaboration_members
      WHERE collaboration_slug = ? ORDER BY joined_on, force_slug`,
  );
  const insertCollaboration = db.prepare('INSERT INTO collaborations (slug, name, description) VALUES (?, ?, ?)');
  const insertMember = db.prepare('INSERT INTO collaboration_members (collaboration_slug, force_slug, joined_on, note) VALUES (?, ?, ?, ?)');
  const endMember = db.prepare('UPDATE collaboration_members SET left_on = ?, note = coalesce(?, note) WHERE collaboration_slug = ? AND force_slug = ? AND joined_on = ?');
  // A force's figures for periods from the day it leaves: leaving would strand them.
  const figuresFrom = db.prepare(
    `SELECT count(*) FROM ledger_entries e INDEXED BY ledger_entries_by_force
      WHERE e.force_slug = @force AND e.savings_line_id IN (SELECT l.id FROM savings_lines l JOIN functions f ON f.slug = l.function_slug WHERE f.collaboration_slug = @collaboration)
        AND ${ENTRY_PERIOD_FROM}`,
  ).pluck();

  // Shares that are Realise's assumption (illustrative, equal) for years after a force left are worked
  // out again between the forces still members; agreed shares are never changed here.
  const assumedYears = db.prepare(
    `SELECT s.function_slug AS fn, s.fiscal_year AS fy FROM apportionment_shares s JOIN functions f ON f.slug = s.function_slug
      WHERE f.collaboration_slug = ? AND s.fiscal_year IS NOT NULL AND substr(s.fiscal_year, 1, 4) || '-04-01' >= ?
      GROUP BY s.function_slug, s.fiscal_year HAVING min(s.is_illustrative) = 1 AND max(s.force_slug = ?) = 1`,
  );
  const clearShares = db.prepare('DELETE FROM apportionment_shares WHERE function_slug = ? AND fiscal_year = ?');
  const insertShare = db.prepare(
    `INSERT INTO apportionment_shares (function_slug, fiscal_year, force_slug, share_tenths_percent, basis, is_illustrative, note) VALUES (?, ?, ?, ?, 'equal', 1, ?)`,
  );

  type Spell = { force: string; joinedOn: string; leftOn: string | null };
  const membersOf = (slug: string) => spells.all(slug) as Spell[];
  const refuse = (status: Refusal['status'], path: string, message: string): Refusal => ({ ok: false, status, path, message });

  return {
    add(input: NewCollaboration, actor: string): Changed | Refusal {
      return db.transaction((): Changed | Refusal => {
        if (input.slug === 'all') return refuse(400, 'slug', '"all" means every collaboration in Realise’s addresses: choose another id.');
        if (collaboration.get(input.slug)) return refuse(409, 'slug', `There is already a collaboration "${input.slug}".`);
        const seen = new Set<string>();
        for (const [i, m] of input.members.entries()) {
          if (!force.get(m.force)) return refuse(400, `members.${i}.force`, `There is no force "${m.force}". The forces are listed at /api/forces.`);
          if (seen.has(m.force)) return refuse(400, `members.${i}.force`, `${m.force} is listed twice.`);
          seen.add(m.force);
        }
        insertCollaboration.run(input.slug, input.name, input.description);
        for (const m of input.members) insertMember.run(input.slug, m.force, m.joinedOn, null);
        const changed = { collaboration: input.slug, members: membersOf(input.slug) };
        recordAudit(db, { at: now().toISOString(), actor, action: 'create', entity: 'collaboration', entityId: input.slug, before: null, after: { ...input, members: changed.members } });
        return { ok: true, changed };
      }).immediate();
    },

    join(slug: string, input: NewMembership, actor: string): Changed | Refusal {
      return db.transaction((): Changed | Refusal => {
        const c = collaboration.get(slug) as { name: string } | undefined;
        if (!c) return refuse(404, 'collaboration', `There is no collaboration "${slug}".`);
        const f = force.get(input.force) as { name: string } | undefined;
        if (!f) return refuse(400, 'force', `There is no force "${input.force}". The forces are listed at /api/forces.`);
        const before = membersOf(slug);
        const mine = before.filter((m) => m.force === input.force);
        const open = mine.find((m) => m.leftOn === null);
        if (open) return refuse(409, 'force', `${f.name} is already a member of ${c.name}, since ${dateWords(open.joinedOn.length === 10 ? open.joinedOn : `${open.joinedOn}-01`)}.`);
        const lastLeft = mine.map((m) => m.leftOn!).sort().at(-1);
        if (lastLeft && input.joinedOn < lastLeft) return refuse(400, 'joinedOn', `${f.name} was a member until ${dateWords(lastLeft)}; it can rejoin from that day on.`);
        insertMember.run(slug, input.force, input.joinedOn, input.note ?? null);
        const changed = { collaboration: slug, members: membersOf(slug) };
        recordAudit(db, { at: now().toISOString(), actor, action: 'join', entity: 'collaboration', entityId: slug, before: { members: before }, after: { force: input.force, joinedOn: input.joinedOn, members: changed.members } });
        return { ok: true, changed };
      }).immediate();
    },

    leave(slug: string, forceSlug: string, input: EndMembership, actor: string): Changed | Refusal {
      return db.transaction((): Changed | Refusal => {
        const c = collaboration.get(slug) as { name: string } | undefined;
        if (!c) return refuse(404, 'collaboration', `There is no collaboration "${slug}".`);
        const before = membersOf(slug);
        const mine = before.filter((m) => m.force === forceSlug);
        if (mine.length === 0) return refuse(404, 'force', `${forceSlug} is not a member of ${c.name}.`);
        const open = mine.find((m) => m.leftOn === null);
        if (!open) return refuse(409, 'leftOn', `${forceSlug} has already left ${c.name}: it left on ${dateWords(mine.at(-1)!.leftOn!)}.`);
        if (input.leftOn <= open.joinedOn) return refuse(400, 'leftOn', `It joined on ${open.joinedOn}; it can leave only after that.`);
        const stranded = figuresFrom.get({ force: forceSlug, collaboration: slug, from: input.leftOn }) as number;
        if (stranded > 0) {
          return refuse(409, 'leftOn', `${forceSlug} has ${stranded} figure${stranded === 1 ? '' : 's'} recorded for ${c.name}'s functions for periods from ${dateWords(input.leftOn)}. Correct or remove them first, or choose a later date.`);
        }
        endMember.run(input.leftOn, input.note ?? null, slug, forceSlug, open.joinedOn);
        const reshared: { function: string; fiscalYear: string; forces: string[] }[] = [];
        for (const { fn, fy } of assumedYears.all(slug, input.leftOn, forceSlug) as { fn: string; fy: string }[]) {
          const start = fiscalYearStart(fy);
          const end = fiscalYearEnd(fy);
          const staying = membersDuring(membersOf(slug), start, end).map((m) => m.force).sort();
          if (staying.length === 0) continue;
          clearShares.run(fn, fy);
          const note = `Realise's assumption: equal shares between the ${staying.length} forces that were members in FY ${fy.replace('-', '/')}, after ${forceSlug} left`;
          for (const share of equalShares(staying)) insertShare.run(fn, fy, share.key, share.tenthsPercent, note);
          reshared.push({ function: fn, fiscalYear: fy, forces: staying });
        }
        const changed = { collaboration: slug, members: membersOf(slug) };
        recordAudit(db, { at: now().toISOString(), actor, action: 'leave', entity: 'collaboration', entityId: slug, before: { members: before }, after: { force: forceSlug, leftOn: input.leftOn, members: changed.members, reshared } });
        return { ok: true, changed };
      }).immediate();
    },
  };
}

export type CollaborationService = ReturnType<typeof createCollaborationService>;
