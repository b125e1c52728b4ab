import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { statusHistoryQuery } from '../../api/queries';
import { StatusStrip } from '../../components/StatusStrip';
import type { FunctionSummary } from '../../../server/contracts/functions';
import { IllustrativeTag } from '../../components/Illustrative';
import { Money } from '../../components/Money';
import { RagBadge } from '../../components/RagBadge';
import { SortableTable, type Column } from '../../components/SortableTable';
import { SourceButton } from '../../components/SourceButton';
import { describeVariance, formatMoneyShort, qualified } from '../../lib/money';
import { forecastFromWords } from '../../../server/contracts/words';
import { reportingLine, SEVERITY } from '../../lib/rag';
import { withView, type ViewParams } from '../../lib/url';


function yearsSpan(fn: FunctionSummary): string {
  if (!fn.firstFiscalYear) return fn.years.length > 0 ? 'not profiled by year' : 'nothing in this period';
  const from = fn.firstFiscalYear.replace('-', '/');
  const to = fn.lastFiscalYear!.replace('-', '/');
  return from === to ? `FY ${from}` : `FY ${from} to ${to}`;
}

/** A national portfolio runs to hundreds of functions: the table shows them 25 at a time. */
export const TABLE_PAGE = 25;

export function FunctionsTable({ functions, view }: { functions: readonly FunctionSummary[]; view: ViewParams }) {
  // Loaded beside the figures: the table does not wait for it.
  const history = useQuery(statusHistoryQuery(view)).data;
  const columns: Column<FunctionSummary>[] = [
    {
      id: 'function',
      header: 'Function',
      rowHeader: true,
      sortValue: (fn) => fn.name,
      cell: (fn) => (
        <>
          <Link href={withView(`/functions/${fn.slug}`, view)}>{fn.name}</Link>
          <span className="cell-note">{fn.collaborationName}</span>
        </>
      ),
    },
    {
      id: 'headline',
      header: 'Headline',
      numeric: true,
      sortValue: (fn) => fn.headlineTargetPence,
      cell: (fn) => (
        <span data-figure="headline">
          <Money pence={fn.headlineTargetPence} short />
          {fn.headlineQualifier ? <span className="cell-note">{fn.headlineQualifier}</span> : null}
          <SourceButton sourceIds={[fn.headlineSourceId]} figure={`the ${fn.name} headline`} />
        </span>
      ),
    },
    {
      id: 'target',
      header: 'Target',
      numeric: true,
      sortValue: (fn) => fn.targetPence,
      cell: (fn) => (
        <span data-figure="target">
          <Money pence={fn.targetPence} short />
          <span className="cell-note">{yearsSpan(fn)}</span>
          {fn.years.length > 1 ? (
            <span className="cell-note" data-figure="profile">
              by year: {fn.years.map((y) => `${formatMoneyShort(y.targetPence)}${y.carriedPence ? (y.carriedPence === y.targetPence ? ' carried' : ` (${formatMoneyShort(y.carriedPence)} carried)`) : ''}`).join(', ')}
            </span>
          ) : null}
          <SourceButton sourceIds={fn.targetSourceIds} figure={`the ${fn.name} target`} />
        </span>
      ),
    },
    {
      id: 'delivered',
      header: 'Delivered',
      numeric: true,
      sortValue: (fn) => (fn.periodsWithActual === 0 ? null : fn.deliveredPence),
      cell: (fn) => (
        <span data-figure="delivered">
          {fn.periodsWithActual === 0 ? <span className="muted">none recorded</span> : <Money pence={fn.deliveredPence} short qualifier={fn.deliveredQualifier} />}
          {fn.usesIllustrativeActuals ? (
            <span className="cell-note">
              <IllustrativeTag />
            </span>
          ) : null}
          <SourceButton sourceIds={fn.deliveredSourceIds} figure={`${fn.name} delivered`} />
        </span>
      ),
    },
    {
      id: 'forecast',
      header: 'Forecast',
      numeric: true,
      // Only years with a forecast recorded; the rest show none.
      sortValue: (fn) => fn.forecastPence,
      cell: (fn) => (
        <span data-figure="forecast">
          {fn.forecastPence === null ? <span className="muted">none</span> : <Money pence={fn.forecastPence} short />}
          {fn.forecastFrom ? (
            // One force's forecast is that force's, never the whole function's.
            <span className="cell-note" data-figure="forecast-from">
              {forecastFromWords(fn.forecastFrom.map((f) => f.forceName))}
            </span>
          ) : null}
        </span>
      ),
    },
    {
      id: 'gap',
      header: 'Gap',
      numeric: true,
      sortValue: (fn) => fn.gapPence,
      cell: (fn) => (
        <span data-figure="gap">
          <Money pence={fn.gapPence} short />
          <span className="cell-note">{fn.gapPence < 0 ? describeVariance(-fn.gapPence, undefined, fn.gapQualifier) : fn.gapPence === 0 ? 'none' : qualified('still to deliver', fn.gapQualifier)}</span>
        </span>
      ),
    },
    {
      id: 'status',
      header: 'Status',
      sortValue: (fn) => (fn.years.length === 0 ? 4 : SEVERITY[fn.rag]),
      cell: (fn) => (
        <span data-figure="status">
          {fn.years.length === 0 ? <span className="muted">Nothing due</span> : <RagBadge rag={fn.rag} />}
          <span className="cell-note">{reportingLine(fn)}</span>
          {history && fn.years.length > 0 ? <StatusStrip history={history} slug={fn.slug} /> : null}
        </span>
      ),
    },
  ];
  return (
    <SortableTable
      caption={`Every function: its business-case headline, target, delivery, forecast and status, most off track first${history && history.points.length > 1 ? `; under each status, its status as the ledger stood at ${history.points.slice(0, -1).map((p) => p.label).join(', ')}, then now` : ''}`}
      columns={columns}
      rows={functions}
      rowKey={(fn) => fn.slug}
      rowProps={(fn) => ({ 'data-function': fn.slug })}
      testId="functions-table"
      pageSize={TABLE_PAGE}
      rowsAre="functions"
    />
  );
}
