import type { BenefitSummary, Measurement } from '../../contracts/benefits';
import { benefitRag, progressTenthsPercent } from '../../domain/benefits';
import type { Db } from '../connection';

type Row = Omit<BenefitSummary, 'latest' | 'measurementCount' | 'rag' | 'progressTenthsPercent' | 'isDisbenefit'> & { id: number; isDisbenefit: number };

/** The benefits register: each benefit with its latest measure and where it stands. */
export function createBenefitRepository(db: Db) {
  const select = `SELECT b.id, b.number, b.function_slug AS function, f.name AS functionName, f.collaboration_slug AS collaboration,
                         b.description, b.category, b.cash_class AS cashClass, b.measure_class AS measureClass, b.feature, b.owner,
                         b.measure, b.unit, b.direction, b.is_disbenefit AS isDisbenefit,
                         b.baseline_milli AS baselineMilli, b.baseline_as_written AS baselineAsWritten, b.baseline_date AS baselineDate,
                         b.baseline_data_source AS baselineDataSource, b.baseline_source_id AS baselineSourceId,
                         b.target_milli AS targetMilli, b.target_as_written AS targetAsWritten, b.target_date AS targetDate,
                         b.target_source_id AS targetSourceId, b.tolerance_milli AS toleranceMilli,
                         b.full_year_value_pence AS fullYearValuePence, b.source_id AS sourceId, b.note
                    FROM benefits b JOIN functions f ON f.slug = b.function_slug`;
  const statements = {
    all: db.prepare(`${select} ORDER BY b.id`),
    byNumber: db.prepare(`${select} WHERE b.number = ?`),
    measurements: db.prepare(
      `SELECT id, measured_on AS measuredOn, value_milli AS valueMilli, data_source AS dataSource, note,
              recorded_at AS recordedAt, recorded_by AS recordedBy
         FROM benefit_measurements WHERE benefit_id = ? ORDER BY measured_on`,
    ),
    measurementOn: db.prepare('SELECT id FROM benefit_measurements WHERE benefit_id = ? AND measured_on = ?'),
    measurementById: db.prepare(
      `SELECT id, measured_on AS measuredOn, value_milli AS valueMilli, data_source AS dataSource, note,
              recorded_at AS recordedAt, recorded_by AS recordedBy FROM benefit_measurements WHERE id = ?`,
    ),
    insert: db.prepare(
      `INSERT INTO benefit_measurements (benefit_id, measured_on, value_milli, data_source, note, recorded_at, recorded_by)
       VALUES (@benefitId, @measuredOn, @valueMilli, @dataSource, @note, @recordedAt, @recordedBy)`,
    ),
  };

  const summarise = (row: Row): BenefitSummary & { id: number } => {
    const measurements = statements.measurements.all(row.id) as Measurement[];
    const latest = measurements.at(-1) ?? null;
    return {
      ...row,
      isDisbenefit: row.isDisbenefit === 1,
      latest,
      measurementCount: measurements.length,
      rag: benefitRag({ direction: row.direction, targetMilli: row.targetMilli, toleranceMilli: row.toleranceMilli, latestMilli: latest?.valueMilli ?? null }),
      progressTenthsPercent: progressTenthsPercent(row.baselineMilli, row.targetMilli, latest?.valueMilli ?? null),
    };
  };
  const strip = ({ id: _id, ...benefit }: BenefitSummary & { id: number }): BenefitSummary => benefit;

  return {
    list(filter: { collaboration?: string | undefined; function?: string | undefined }): BenefitSummary[] {
      return (statements.all.all() as Row[])
        .filter((r) => !filter.collaboration || filter.collaboration === 'all' || r.collaboration === filter.collaboration)
        .filter((r) => !filter.function || r.function === filter.function)
        .map((r) => strip(summarise(r)));
    },
    byNumber(number: string) {
      const row = statements.byNumber.get(number) as Row | undefined;
      if (!row) return null;
      const summary = summarise(row);
      return { id: summary.id, benefit: strip(summary), measurements: statements.measurements.all(row.id) as Measurement[] };
    },
    hasMeasurementOn: (benefitId: number, measuredOn: string) => statements.measurementOn.get(benefitId, measuredOn) !== undefined,
    insertMeasurement: (m: { benefitId: number; measuredOn: string; valueMilli: number; dataSource: string; note: string | null; recordedAt: string; recordedBy: string }) =>
      statements.measurementById.get(Number(statements.insert.run(m).lastInsertRowid)) as Measurement,
  };
}

export type BenefitRepository = ReturnType<typeof createBenefitRepository>;
