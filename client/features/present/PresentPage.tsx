import { useQuery } from '@tanstack/react-query';
import { lazy, useEffect, useRef } from 'react';
import { Link, useLocation } from 'wouter';
import type { FunctionSummary, SavingsLine } from '../../../server/contracts/functions';
import { functionQuery, functionsQuery } from '../../api/queries';
import { ChartFrame } from '../../components/ChartFrame';
import { IllustrativeTag } from '../../components/Illustrative';
import { Money } from '../../components/Money';
import { QueryState } from '../../components/QueryState';
import { RagBadge } from '../../components/RagBadge';
import { formatPaperDate } from '../../lib/dates';
import { describeVariance, formatMoneyShort, qualified } from '../../lib/money';
import { mostOffTrackFirst, reportingLine } from '../../lib/rag';
import { useViewParams, withView, type ViewParams } from '../../lib/url';
import { usePageTitle } from '../../lib/page';

const TargetDeliveredChart = lazy(() => import('../../components/TargetDeliveredChart'));

/**
 * For the Summit's shared screen: one function a screen in large type, most off track first.
 * Right and left arrows (or Page Down and Page Up) move between functions; Escape goes back.
 */
export function PresentPage({ slug }: { slug: string | undefined }) {
  const view = useViewParams();
  const portfolio = useQuery(functionsQuery(view));
  return (
    <div className="presentation">
      <QueryState query={portfolio} what="the functions">
        {(data) => {
          const order = mostOffTrackFirst(data.functions);
          const found = order.findIndex((f) => f.slug === slug);
          if (slug !== undefined && found < 0) {
            return (
              <div role="alert" className="error-summary" data-testid="load-failure">
                <h2>There is no function “{slug}” to present</h2>
                <p>
                  <Link href={withView('/present', view)}>Present every function, starting with the most off track</Link>, or go back to the{' '}
                  <Link href={withView('/', view)}>portfolio</Link>.
                </p>
              </div>
            );
          }
          const index = Math.max(0, found);
          return order.length === 0 ? (
            <p className="empty">
              There are no functions to present for this filter. <Link href={withView('/', view)}>Back to the portfolio</Link>
            </p>
          ) : (
            <Slide order={order} index={index} view={view} period={data.period.description} asAt={data.asAt} />
          );
        }}
      </QueryState>
    </div>
  );
}

function Slide({ order, index, view, period, asAt }: { order: FunctionSummary[]; index: number; view: ViewParams; period: string; asAt: string }) {
  const [, navigate] = useLocation();
  const fn = order[index]!;
  usePageTitle(`Presenting ${fn.name}`);
  const detail = useQuery(functionQuery(fn.slug, view));
  const heading = useRef<HTMLHeadingElement>(null);
  const go = (to: number) => {
    if (to >= 0 && to < order.length) navigate(withView(`/present/${order[to]!.slug}`, view));
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      // Leave the keys alone while someone is in a form control.
      if (event.target instanceof HTMLElement && event.target.closest('select, input, textarea')) return;
      if (event.key === 'ArrowRight' || event.key === 'PageDown') go(index + 1);
      else if (event.key === 'ArrowLeft' || event.key === 'PageUp') go(index - 1);
      else if (event.key === 'Escape') navigate(withView(`/functions/${fn.slug}`, view));
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  // A new slide is announced by moving focus to its heading.
  useEffect(() => {
    heading.current?.focus();
  }, [fn.slug]);

  return (
    <article className="slide" aria-roledescription="slide" aria-label={`${fn.name}, ${index + 1} of ${order.length}`}>
      <header className="slide-header">
        <p className="slide-position">
          {index + 1} of {order.length} · {period} · as at {formatPaperDate(asAt)}
        </p>
        <h1 ref={heading} tabIndex={-1}>
          {fn.name}
        </h1>
        <p className="slide-status">
          <RagBadge rag={fn.rag} /> <span className="muted">{reportingLine(fn)}</span>
        </p>
      </header>
      <dl className="slide-figures">
        <div>
          <dt>Target</dt>
          <dd>
            <Money pence={fn.targetPence} short />
          </dd>
        </div>
        <div>
          <dt>Delivered</dt>
          <dd>
            {fn.periodsWithActual === 0 ? <span className="muted">none yet</span> : <Money pence={fn.deliveredPence} short qualifier={fn.deliveredQualifier} />}
            {fn.usesIllustrativeActuals ? <IllustrativeTag /> : null}
          </dd>
        </div>
        <div>
          <dt>Gap</dt>
          <dd>{fn.gapPence < 0 ? describeVariance(-fn.gapPence, undefined, fn.gapQualifier) : <Money pence={fn.gapPence} short qualifier={fn.gapQualifier} />}</dd>
        </div>
        <div>
          <dt>Forecast</dt>
          <dd>{fn.forecastPence === null ? <span className="muted">none</span> : <Money pence={fn.forecastPence} short />}</dd>
        </div>
      </dl>
      {fn.years.length > 0 ? (
        <ChartFrame
          title={`${fn.name} by year`}
          caption={fn.years
            .map((y) => `${y.label}: target ${formatMoneyShort(y.targetPence)}, ${y.deliveredPence === null ? 'no actual yet' : `delivered ${qualified(formatMoneyShort(y.deliveredPence), y.deliveredQualifier)}`}`)
            .join('; ')}
          chart={
            <TargetDeliveredChart
              height={360}
              rows={fn.years.map((y) => ({ label: y.label, targetPence: y.targetPence, deliveredPence: y.deliveredPence, forecastPence: y.forecastPence }))}
            />
          }
          table={
            <table className="data-table">
              <caption>The chart’s figures</caption>
              <thead>
                <tr>
                  <th scope="col">Year</th>
                  <th scope="col" className="numeric">
                    Target
                  </th>
                  <th scope="col" className="numeric">
                    Delivered
                  </th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {fn.years.map((y) => (
                  <tr key={y.fy ?? 'whole'}>
                    <th scope="row">{y.label}</th>
                    <td className="numeric">{formatMoneyShort(y.targetPence)}</td>
                    <td className="numeric">{y.deliveredPence === null ? '–' : qualified(formatMoneyShort(y.deliveredPence), y.deliveredQualifier)}</td>
                    <td>
                      <RagBadge rag={y.rag} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
      ) : null}
      {detail.data ? <OffTrackLines lines={detail.data.lines} /> : null}
      <nav className="slide-nav" aria-label="Move between functions">
        <button type="button" className="button button-secondary" onClick={() => go(index - 1)} disabled={index === 0}>
          ← Previous
        </button>
        <Link href={withView(`/functions/${fn.slug}`, view)}>Leave the presentation (Esc)</Link>
        <button type="button" className="button button-secondary" onClick={() => go(index + 1)} disabled={index === order.length - 1}>
          Next →
        </button>
      </nav>
    </article>
  );
}

function OffTrackLines({ lines }: { lines: SavingsLine[] }) {
  // The lines at risk or off track over the period, by the server's figures, the largest shortfall first.
  const short = lines
    .filter((l) => l.inPeriod.rag === 'red' || l.inPeriod.rag === 'amber')
    .map((l) => ({ l, variance: l.inPeriod.variancePence ?? 0, qualifier: l.inPeriod.varianceQualifier }))
    .sort((a, b) => a.variance - b.variance);
  if (short.length === 0) return null;
  return (
    <section className="slide-why" aria-labelledby="why-heading">
      <h2 id="why-heading">Where it falls short</h2>
      <ul>
        {short.map(({ l, variance, qualifier }) => (
          <li key={l.code}>
            {l.name}: {describeVariance(variance, undefined, qualifier)}
          </li>
        ))}
      </ul>
    </section>
  );
}
