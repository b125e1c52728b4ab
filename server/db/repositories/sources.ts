import type { Source } from '../../contracts/sources';
import type { Db } from '../connection';

export function createSourceRepository(db: Db) {
  const select = `SELECT s.id, p.file AS document, p.id AS paperId, s.paragraph,
                         coalesce(s.part, p.title) AS title, coalesce(s.date, p.date) AS date, s.quote, s.note,
                         p.entered_by AS enteredBy, p.entered_at AS enteredAt
                    FROM sources s JOIN papers p ON p.id = s.paper_id`;
  const all = db.prepare(`${select} ORDER BY p.id, s.rowid`);
  const one = db.prepare(`${select} WHERE s.id = ?`);
  const ofPaper = db.prepare(`${select} WHERE p.id = ? ORDER BY s.rowid`);
  const paper = db.prepare('SELECT id AS paperId, file, title, date FROM papers WHERE id = ?');
  return {
    paper: (id: string) => (paper.get(id) as { paperId: string; file: string; title: string; date: string | null } | undefined) ?? null,
    ofPaper: (id: string) => ofPaper.all(id) as Source[],
    all: () => all.all() as Source[],
    byId: (id: string) => (one.get(id) as Source | undefined) ?? null,
  };
}

export type SourceRepository = ReturnType<typeof createSourceRepository>;
