import { Link } from 'wouter';
import type { BenefitSummary } from '../../../server/contracts/benefits';
import { BenefitStatus, BENEFIT_STATUS, directionWords } from '../../components/BenefitStatus';
import { SortableTable, type Column } from '../../components/SortableTable';
import { formatPaperDate } from '../../lib/dates';
import { formatMeasureWithUnit } from '../../lib/measure';

const ORDER = Object.keys(BENEFIT_STATUS);

/** The register's table: every benefit with its measure, baseline, latest, target and status. */
export function BenefitsTable({ benefits, caption, showFunction = true }: { benefits: readonly BenefitSummary[]; caption: string; showFunction?: boolean }) {
  const columns: Column<BenefitSummary>[] = [
    {
      id: 'benefit',
      header: 'Benefit',
      rowHeader: true,
      sortValue: (b) => b.number,
      cell: (b) => (
        <>
          <Link href={`/benefits/${b.number}`}>
            {b.number}: {b.description}
          </Link>
          {b.isDisbenefit ? <span className="cell-note">Dis-benefit</span> : null}
        </>
      ),
    },
    ...(showFunction ? [{ id: 'function', header: 'Function', sortValue: (b: BenefitSummary) => b.functionName, cell: (b: BenefitSummary) => b.functionName }] : []),
    {
      id: 'measure',
      header: 'Measure',
      sortValue: (b) => b.measure,
      cell: (b) => (
        <>
          {b.measure}
          <span className="cell-note">
            {b.measureClass}, {b.cashClass === 'cash-releasing' ? 'cash-releasing' : 'non-cash-releasing'}; {directionWords(b.direction)}
          </span>
        </>
      ),
    },
    {
      id: 'baseline',
      header: 'Baseline',
      numeric: true,
      sortValue: (b) => b.baselineMilli,
      cell: (b) =>
        b.baselineMilli === null ? (
          <span className="muted">none given</span>
        ) : (
          <>
            {formatMeasureWithUnit(b.baselineMilli, b.unit)}
            <span className="cell-note">{formatPaperDate(b.baselineDate)}</span>
          </>
        ),
    },
    {
      id: 'latest',
      header: 'Latest',
      numeric: true,
      sortValue: (b) => b.latest?.valueMilli ?? null,
      cell: (b) =>
        b.latest === null ? (
          <span className="muted">none yet</span>
        ) : (
          <>
            {formatMeasureWithUnit(b.latest.valueMilli, b.unit)}
            <span className="cell-note">{formatPaperDate(b.latest.measuredOn)}</span>
          </>
        ),
    },
    {
      id: 'target',
      header: 'Target',
      numeric: true,
      sortValue: (b) => b.targetMilli,
      cell: (b) => (b.targetMilli === null ? <span className="muted">none given</span> : formatMeasureWithUnit(b.targetMilli, b.unit)),
    },
    { id: 'status', header: 'Status', sortValue: (b) => ORDER.indexOf(b.rag), cell: (b) => <BenefitStatus rag={b.rag} /> },
  ];
  return <SortableTable caption={caption} columns={columns} rows={benefits} rowKey={(b) => b.number} rowProps={(b) => ({ 'data-benefit': b.number })} testId="benefits-table" />;
}
