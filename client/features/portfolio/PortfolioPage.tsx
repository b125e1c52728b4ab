import { useQuery } from '@tanstack/react-query';
import { rememberWherePresentingStarted } from '../../lib/present';
import { lazy, memo, useRef } from 'react';
import { Link } from 'wouter';
import type { FunctionList, FunctionSummary } from '../../../server/contracts/functions';
import { functionsQuery, sessionQuery } from '../../api/queries';
import { canManagePortfolio } from '../../lib/roles';
import { ChartFrame } from '../../components/ChartFrame';
import { Downloads } from '../../components/Downloads';
import { IllustrativeTag } from '../../components/Illustrative';
import { Money } from '../../components/Money';
import { QueryState } from '../../components/QueryState';
import { RagCounts } from '../../components/RagCounts';
import { SortableTable, type Column } from '../../components/SortableTable';
import { formatPaperDate } from '../../lib/dates';
import { shortName } from '../../lib/labels';
import { formatMoneyShort, qualified } from '../../lib/money';
import { chartOfMostOffTrack, mostOffTrackFirst } from '../../lib/rag';
import { useViewParams, withView, type ViewParams } from '../../lib/url';
import { ForceSection } from '../function/ForceSection';
import { CumulativeSection } from './CumulativeSection';
import { ChangesSection } from './ChangesSection';
import { AgreementsDue } from '../agreements/AgreementsDue';
import { HowToRead } from '../../components/HowToRead';
import { FunctionsTable, TABLE_PAGE } from './FunctionsTable';
import { ProgrammeFigures } from './ProgrammeFigures';
import { usePageTitle } from '../../lib/page';

const TargetDeliveredChart = lazy(() => import('../../components/TargetDeliveredChart'));

export function PortfolioPage() {
  const view = useViewParams();
  // While another period loads, the figures on screen stay, marked as updating, and are redrawn in
  // place when it comes (at national scale, tearing the page down and building it again was most of
  // a filter change). Until then the sections below keep to the period they show, so the server is
  // asked for the new figures first and their history, changes and split after.
  const portfolio = useQuery({ ...functionsQuery(view), placeholderData: (previous) => previous });
  const shown = useRef(view);
  if (!portfolio.isPlaceholderData && portfolio.data) shown.current = view;
  usePageTitle('Portfolio');
  const session = useQuery(sessionQuery());
  return (
    <>
      <h1>Collaborated functions: savings promised and delivered</h1>
      {canManagePortfolio(session.data?.user ?? null) ? (
        <p>
          <Link href="/functions/new">Add a function to the portfolio</Link>
        </p>
      ) : null}
      {portfolio.isPlaceholderData ? (
        <p role="status" className="loading">
          Updating the figures for the period chosen…
        </p>
      ) : null}
      <div aria-busy={portfolio.isPlaceholderData}>
        <QueryState query={portfolio} what="the savings ledger">
          {(data) => <Portfolio data={data} view={portfolio.isPlaceholderData ? shown.current : view} />}
        </QueryState>
      </div>
    </>
  );
}


/** Drawn again only when its figures or its view change: not for a filter change whose figures are still loading. */
const Portfolio = memo(function Portfolio({ data, view }: { data: FunctionList; view: ViewParams }) {
  const functions = mostOffTrackFirst(data.functions);
  const chart = chartOfMostOffTrack(data.functions);
  const scopeWords = `${data.period.description}${data.collaboration === 'all' ? '' : `, ${functions[0]?.collaborationName ?? data.collaboration}`}`;
  const illustrativeActuals = functions.some((f) => f.usesIllustrativeActuals);
  return (
    <>
      <p className="lead" data-testid="view-scope">
        {scopeWords}, as at {formatPaperDate(data.asAt)}. Target is the sum of each function’s targets in the period (a
        half or quarter takes its year’s target pro rata by month); delivered is the actuals recorded. Every figure has a{' '}
        <em>Source</em> button.
      </p>
      <HowToRead />
      {illustrativeActuals ? (
        <p className="note note-illustrative">
          <IllustrativeTag /> This ledger includes the illustrative demo data set: invented monthly actuals and forecasts,
          marked wherever they count. They are not from the papers.
        </p>
      ) : null}
      {functions.length === 0 ? (
        <p className="empty" role="status">
          No function of {data.collaboration === 'all' ? 'any collaboration' : `the ${data.collaboration} collaboration`} has
          savings in the ledger yet. Choose another collaboration, or all of them.
        </p>
      ) : (
        <>
          <section aria-labelledby="totals-heading">
            <h2 id="totals-heading" className="visually-hidden">
              Totals
            </h2>
            <dl className="summary-list totals" data-testid="totals">
              <div>
                <dt>Target</dt>
                <dd>
                  <Money pence={data.totals.targetPence} short />
                </dd>
              </div>
              <div>
                <dt>Delivered</dt>
                <dd>
                  <Money pence={data.totals.deliveredPence} short qualifier={data.totals.deliveredQualifier} />
                </dd>
              </div>
              <div>
                <dt>Forecast, where recorded</dt>
                <dd>{data.totals.forecastPence === null ? <span className="muted">none recorded</span> : <Money pence={data.totals.forecastPence} short />}</dd>
              </div>
              <div>
                <dt>Short of target</dt>
                <dd data-figure="shortfall">
                  <Money pence={data.totals.shortfallPence} short />
                  <span className="cell-note">the functions behind their target, added up</span>
                </dd>
              </div>
              <div>
                <dt>Ahead of target</dt>
                <dd data-figure="ahead">
                  <Money pence={data.totals.aheadPence} short />
                  <span className="cell-note">the functions ahead, added up; net gap <Money pence={data.totals.gapPence} short /></span>
                </dd>
              </div>
            </dl>
            <RagCounts counts={data.ragCounts} />
            <p>
              <Link onClick={rememberWherePresentingStarted} href={withView('/present', view)} className="button button-secondary">
                Present to the Summit
              </Link>{' '}
              <a href={withView('/api/export/presentation', view)} download>
                Take the presentation away as PowerPoint (.pptx)
              </a>
            </p>
            <Downloads path="/api/export/portfolio" query={view} what="this view’s figures" />
          </section>
          <section aria-labelledby="functions-heading">
            <h2 id="functions-heading">Functions</h2>
            <FunctionsTable functions={functions} view={view} />
          </section>
          <Reconciliations functions={functions} view={view} />
          <section aria-labelledby="chart-heading">
            <h2 id="chart-heading">Target against delivered</h2>
            <ChartFrame
              title={`Target against delivered, by function: ${data.period.description}`}
              caption={`${chart.rest ? `The ${chart.shown.length} most off track of ${functions.length} functions, one bar each; the other ${chart.rest.count} with something due are added together below the chart, and every function is in the table. ` : ''}${chart.shown
                .map(
                  (fn) =>
                    `${fn.name}: target ${formatMoneyShort(fn.targetPence)}, ${fn.periodsWithActual === 0 ? 'no actual yet' : `delivered ${qualified(formatMoneyShort(fn.deliveredPence), fn.deliveredQualifier)}`}${fn.forecastPence === null ? '' : `, forecast ${formatMoneyShort(fn.forecastPence)}`}`,
                )
                .join('; ')}${chart.rest ? `; the other ${chart.rest.count}: target ${formatMoneyShort(chart.rest.targetPence)}, delivered ${formatMoneyShort(chart.rest.deliveredPence)}` : ''}.`}
              chart={
                <>
                  <TargetDeliveredChart
                    rows={chart.shown.map((fn) => ({
                      label: fn.name.length > 18 ? shortName(fn) : fn.name,
                      targetPence: fn.targetPence,
                      deliveredPence: fn.periodsWithActual === 0 ? null : fn.deliveredPence,
                      forecastPence: fn.forecastPence,
                      href: withView(`/functions/${fn.slug}`, view),
                    }))}
                  />
                  {chart.rest ? (
                    // Added together, the rest would dwarf every bar drawn: they are given in words instead.
                    <p className="note" data-testid="chart-rest">
                      The other {chart.rest.count} functions with something due, added together: target <Money pence={chart.rest.targetPence} short />, delivered{' '}
                      <Money pence={chart.rest.deliveredPence} short />
                      {chart.rest.forecastPence === null ? '' : <>, forecast <Money pence={chart.rest.forecastPence} short /></>}. Every function is in the table.
                    </p>
                  ) : null}
                </>
              }
              table={<ChartTable functions={functions} view={view} />}
            />
          </section>
          <ChangesSection view={view} />
          <AgreementsDue />
          <section aria-labelledby="cumulative-heading">
            <h2 id="cumulative-heading">Cumulative delivery against cumulative target</h2>
            <CumulativeSection data={data} />
          </section>
          <ForceSection functions={functions} view={view} />
          <ProgrammeFigures />
        </>
      )}
    </>
  );
});

/** The chart's figures, sortable. */
function ChartTable({ functions, view }: { functions: readonly FunctionSummary[]; view: ViewParams }) {
  const columns: Column<FunctionSummary>[] = [
    // Each row opens what it shows, as its bars do.
    { id: 'function', header: 'Function', rowHeader: true, sortValue: (f) => f.name, cell: (f) => <Link href={withView(`/functions/${f.slug}`, view)}>{f.name}</Link> },
    { id: 'target', header: 'Target', numeric: true, sortValue: (f) => f.targetPence, cell: (f) => <Money pence={f.targetPence} /> },
    {
      id: 'delivered',
      header: 'Delivered',
      numeric: true,
      sortValue: (f) => (f.periodsWithActual === 0 ? null : f.deliveredPence),
      cell: (f) => (f.periodsWithActual === 0 ? <span className="muted">none recorded</span> : <Money pence={f.deliveredPence} qualifier={f.deliveredQualifier} />),
    },
    { id: 'forecast', header: 'Forecast', numeric: true, sortValue: (f) => f.forecastPence, cell: (f) => <Money pence={f.forecastPence} /> },
  ];
  return <SortableTable caption="The chart’s figures, every function" columns={columns} rows={functions} rowKey={(f) => f.slug} pageSize={TABLE_PAGE} rowsAre="functions in the chart’s table" />;
}

/** Where a business case's headline and its yearly profile differ, say so plainly. */
function Reconciliations({ functions, view }: { functions: readonly FunctionSummary[]; view: ViewParams }) {
  // Only over all years: a period's target is a part of the profile by design.
  if (view.period) return null;
  const differing = functions.filter((fn) => fn.headlineTargetPence !== null && fn.headlineTargetPence !== fn.targetPence);
  if (differing.length === 0) return null;
  return (
    <section aria-labelledby="reconciliation-heading" className="callout">
      <h2 id="reconciliation-heading">Headlines against profiles</h2>
      <ul>
        {differing.map((fn) => {
          const unprofiled = fn.headlineTargetPence! - fn.targetPence;
          return (
            <li key={fn.slug} data-reconciliation={fn.slug}>
              <strong>{fn.name}</strong>: headline {formatMoneyShort(fn.headlineTargetPence!)}
              {fn.headlineQualifier ? ` (${fn.headlineQualifier})` : ''}, profiled by year {formatMoneyShort(fn.targetPence)}, so{' '}
              {formatMoneyShort(Math.abs(unprofiled))} {unprofiled > 0 ? 'is not profiled in any year' : 'more is profiled than the headline'} (
              <Money pence={fn.headlineTargetPence} /> − <Money pence={fn.targetPence} /> = <Money pence={unprofiled} />).{' '}
              <Link href={withView(`/functions/${fn.slug}#reconciliation`, view)}>See the {fn.name} reconciliation</Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
