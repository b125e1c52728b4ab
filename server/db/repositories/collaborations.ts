import type { Collaboration, Membership, ProgrammeFigure } from '../../contracts/forces';
import type { Db } from '../connection';

export function createCollaborationRepository(db: Db) {
  const collaborations = db.prepare('SELECT slug, name, description FROM collaborations ORDER BY rowid');
  const members = db.prepare(
    `SELECT force_slug AS force, joined_on AS joinedOn, left_on AS leftOn, source_id AS sourceId, note
       FROM collaboration_members WHERE collaboration_slug = ? ORDER BY joined_on, force_slug`,
  );
  const figures = db.prepare(
    `SELECT code, description, kind, amount_pence AS amountPence, per_year AS perYear,
            from_fiscal_year AS fromFiscalYear, to_fiscal_year AS toFiscalYear, as_written AS asWritten, source_id AS sourceId
       FROM programme_figures WHERE collaboration_slug = ? ORDER BY rowid`,
  );
  return {
    all(): Collaboration[] {
      return (collaborations.all() as Omit<Collaboration, 'members' | 'programmeFigures'>[]).map((c) => ({
        ...c,
        members: members.all(c.slug) as Membership[],
        programmeFigures: (figures.all(c.slug) as (Omit<ProgrammeFigure, 'perYear'> & { perYear: number })[]).map((f) => ({
          ...f,
          perYear: f.perYear === 1,
        })),
      }));
    },
  };
}

export type CollaborationRepository = ReturnType<typeof createCollaborationRepository>;
