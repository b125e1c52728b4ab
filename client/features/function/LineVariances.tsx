import type { FunctionDetail, SavingsLine } from '../../../server/contracts/functions';
import { Money } from '../../components/Money';
import { RagBadge } from '../../components/RagBadge';
import { SortableTable, type Column } from '../../components/SortableTable';
import { CATEGORY_LABEL } from '../../lib/labels';
import { describeVariance } from '../../lib/money';
import { forecastFromWords } from '../../../server/contracts/words';
import { SEVERITY } from '../../lib/rag';
import { formatPaperDate } from '../../lib/dates';

type LineInPeriod = SavingsLine['inPeriod'] & { line: SavingsLine };

// The figures are the server's (SavingsLine.inPeriod); this only orders them, most off track first.
function inPeriod(detail: FunctionDetail): LineInPeriod[] {
  return detail.lines
    .filter((line) => line.years.length > 0)
    .map((line) => ({ ...line.inPeriod, line }))
    .sort((a, b) => SEVERITY[a.rag] - SEVERITY[b.rag] || (a.variancePence ?? 0) - (b.variancePence ?? 0));
}

/** Each savings line's delivery against its target in the period, most off track first: the "why" behind a RAG. */
export function LineVariances({ detail }: { detail: FunctionDetail }) {
  const rows = inPeriod(detail);
  const forceNames = new Map(detail.forces.map((f) => [f.force, f.forceName]));
  const columns: Column<LineInPeriod>[] = [
    { id: 'line', header: 'Savings line', rowHeader: true, sortValue: (r) => r.line.name, cell: (r) => (r.line.retiredOn ? <>{r.line.name}<span className="cell-note">Retired on {formatPaperDate(r.line.retiredOn)}</span></> : r.line.name) },
    {
      id: 'category',
      header: 'Category and driver',
      sortValue: (r) => `${r.line.category} ${r.line.driver}`,
      cell: (r) => `${CATEGORY_LABEL[r.line.category]}; ${r.line.driver}`,
    },
    { id: 'target', header: 'Target', numeric: true, sortValue: (r) => r.targetPence, cell: (r) => <Money pence={r.targetPence} /> },
    {
      id: 'delivered',
      header: 'Delivered',
      numeric: true,
      sortValue: (r) => r.deliveredPence,
      cell: (r) => (r.deliveredPence === null ? <span className="muted">none recorded</span> : <Money pence={r.deliveredPence} qualifier={r.deliveredQualifier} />),
    },
    {
      id: 'forecast',
      header: 'Forecast',
      numeric: true,
      sortValue: (r) => r.forecastPence,
      cell: (r) => (
        <>
          <Money pence={r.forecastPence} />
          {r.forecastFrom ? (
            // One force's forecast is that force's, never the whole line's.
            <span className="cell-note" data-figure="forecast-from">
              {forecastFromWords(r.forecastFrom.map((force) => forceNames.get(force) ?? force))}
            </span>
          ) : null}
        </>
      ),
    },
    {
      id: 'variance',
      header: 'Variance',
      numeric: true,
      sortValue: (r) => r.variancePence,
      cell: (r) => (r.variancePence === null ? <span className="muted">–</span> : describeVariance(r.variancePence, undefined, r.varianceQualifier)),
    },
    { id: 'status', header: 'Status', sortValue: (r) => SEVERITY[r.rag], cell: (r) => <RagBadge rag={r.rag} /> },
  ];
  return (
    <SortableTable
      caption={`${detail.function.name}, ${detail.period.description}: each savings line against its target, most off track first`}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.line.code}
      rowProps={(r) => ({ 'data-line-variance': r.line.code })}
      testId="line-variances"
    />
  );
}
