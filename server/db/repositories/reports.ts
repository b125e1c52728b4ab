import type { ReportListItem } from '../../contracts/reports';
import { describeFiscalPeriod, parseFiscalPeriod } from '../../domain/fiscal';
import type { Db } from '../connection';

type ReportRow = Omit<ReportListItem, 'collaborationName' | 'halfDescription'> & { collaborationName: string; content: string };

export type NewPublishedReport = {
  collaboration: string;
  half: string;
  publishedAt: string;
  publishedBy: string;
  publishedByName: string;
  content: string;
  contentHash: string;
  formatVersion: number;
  databaseVersion: number;
  realiseVersion: string;
};

/** Published reports (stored once, never changed) and the reference data a report draws on. */
export function createReportRepository(db: Db) {
  const select = `SELECT r.id, r.collaboration_slug AS collaboration, c.name AS collaborationName, r.half, r.version,
                         r.published_at AS publishedAt, r.published_by AS publishedBy, r.published_by_name AS publishedByName,
                         r.content_hash AS contentHash, r.format_version AS formatVersion, r.database_version AS databaseVersion,
                         r.realise_version AS realiseVersion, r.content
                    FROM reports r JOIN collaborations c ON c.slug = r.collaboration_slug`;
  const statements = {
    list: db.prepare(`${select} WHERE @collaboration IS NULL OR r.collaboration_slug = @collaboration ORDER BY r.half DESC, c.rowid, r.version DESC`),
    byId: db.prepare(`${select} WHERE r.id = ?`),
    // Halves sort as text: 2016-17-H2 < 2017-18-H1 < 2017-18-H2.
    latestUpTo: db.prepare(`${select} WHERE r.collaboration_slug = ? AND r.half <= ? ORDER BY r.half DESC, r.version DESC LIMIT 1`),
    nextVersion: db.prepare('SELECT ifnull(max(version), 0) + 1 AS version FROM reports WHERE collaboration_slug = ? AND half = ?'),
    insert: db.prepare(
      `INSERT INTO reports (collaboration_slug, half, version, published_at, published_by, published_by_name, content, content_hash,
                            format_version, database_version, realise_version)
       VALUES (@collaboration, @half, @version, @publishedAt, @publishedBy, @publishedByName, @content, @contentHash,
               @formatVersion, @databaseVersion, @realiseVersion)`,
    ),
    collaboration: db.prepare('SELECT slug, name FROM collaborations WHERE slug = ?'),
    functions: db.prepare('SELECT slug, name FROM functions WHERE collaboration_slug = ? ORDER BY rowid'),
    agreementDates: db.prepare(
      `SELECT a.slug AS agreement, a.name AS agreementName, m.kind, m.date, m.description, m.source_id AS sourceId
         FROM agreements a JOIN agreement_milestones m ON m.agreement_slug = a.slug
        WHERE a.collaboration_slug = ? AND m.kind IN ('review', 'expires') ORDER BY m.date, a.rowid`,
    ),
  };
  const describe = <R extends { half: string }>(row: R): R & { halfDescription: string } => ({ ...row, halfDescription: describeFiscalPeriod(parseFiscalPeriod(row.half)) });

  return {
    list: (collaboration: string | null): ReportListItem[] =>
      (statements.list.all({ collaboration }) as ReportRow[]).map(({ content: _content, ...row }) => describe(row)),
    byId(id: number) {
      const row = statements.byId.get(id) as ReportRow | undefined;
      return row ? describe(row) : null;
    },
    latestUpTo(collaboration: string, half: string) {
      const row = statements.latestUpTo.get(collaboration, half) as ReportRow | undefined;
      return row ? describe(row) : null;
    },
    /** Adds the next version of a collaboration's report for a half; call inside a transaction. */
    insert(report: NewPublishedReport): number {
      const { version } = statements.nextVersion.get(report.collaboration, report.half) as { version: number };
      return Number(statements.insert.run({ ...report, version }).lastInsertRowid);
    },
    collaboration: (slug: string) => (statements.collaboration.get(slug) as { slug: string; name: string } | undefined) ?? null,
    functionsOf: (collaboration: string) => statements.functions.all(collaboration) as { slug: string; name: string }[],
    agreementDates: (collaboration: string) =>
      statements.agreementDates.all(collaboration) as { agreement: string; agreementName: string; kind: 'review' | 'expires'; date: string; description: string; sourceId: string }[],
  };
}

export type ReportRepository = ReturnType<typeof createReportRepository>;
