import { useQuery } from '@tanstack/react-query';
import { lazy, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'wouter';
import type { FunctionList, FunctionSummary, SavingsLine } from '../../../server/contracts/functions';
import { commentaryQuery, functionQuery, functionsQuery } from '../../api/queries';
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
import { PRESENT_FROM } from '../../lib/present';
import { forecastFromWords } from '../../../server/contracts/words';

const TargetDeliveredChart = lazy(() => import('../../components/TargetDeliveredChart'));

/**
 * For the Summit's shared screen: one function a screen in large type, most off track first.
 * Right and left arrows (or Page Down and Page Up) move between functions; Escape goes back.
 */
/** The slide of the functions with nothing due in the period, listed together. */
export const NOTHING_DUE = '_nothing-due';

export function PresentPage({ slug }: { slug: string | undefined }) {
  const view = useViewParams();
  const portfolio = useQuery(functionsQuery(view));
  return (
    <div className="presentation">
      <QueryState query={portfolio} what="the functions">
        {(data) => {
          const ordered = mostOffTrackFirst(data.functions);
          const order = ordered.filter((f) => f.years.length > 0);
          const nothingDue = ordered.filter((f) => f.years.length === 0);
          const found = order.findIndex((f) => f.slug === slug);
          if (slug !== undefined && slug !== NOTHING_DUE && found < 0) {
            const idle = nothingDue.find((f) => f.slug === slug);
            return (
              <div role="alert" className="error-summary" data-testid="load-failure">
                <h2>{idle ? `${idle.name} has nothing due in ${data.period.description}` : `There is no function “${slug}” to present`}</h2>
                <p>
                  <Link href={withView('/present', view)}>Present every function, starting with the overview</Link>, or go back to the{' '}
                  <Link href={withView('/', view)}>portfolio</Link>.
                </p>
              </div>
            );
          }
          const slides = [undefined, ...order.map((f) => f.slug), ...(nothingDue.length > 0 ? [NOTHING_DUE] : [])];
          const at = slides.indexOf(slug);
          const props = { slides, at, view, period: data.period.description, periodId: data.period.id, asAt: data.asAt };
          if (slug === undefined) return <OverviewSlide {...props} portfolio={data} order={order} />;
          if (slug === NOTHING_DUE) return <NothingDueSlide {...props} functions={nothingDue} />;
          return <Slide order={order} index={found} {...props} />;
        }}
      </QueryState>
    </div>
  );
}

type SlideProps = { slides: (string | undefined)[]; at: number; view: ViewParams; period: string; periodId: string; asAt: string };

/** Arrow keys and Page Up/Down between slides; Escape back to where the presentation started (or the given page). */
function useSlideKeys({ slides, at, view }: SlideProps, leaveTo: string) {
  const [, navigate] = useLocation();
  const go = (to: number) => {
    if (to < 0 || to >= slides.length) return;
    const slug = slides[to];
    navigate(withView(slug === undefined ? '/present' : `/present/${slug}`, view));
  };
  const leave = () => {
    const from = sessionStorage.getItem(PRESENT_FROM);
    sessionStorage.removeItem(PRESENT_FROM);
    navigate(from ?? leaveTo);
  };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      // Leave the keys alone while someone is in a form control.
      if (event.target instanceof HTMLElement && event.target.closest('select, input, textarea')) return;
      if (event.key === 'ArrowRight' || event.key === 'PageDown') go(at + 1);
      else if (event.key === 'ArrowLeft' || event.key === 'PageUp') go(at - 1);
      else if (event.key === 'Escape') leave();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  return { go, leave };
}

function SlideNav({ props, go, leave }: { props: SlideProps; go: (to: number) => void; leave: () => void }) {
  return (
    <nav className="slide-nav" aria-label="Move between slides">
      <button type="button" className="button button-secondary" onClick={() => go(props.at - 1)} disabled={props.at === 0}>
        ← Previous
      </button>
      <button type="button" className="link-button" onClick={leave}>
        Leave the presentation (Esc)
      </button>
      <button type="button" className="button button-secondary" onClick={() => go(props.at + 1)} disabled={props.at === props.slides.length - 1}>
        Next →
      </button>
    </nav>
  );
}

/** The first slide: the portfolio's totals, its statuses counted, and the functions most off track. */
function OverviewSlide(props: SlideProps & { portfolio: FunctionList; order: FunctionSummary[] }) {
  usePageTitle('Presenting the portfolio');
  const { go, leave } = useSlideKeys(props, withView('/', props.view));
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const { totals, ragCounts } = props.portfolio;
  const offTrack = props.order.filter((f) => f.rag === 'red' || f.rag === 'amber').slice(0, 5);
  return (
    <article className="slide" aria-roledescription="slide" aria-label="Overview, the first slide" data-testid="overview-slide">
      <header className="slide-header">
        <p className="slide-position">
          Overview · {props.period} · as at {formatPaperDate(props.asAt)}
        </p>
        <h1 ref={heading} tabIndex={-1}>
          Collaborated functions: {props.period}
        </h1>
      </header>
      <dl className="slide-figures">
        <div>
          <dt>Target</dt>
          <dd>
            <Money pence={totals.targetPence} short />
          </dd>
        </div>
        <div>
          <dt>Delivered</dt>
          <dd>
            <Money pence={totals.deliveredPence} short qualifier={totals.deliveredQualifier} />
          </dd>
        </div>
        <div>
          <dt>Short of target</dt>
          <dd>
            <Money pence={totals.shortfallPence} short />
          </dd>
        </div>
        <div>
          <dt>Ahead of target</dt>
          <dd>
            <Money pence={totals.aheadPence} short />
          </dd>
        </div>
      </dl>
      <p className="slide-status" data-testid="overview-counts">
        {ragCounts.red} off track · {ragCounts.amber} at risk · {ragCounts.green} on track · {ragCounts.none} no actual yet
        {ragCounts.notInPeriod > 0 ? ` · ${ragCounts.notInPeriod} with nothing due` : ''}
      </p>
      {offTrack.length > 0 ? (
        <section className="slide-why" aria-labelledby="most-off-track">
          <h2 id="most-off-track">Most off track</h2>
          <ul>
            {offTrack.map((f) => (
              <li key={f.slug}>
                <RagBadge rag={f.rag} /> {f.name}: <Money pence={f.gapPence} short qualifier={f.gapQualifier} /> short
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p className="no-print">
        <a href={withView('/api/export/presentation', props.view)} download>
          Take this presentation away as PowerPoint (.pptx)
        </a>
      </p>
      <SlideNav props={props} go={go} leave={leave} />
    </article>
  );
}

/** The functions with nothing due in the period, together on one slide rather than one empty slide each. */
function NothingDueSlide(props: SlideProps & { functions: FunctionSummary[] }) {
  usePageTitle('Presenting: nothing due');
  const { go, leave } = useSlideKeys(props, withView('/', props.view));
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <article className="slide" aria-roledescription="slide" aria-label="Nothing due, the last slide" data-testid="nothing-due-slide">
      <header className="slide-header">
        <p className="slide-position">After the functions · {props.period}</p>
        <h1 ref={heading} tabIndex={-1}>
          Nothing due in {props.period}
        </h1>
      </header>
      <ul className="slide-list">
        {props.functions.map((f) => (
          <li key={f.slug}>{f.name}</li>
        ))}
      </ul>
      <p className="muted">These have no target, actual or forecast in the period; choose another period to see them.</p>
      <SlideNav props={props} go={go} leave={leave} />
    </article>
  );
}

function Slide(props: SlideProps & { order: FunctionSummary[]; index: number }) {
  const { order, index, view, period, asAt } = props;
  const fn = order[index]!;
  usePageTitle(`Presenting ${fn.name}`);
  const detail = useQuery(functionQuery(fn.slug, view));
  const commentary = useQuery(commentaryQuery(fn.slug, props.periodId));
  const heading = useRef<HTMLHeadingElement>(null);
  const { go, leave } = useSlideKeys(props, withView(`/functions/${fn.slug}`, view));
  const body = useRef<HTMLDivElement>(null);
  const chartHeight = useRoomBelow(body);

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
          <dd>
            {fn.forecastPence === null ? <span className="muted">none</span> : <Money pence={fn.forecastPence} short />}
            {fn.forecastFrom && fn.forecastPence !== null ? <span className="cell-note">{forecastFromWords(fn.forecastFrom.map((f) => f.forceName), { short: true })}</span> : null}
          </dd>
        </div>
      </dl>
      <div className="slide-body" ref={body} style={{ '--slide-room': `${chartHeight + 90}px` } as React.CSSProperties}>
      {fn.years.length > 0 ? (
        <ChartFrame
          stacked
          title={`${fn.name} by year`}
          caption={fn.years
            .map((y) => `${y.label}: target ${formatMoneyShort(y.targetPence)}, ${y.deliveredPence === null ? 'no actual yet' : `delivered ${qualified(formatMoneyShort(y.deliveredPence), y.deliveredQualifier)}`}`)
            .join('; ')}
          chart={
            <TargetDeliveredChart
              // Readable from the back of a room, and the slide still fits a laptop's 768 px.
              height={chartHeight}
              tooltipOn="click"
              tickSize={window.innerWidth >= 1600 ? 20 : 18}
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
      <div className="slide-side">
      {detail.data ? <OffTrackLines lines={detail.data.lines} /> : null}
      {commentary.data && commentary.data.comments.length > 0 ? (
        <section className="slide-commentary" aria-labelledby="owner-says" data-testid="slide-commentary">
          <h2 id="owner-says">What the owner says</h2>
          <blockquote>{commentary.data.comments[0]!.body}</blockquote>
          <p className="cell-note">
            On {commentary.data.comments[0]!.periodLabel}, {commentary.data.comments[0]!.author}
          </p>
        </section>
      ) : null}
      </div>
      </div>
      <SlideNav props={props} go={go} leave={leave} />
    </article>
  );
}

/**
 * The chart's height from the room left on the screen below the slide's figures, so the chart, its
 * key and the slide buttons all fit a 768 px laptop and fill a 1080 px room screen.
 */
function useRoomBelow(body: React.RefObject<HTMLDivElement | null>): number {
  const measure = () => {
    const top = body.current ? body.current.getBoundingClientRect().top + window.scrollY : 480;
    // The key and picture link below the chart (~90 px) and the slide buttons (~80 px).
    return Math.max(200, Math.min(460, Math.floor(window.innerHeight - top - 170)));
  };
  const [height, setHeight] = useState(() => Math.max(200, Math.min(460, window.innerHeight - 480)));
  // After each render (the figures above may have wrapped differently); an unchanged height renders nothing.
  useLayoutEffect(() => setHeight(measure()));
  useEffect(() => {
    const update = () => setHeight(measure());
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, []);
  return height;
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
