import { useQuery } from '@tanstack/react-query';
import { rememberWherePresentingStarted } from '../../lib/present';
import { lazy } from 'react';
import { Link, useSearch } from 'wouter';
import { RisksSection } from '../benefits/RisksSection';
import { RetireForm } from './RetireForm';
import { canManagePortfolio } from '../../lib/roles';
import type { FunctionDetail } from '../../../server/contracts/functions';
import { functionQuery, sessionQuery } from '../../api/queries';
import { ChartFrame } from '../../components/ChartFrame';
import { Downloads } from '../../components/Downloads';
import { HowToRead } from '../../components/HowToRead';
import { IllustrativeTag } from '../../components/Illustrative';
import { Money } from '../../components/Money';
import { NotFound } from '../../components/NotFound';
import { QueryState } from '../../components/QueryState';
import { RagBadge } from '../../components/RagBadge';
import { Citation, SourceButton } from '../../components/SourceButton';
import { formatFiscalYear, formatPaperDate } from '../../lib/dates';
import { MILESTONE_LABEL } from '../../lib/labels';
import { describeVariance, formatMoneyShort, qualified } from '../../lib/money';
import { reportingLine } from '../../lib/rag';
import { useViewParams, withView, type ViewParams } from '../../lib/url';
import { CumulativeSection } from '../portfolio/CumulativeSection';
import { FunctionBenefits } from '../benefits/FunctionBenefits';
import { BaselinesTable } from './BaselinesTable';
import { Commentary } from './Commentary';
import { Rebaseline } from './Rebaseline';
import { ForceSplit } from './ForceSection';
import { LineVariances } from './LineVariances';
import { Reconciliation } from './Reconciliation';
import { SavingsLinesTable } from './SavingsLinesTable';
import { EditParticulars } from './EditParticulars';
import { YearsTable } from './YearsTable';
import { usePageTitle } from '../../lib/page';

const TargetDeliveredChart = lazy(() => import('../../components/TargetDeliveredChart'));

export function FunctionPage({ slug }: { slug: string }) {
  const view = useViewParams();
  const detail = useQuery(functionQuery(slug, view));
  return (
    <QueryState
      query={detail}
      what="the function"
      notFound={(message) => (
        <NotFound title="No such function" message={message}>
          Choose one from the <Link href={withView('/', view)}>portfolio of collaborated functions</Link>.
        </NotFound>
      )}
    >
      {(data) => <FunctionView detail={data} view={view} />}
    </QueryState>
  );
}

function FunctionView({ detail, view }: { detail: FunctionDetail; view: ViewParams }) {
  const fn = detail.function;
  const session = useQuery(sessionQuery());
  const owns = !!session.data?.user?.grants.some((g) => g.role === 'function-owner' && g.function === fn.slug);
  usePageTitle(fn.name);
  const nothingInPeriod = detail.years.length === 0;
  const justAdded = new URLSearchParams(useSearch()).get('added') === '1';
  return (
    <article>
      <nav aria-label="Breadcrumb" className="breadcrumbs">
        <ol>
          <li>
            <Link href={withView('/', view)}>Portfolio</Link>
          </li>
          <li aria-current="page">{fn.name}</li>
        </ol>
      </nav>
      <h1>{fn.name}</h1>
      {justAdded && fn.entered ? (
        <div className="notice notice-success" role="status">
          {fn.name} is on the portfolio. Editors of {fn.forces.length} forces can now record its actuals and forecasts.
        </div>
      ) : null}
      <p className="lead">{fn.description}</p>
      {fn.retiredOn ? (
        <p className="notice" data-testid="retired">
          Retired on {formatPaperDate(fn.retiredOn)}. Its figures stay; none is recorded for a period from that day.
        </p>
      ) : null}
      <p className="provenance" data-testid="provenance">
        {fn.entered
          ? `Entered in Realise by ${fn.entered.by} on ${formatPaperDate(fn.entered.at.slice(0, 10))}, from its business case.`
          : 'From the board papers.'}
        {fn.changed ? ` Its particulars last corrected by ${fn.changed.by} on ${formatPaperDate(fn.changed.at.slice(0, 10))}.` : ''}
        {fn.leadForce ? ` Led by ${fn.leadForce.name}.` : ''}
      </p>
      {canManagePortfolio(session.data?.user ?? null) && fn.entered ? <EditParticulars detail={detail} /> : null}
      {canManagePortfolio(session.data?.user ?? null) ? <RetireForm detail={detail} /> : null}
      <p data-testid="view-scope">
        <strong>{detail.period.description}</strong>, as at {formatPaperDate(detail.asAt)}.{' '}
        <Link onClick={rememberWherePresentingStarted} href={withView(`/present/${fn.slug}`, view)}>Present this function</Link>
      </p>
      <Downloads path={`/api/export/functions/${fn.slug}`} query={{ period: view.period, asAt: view.asAt }} what="this function’s figures" />
      <HowToRead />
      {nothingInPeriod ? (
        <p className="empty" role="status">
          {fn.name} has no target, actual or forecast in {detail.period.description}
          {((profiled) =>
            detail.period.id === 'all'
              ? ''
              : profiled.length > 0
                ? `: its targets run from ${formatFiscalYear(profiled[0]!)} to ${formatFiscalYear(profiled.at(-1)!)}`
                : ': its figures are not profiled by year, so they show under all years')(
            (detail.baselines.find((b) => b.isCurrent)?.years ?? []).map((y) => y.fy).filter((fy): fy is string => fy !== null).sort(),
          )}
          . Choose another period to see its figures.
        </p>
      ) : null}
      <dl className="summary-list">
        <div>
          <dt>Collaboration</dt>
          <dd>{fn.collaborationName}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd data-figure="status">
            <RagBadge rag={fn.rag} /> <span className="cell-note-inline">{reportingLine(fn)}</span>
          </dd>
        </div>
        <div>
          <dt>Business-case headline</dt>
          <dd data-figure="headline">
            <Money pence={fn.headlineTargetPence} short /> {fn.headlineQualifier ? `(${fn.headlineQualifier})` : ''}{' '}
            <SourceButton sourceIds={[fn.headlineSourceId]} figure={`the ${fn.name} headline`} />
          </dd>
        </div>
        <div>
          <dt>Target in the period</dt>
          <dd data-figure="target">
            <Money pence={fn.targetPence} short /> <SourceButton sourceIds={fn.targetSourceIds} figure={`the ${fn.name} target`} />
          </dd>
        </div>
        <div>
          <dt>Delivered</dt>
          <dd data-figure="delivered">
            {fn.periodsWithActual === 0 ? 'No actual recorded yet' : <Money pence={fn.deliveredPence} short qualifier={fn.deliveredQualifier} />}{' '}
            {fn.usesIllustrativeActuals ? <IllustrativeTag /> : null}
            <SourceButton sourceIds={fn.deliveredSourceIds} figure={`${fn.name} delivered`} />
          </dd>
        </div>
        <div>
          <dt>Gap</dt>
          <dd data-figure="gap">
            <Money pence={fn.gapPence} short /> {fn.gapPence < 0 ? `(${describeVariance(-fn.gapPence, undefined, fn.gapQualifier)} of target)` : ''}
          </dd>
        </div>
        <div>
          <dt>Forecast</dt>
          <dd data-figure="forecast">{fn.forecastPence === null ? 'No forecast recorded' : <Money pence={fn.forecastPence} short />}</dd>
        </div>
      </dl>

      <Reconciliation detail={detail} />

      {nothingInPeriod ? null : (
        <>
          <section aria-labelledby="variance-heading">
            <h2 id="variance-heading">Where it stands, line by line</h2>
            <LineVariances detail={detail} />
            <Commentary slug={fn.slug} period={detail.period.id} periodWords={detail.period.description} mayWrite={owns} />
          </section>
          <RisksSection fn={fn.slug} hideWhenEmpty />

          <section aria-labelledby="years-heading">
            <h2 id="years-heading">By financial year</h2>
            <ChartFrame
              title={`${fn.name}: target against delivered, by financial year`}
              caption={`${detail.years
                .map(
                  (y) =>
                    `${formatFiscalYear(y.fy)}: target ${formatMoneyShort(y.targetPence)}${y.carriedPence ? ` (${y.carriedPence === y.targetPence ? 'carried' : `${formatMoneyShort(y.carriedPence)} of it carried`}, the same saving kept)` : ''}, ${y.deliveredPence === null ? 'no actual yet' : `delivered ${qualified(formatMoneyShort(y.deliveredPence), y.deliveredQualifier)}`}${y.forecastPence === null ? '' : `, forecast ${formatMoneyShort(y.forecastPence)}`}`,
                )
                .join('; ')}.`}
              chart={
                <TargetDeliveredChart
                  rows={detail.years.map((y) => ({
                    label: y.fy === null ? 'Whole period' : y.fy.replace('-', '/'),
                    targetPence: y.targetPence,
                    deliveredPence: y.deliveredPence,
                    forecastPence: y.forecastPence,
                    // A year's bars open the function for that year, the other filters kept.
                    ...(y.fy === null ? {} : { href: withView(`/functions/${fn.slug}`, { ...view, period: y.fy }) }),
                  }))}
                />
              }
              table={<YearsTable detail={detail} />}
              stacked
            />
            <CumulativeSection data={detail} />
          </section>

          <section aria-labelledby="lines-heading">
            <h2 id="lines-heading">Savings lines</h2>
            <SavingsLinesTable detail={detail} owns={owns} />
          </section>

          <section aria-labelledby="function-forces-heading">
            <h2 id="function-forces-heading">By force</h2>
            <ForceSplit detail={detail} view={view} />
          </section>
        </>
      )}

      <FunctionBenefits slug={fn.slug} name={fn.name} />

      <section aria-labelledby="baselines-heading">
        <h2 id="baselines-heading">Baselines: the original promise and the current target</h2>
        <BaselinesTable detail={detail} />
        {owns ? <Rebaseline detail={detail} /> : null}
      </section>

      <AgreementSection detail={detail} />

      <section aria-labelledby="sources-heading">
        <h2 id="sources-heading">Where these figures come from</h2>
        <ol className="sources-list">
          {detail.sources.map((source) => (
            <li key={source.id} id={`source-${source.id}`}>
              <Citation source={source} />
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}

function AgreementSection({ detail }: { detail: FunctionDetail }) {
  const agreement = detail.agreement;
  if (!agreement) return null;
  return (
    <section aria-labelledby="agreement-heading">
      <h2 id="agreement-heading">Agreement and dates</h2>
      <p>
        <strong>{agreement.name}</strong>
        {agreement.note ? `. ${agreement.note}` : ''}
      </p>
      <table className="data-table compact">
        <caption>Dates of the agreement</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">What</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {agreement.milestones.map((m) => (
            <tr key={`${m.kind}-${m.date}`}>
              <td>{formatPaperDate(m.date)}</td>
              <td>
                {MILESTONE_LABEL[m.kind] ?? m.kind}: {m.description}
              </td>
              <td>
                <SourceButton sourceIds={[m.sourceId]} figure={`the date ${formatPaperDate(m.date)}`} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
