import type { Risk } from '../../contracts/benefits';
import type { Db } from '../connection';

export function createRiskRepository(db: Db) {
  const select = `SELECT r.code, r.collaboration_slug AS collaboration, r.function_slug AS functionSlug, f.name AS functionName, r.area, r.title,
                         r.mitigation, r.source_id AS sourceId, coalesce(s.date, p.date) AS date
                    FROM risks r JOIN sources s ON s.id = r.source_id JOIN papers p ON p.id = s.paper_id LEFT JOIN functions f ON f.slug = r.function_slug`;
  const all = db.prepare(`${select} ORDER BY r.code`);
  const ofFunction = db.prepare(`${select} WHERE r.function_slug = ? ORDER BY r.code`);
  type Row = Omit<Risk, 'function'> & { functionSlug: string | null; functionName: string | null };
  const shape = ({ functionSlug, functionName, ...r }: Row): Risk => ({ ...r, function: functionSlug === null ? null : { slug: functionSlug, name: functionName! } });
  return {
    all: () => (all.all() as Row[]).map(shape),
    ofFunction: (slug: string) => (ofFunction.all(slug) as Row[]).map(shape),
  };
}
export type RiskRepository = ReturnType<typeof createRiskRepository>;
