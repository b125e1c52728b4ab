import type { Db } from '../connection';

// The portfolio's own records as Realise keeps them: what a new function is checked against, and
// the rows that adding one writes. Reads and writes only; the rules are in services/new-function.

export type EditableFunction = {
  slug: string;
  name: string;
  collaboration: string;
  description: string;
  leadForce: string | null;
  agreement: string | null;
  toleranceTenthsPercent: number;
  headlinePence: number | null;
  headlineAsWritten: string | null;
  headlineQualifier: string | null;
  headlineSourceId: string | null;
  enteredBy: string | null;
  version: number;
  changedAt: string | null;
  changedBy: string | null;
};

export type MemberRow = { force: string; forceName: string; joinedOn: string; leftOn: string | null };

export function createPortfolioRepository(db: Db) {
  const functionExists = db.prepare('SELECT 1 FROM functions WHERE slug = ?').pluck();
  const collaboration = db.prepare('SELECT slug, name FROM collaborations WHERE slug = ?');
  const collaborations = db.prepare('SELECT slug, name FROM collaborations ORDER BY name');
  const members = db.prepare(
    `SELECT m.force_slug AS force, f.name AS forceName, m.joined_on AS joinedOn, m.left_on AS leftOn
       FROM collaboration_members m JOIN forces f ON f.slug = m.force_slug
      WHERE m.collaboration_slug = ? ORDER BY m.joined_on, m.force_slug`,
  );
  const agreement = db.prepare('SELECT slug, name, collaboration_slug AS collaboration FROM agreements WHERE slug = ?');
  const agreements = db.prepare('SELECT slug, name, collaboration_slug AS collaboration FROM agreements ORDER BY name');
  const codeExists = db.prepare('SELECT 1 FROM savings_lines WHERE code = ?').pluck();
  const paperExists = db.prepare('SELECT 1 FROM papers WHERE id = ?').pluck();

  const insertPaper = db.prepare(
    `INSERT INTO papers (id, file, title, author, date, entered_at, entered_by) VALUES (@id, @file, @title, NULL, @date, @at, @by)`,
  );
  const insertSource = db.prepare('INSERT INTO sources (id, paper_id, paragraph, quote) VALUES (@id, @paperId, @paragraph, @quote)');
  const insertFunction = db.prepare(
    `INSERT INTO functions (slug, name, collaboration_slug, agreement_slug, description, headline_target_pence, headline_as_written,
                            headline_qualifier, headline_source_id, rag_tolerance_tenths_percent, lead_force_slug, entered_at, entered_by)
     VALUES (@slug, @name, @collaboration, @agreement, @description, @headlinePence, @headlineAsWritten,
             @headlineQualifier, @headlineSourceId, @tolerance, @leadForce, @at, @by)`,
  );
  const insertLine = db.prepare(
    `INSERT INTO savings_lines (function_slug, code, name, category, driver, kind, recurrence, entered_at, entered_by)
     VALUES (@function, @code, @name, @category, @driver, @kind, @recurrence, @at, @by)`,
  );
  const insertBaseline = db.prepare(
    `INSERT INTO baselines (function_slug, version, name, reason, adopted_on, source_id, created_at, created_by)
     VALUES (@function, 1, @name, @reason, @adoptedOn, @sourceId, @at, @by)`,
  );
  const insertTarget = db.prepare(
    'INSERT INTO targets (baseline_id, savings_line_id, fiscal_year, amount_pence, source_id) VALUES (@baselineId, @lineId, @fy, @amountPence, @sourceId)',
  );
  const insertShare = db.prepare(
    `INSERT INTO apportionment_shares (function_slug, fiscal_year, force_slug, share_tenths_percent, basis, is_illustrative, note)
     VALUES (@function, @fy, @force, @tenths, 'equal', 1, @note)`,
  );

  const functionOf = db.prepare(
    `SELECT slug, name, collaboration_slug AS collaboration, description, lead_force_slug AS leadForce, agreement_slug AS agreement,
            rag_tolerance_tenths_percent AS toleranceTenthsPercent, headline_target_pence AS headlinePence, headline_as_written AS headlineAsWritten,
            headline_qualifier AS headlineQualifier, headline_source_id AS headlineSourceId, entered_by AS enteredBy,
            version, changed_at AS changedAt, changed_by AS changedBy
       FROM functions WHERE slug = ?`,
  );
  const source = db.prepare('SELECT id, paragraph, quote FROM sources WHERE id = ?');
  const putSource = db.prepare(
    'INSERT INTO sources (id, paper_id, paragraph, quote) VALUES (@id, @paperId, @paragraph, @quote) ON CONFLICT (id) DO UPDATE SET paragraph = excluded.paragraph, quote = excluded.quote',
  );
  const updateFunction = db.prepare(
    `UPDATE functions SET name = @name, description = @description, lead_force_slug = @leadForce, agreement_slug = @agreement,
            rag_tolerance_tenths_percent = @tolerance, headline_target_pence = @headlinePence, headline_as_written = @headlineAsWritten,
            headline_qualifier = @headlineQualifier, headline_source_id = @headlineSourceId,
            version = version + 1, changed_at = @at, changed_by = @by
      WHERE slug = @slug AND version = @version`,
  );

  return {
    /** A function's particulars as a change to them reads them. */
    functionOf: (slug: string) => (functionOf.get(slug) as EditableFunction | undefined) ?? null,
    source: (id: string) => (source.get(id) as { id: string; paragraph: string; quote: string } | undefined) ?? null,
    /** Writes a business case's passage, or corrects the one it has. */
    putSource: (row: { id: string; paperId: string; paragraph: string; quote: string }) => putSource.run(row),
    /** Writes the function's particulars if it is still at `version`; false when it has moved on. */
    updateFunction: (row: Record<string, string | number | null>) => updateFunction.run(row).changes === 1,
    functionExists: (slug: string) => functionExists.get(slug) !== undefined,
    collaboration: (slug: string) => (collaboration.get(slug) as { slug: string; name: string } | undefined) ?? null,
    collaborations: () => collaborations.all() as { slug: string; name: string }[],
    members: (collaborationSlug: string) => members.all(collaborationSlug) as MemberRow[],
    agreement: (slug: string) => (agreement.get(slug) as { slug: string; name: string; collaboration: string | null } | undefined) ?? null,
    agreements: () => agreements.all() as { slug: string; name: string; collaboration: string | null }[],
    codeExists: (code: string) => codeExists.get(code) !== undefined,
    paperExists: (id: string) => paperExists.get(id) !== undefined,
    insertPaper: (row: { id: string; file: string; title: string; date: string; at: string; by: string }) => insertPaper.run(row),
    insertSource: (row: { id: string; paperId: string; paragraph: string; quote: string }) => insertSource.run(row),
    insertFunction: (row: Record<string, string | number | null>) => insertFunction.run(row),
    insertLine: (row: Record<string, string | null>) => Number(insertLine.run(row).lastInsertRowid),
    insertBaseline: (row: { function: string; name: string; reason: string; adoptedOn: string; sourceId: string; at: string; by: string }) =>
      Number(insertBaseline.run(row).lastInsertRowid),
    insertTarget: (row: { baselineId: number; lineId: number; fy: string; amountPence: number; sourceId: string }) => insertTarget.run(row),
    insertShare: (row: { function: string; fy: string; force: string; tenths: number; note: string }) => insertShare.run(row),
  };
}

export type PortfolioRepository = ReturnType<typeof createPortfolioRepository>;
