import type { Comment } from '../../contracts/plans';
import type { Db } from '../connection';

/** A function's commentary and its baselines' writes. */
export function createPlanRepository(db: Db) {
  const statements = {
    comments: db.prepare(
      `SELECT id, period, body, author, created_at AS createdAt FROM commentary
        WHERE function_slug = @slug AND (@period IS NULL OR period = @period) ORDER BY created_at DESC, id DESC`,
    ),
    insertComment: db.prepare('INSERT INTO commentary (function_slug, period, body, author, created_at) VALUES (?, ?, ?, ?, ?)'),
    comment: db.prepare('SELECT id, period, body, author, created_at AS createdAt FROM commentary WHERE id = ?'),
    lineIds: db.prepare('SELECT id FROM savings_lines WHERE function_slug = ?'),
    nextVersion: db.prepare('SELECT ifnull(max(version), 0) + 1 AS version FROM baselines WHERE function_slug = ?'),
    insertBaseline: db.prepare(
      `INSERT INTO baselines (function_slug, version, name, reason, adopted_on, source_id, created_at, created_by)
       VALUES (@slug, @version, @name, @reason, @adoptedOn, @sourceId, @at, @by)`,
    ),
    insertTarget: db.prepare('INSERT INTO targets (baseline_id, savings_line_id, fiscal_year, amount_pence) VALUES (?, ?, ?, ?)'),
    sourceExists: db.prepare('SELECT 1 FROM sources WHERE id = ?'),
  };
  return {
    comments: (slug: string, period: string | null) => statements.comments.all({ slug, period }) as Omit<Comment, 'periodLabel'>[],
    addComment: (slug: string, period: string, body: string, author: string, at: string) =>
      statements.comment.get(Number(statements.insertComment.run(slug, period, body, author, at).lastInsertRowid)) as Omit<Comment, 'periodLabel'>,
    lineIds: (slug: string) => new Set((statements.lineIds.all(slug) as { id: number }[]).map((r) => r.id)),
    sourceExists: (id: string) => statements.sourceExists.get(id) !== undefined,
    addBaseline(input: { slug: string; name: string; reason: string; adoptedOn: string; sourceId: string | null; at: string; by: string; targets: { lineId: number; fiscalYear: string | null; amountPence: number }[] }) {
      const version = (statements.nextVersion.get(input.slug) as { version: number }).version;
      const baselineId = statements.insertBaseline.run({ ...input, version }).lastInsertRowid;
      for (const t of input.targets) statements.insertTarget.run(baselineId, t.lineId, t.fiscalYear, t.amountPence);
      return version;
    },
  };
}

export type PlanRepository = ReturnType<typeof createPlanRepository>;
