import type { FunctionDetail, SavingsLine } from '../../../server/contracts/functions';
import { Money } from '../../components/Money';
import { RagBadge } from '../../components/RagBadge';
import { SortableTable, type Column } from '../../components/SortableTable';
import { CATEGORY_LABEL } from '../../lib/labels';
import { describeVariance } from '../../lib/money';
import { SEVERITY } from '../../lib/rag';

type LineInPeriod = {
  line: SavingsLine;
  targetPence: number;
  deliveredPence: number | null;
  forecastPence: number | null;
  variancePence: number | null;
  rag: 'green' | 'amber' | 'red' | 'none';
};


function inPeriod(detail: FunctionDetail): LineInPeriod[] {
  return detail.lines
    .filter((line) => line.years.length > 0)
    .map((line) => {
      const delivered = line.years.filter((y) => y.deliveredPence !== null);
      const forecasts = line.years.filter((y) => y.forecastPence !== null);
      const deliveredPence = delivered.length === 0 ? null : delivered.reduce((sum, y) => sum + y.deliveredPence!, 0);
      // A line is as bad as its worst year with an actual, as a function is.
      const rated = line.years.filter((y) => y.rag !== 'none');
      const rag = rated.length === 0 ? 'none' : rated.reduce((worst, y) => (SEVERITY[y.rag] < SEVERITY[worst] ? y.rag : worst), 'green' as LineInPeriod['rag']);
      return {
        line,
        targetPence: line.targetPence,
        deliveredPence,
        forecastPence: forecasts.length === 0 ? null : forecasts.reduce((sum, y) => sum + y.forecastPence!, 0),
        // Against the targets of the years that have an actual (to date, for a year still running), as the RAG is.
        variancePence: delivered.length === 0 ? null : delivered.reduce((sum, y) => sum + (y.variancePence ?? 0), 0),
        rag,
      };
    })
    .sort((a, b) => SEVERITY[a.rag] - SEVERITY[b.rag] || (a.variancePence ?? 0) - (b.variancePence ?? 0));
}

/** Each savings line's delivery against its target in the period, most off track first: the "why" behind a RAG. */
export function LineVariances({ detail }: { detail: FunctionDetail }) {
  const rows = inPeriod(detail);
  const columns: Column<LineInPeriod>[] = [
    { id: 'line', header: 'Savings line', rowHeader: true, sortValue: (r) => r.line.name, cell: (r) => r.line.name },
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
      cell: (r) => (r.deliveredPence === null ? <span className="muted">none recorded</span> : <Money pence={r.deliveredPence} />),
    },
    { id: 'forecast', header: 'Forecast', numeric: true, sortValue: (r) => r.forecastPence, cell: (r) => <Money pence={r.forecastPence} /> },
    {
      id: 'variance',
      header: 'Variance',
      numeric: true,
      sortValue: (r) => r.variancePence,
      cell: (r) => (r.variancePence === null ? <span className="muted">–</span> : describeVariance(r.variancePence)),
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
