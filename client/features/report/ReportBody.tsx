import { lazy, type ReactNode } from 'react';
import { Link } from 'wouter';
import type { ReportContent, ReportFigures, ReportFunction } from '../../../server/contracts/reports';
import { ChartFrame } from '../../components/ChartFrame';
import { Delivered } from '../../components/Delivered';
import { IllustrativeTag } from '../../components/Illustrative';
import { Money } from '../../components/Money';
import { RagBadge, RAG_LABEL } from '../../components/RagBadge';
import { RagCounts } from '../../components/RagCounts';
import { formatPaperDate } from '../../lib/dates';
import { shortName } from '../../lib/labels';
import { describeVariance, formatMoney, formatMoneyShort, qualified } from '../../lib/money';
import { forecastFromWords, shareWords } from '../../../server/contracts/words';
import { CommentList } from '../function/Commentary';

const TargetDeliveredChart = lazy(() => import('../../components/TargetDeliveredChart'));

type PeriodKey = 'half' | 'yearToDate' | 'sinceStart';
const PERIODS: { key: PeriodKey; words: string; when: string }[] = [
  { key: 'half', words: 'The half', when: 'in the half' },
  { key: 'yearToDate', words: 'Year to date', when: 'in the year to date' },
  { key: 'sinceStart', words: 'Since the start', when: 'since the start' },
];
const BENEFIT_STATUS: Record<string, string> = { green: 'On track', amber: 'At risk', red: 'Off track', 'not-measured': 'Not yet measured', 'no-target': 'Measured, no target' };

/** Delivered less target, in words as well as sign: "£12,000.00 short" reads aloud as what it means. */
function Variance({ pence, qualifier = null }: { pence: number | null; qualifier?: string | null | undefined }) {
  if (pence === null) return <span className="muted">–</span>;
  return <data value={pence}>{describeVariance(pence, formatMoney, qualifier)}</data>;
}

/** Which of the report's periods are amber or red, in words: "at risk in the half and off track since the start". */
function whereOffTrack(fn: ReportFunction): string {
  const offTrack = PERIODS.filter(({ key }) => fn.figures[key].rag === 'amber' || fn.figures[key].rag === 'red');
  return new Intl.ListFormat('en-GB').format(offTrack.map(({ key, when }) => `${RAG_LABEL[fn.figures[key].rag].word.toLowerCase()} ${when}`));
}

const nothingDue = (f: ReportFigures) => f.targetPence === 0 && f.deliveredPence === null && f.forecastPence === null;

/** Target, delivered, forecast, variance and status for the half, the year to date and since the start. */
function FiguresTable({ figures, caption, periods }: { figures: Record<PeriodKey, ReportFigures>; caption: string; periods: ReportContent['periods'] }) {
  return (
    <table className="data-table compact report-figures">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Period</th>
          <th scope="col" className="numeric">Target</th>
          <th scope="col" className="numeric">Delivered</th>
          <th scope="col" className="numeric">Forecast</th>
          <th scope="col" className="numeric">Variance</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {PERIODS.map(({ key, words }) => {
          const f = figures[key];
          return (
            <tr key={key} data-period={key}>
              <th scope="row">
                {words}
                <span className="cell-note">{periods[key].description}</span>
              </th>
              <td className="numeric">
                <Money pence={f.targetPence} />
              </td>
              <td className="numeric">
                <Delivered pence={f.deliveredPence} yearlyOnly={f.yearlyActualNotSplit} illustrative={f.isIllustrative} qualifier={f.deliveredQualifier} />
              </td>
              <td className="numeric">
                <Money pence={f.forecastPence} />
                {f.forecastFrom && f.forecastPence !== null ? (
                  <span className="cell-note" data-figure="forecast-from">
                    {forecastFromWords(f.forecastFrom)}
                  </span>
                ) : null}
              </td>
              <td className="numeric">
                <Variance pence={f.variancePence} qualifier={f.varianceQualifier} />
              </td>
              <td>{nothingDue(f) ? <span className="muted">Nothing due</span> : <RagBadge rag={f.rag} />}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function ChangeSinceLast({ fn, report }: { fn: ReportFunction; report: ReportContent }) {
  const change = fn.changeSinceLast;
  if (!change) {
    return <p className="muted">{report.previousReport ? 'This function was not in the previous report.' : 'No earlier report of this collaboration has been published, so there is no change to show.'}</p>;
  }
  const moved = (pence: number) => (pence === 0 ? 'unchanged' : `${pence > 0 ? 'up' : 'down'} ${formatMoneyShort(Math.abs(pence))}`);
  return (
    <p data-testid="change-since-last">
      Since the <Link href={`/reports/${change.report.id}`}>{change.report.halfDescription} report (version {change.report.version})</Link>: delivered since the start{' '}
      <strong>{moved(change.deliveredChangePence)}</strong>
      {change.targetChangePence !== 0 ? <>, target {moved(change.targetChangePence)}</> : null}; status in that half: {RAG_LABEL[change.previousHalfRag].word}.
    </p>
  );
}

function Benefits({ fn }: { fn: ReportFunction }) {
  if (fn.benefits.length === 0) return null;
  return (
    <table className="data-table compact">
      <caption>Non-cashable benefits of {fn.name}, measured by the end of the half</caption>
      <thead>
        <tr>
          <th scope="col">Benefit</th>
          <th scope="col">Target</th>
          <th scope="col">Latest measure</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {fn.benefits.map((b) => (
          <tr key={b.number}>
            <th scope="row">
              <Link href={`/benefits/${b.number}`}>{b.number}</Link>
              {b.isDisbenefit ? ' (dis-benefit)' : ''}: {b.description}
            </th>
            <td>{b.targetAsWritten ?? <span className="muted">no target in the papers</span>}</td>
            <td>
              {b.latest ? (
                <>
                  {b.latest.valueMilli / 1000}
                  {b.unit === '%' ? '%' : b.unit ? ` ${b.unit}` : ''} on {formatPaperDate(b.latest.measuredOn)}
                </>
              ) : (
                <span className="muted">not yet measured</span>
              )}
            </td>
            <td>{BENEFIT_STATUS[b.rag]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The owner's commentary form, framed; nothing at all for a function the reader does not own. */
function CommentaryTools({ tools }: { tools: ReactNode }) {
  return tools === null || tools === undefined ? null : <div className="commentary">{tools}</div>;
}

/**
 * The report itself, the same for a draft and a published report: summary, each function, the
 * forces' shares, agreements coming up, and where every figure came from.
 */
export function ReportBody({ report, commentaryTools }: { report: ReportContent; commentaryTools?: (fn: ReportFunction) => ReactNode }) {
  const withPlan = report.functions.filter((f) => f.hasSavingsPlan);
  const charted = withPlan.filter((f) => !nothingDue(f.figures.half));
  return (
    <>
      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading">Summary</h2>
        <FiguresTable figures={report.summary} periods={report.periods} caption={`Every function of ${report.collaboration.name} with a savings plan, together`} />
        {charted.length < withPlan.length ? <p>{withPlan.length - charted.length === 1 ? 'One function has' : `${withPlan.length - charted.length} functions have`} nothing due in the half, so the chart leaves {withPlan.length - charted.length === 1 ? 'it' : 'them'} out.</p> : null}
        <p>Variance is delivered less target, over the periods that have an actual; a period with no actual yet is not counted as a shortfall.</p>
        <h3>Functions by status in the half</h3>
        <RagCounts counts={report.summary.ragCounts} />
        <ChartFrame
          title={`Target and delivered in ${report.half.description}, by function`}
          caption={`${charted
            .map(
              (f) =>
                `${f.name}: target ${formatMoneyShort(f.figures.half.targetPence)}, ${f.figures.half.deliveredPence === null ? 'no actual yet' : `delivered ${qualified(formatMoneyShort(f.figures.half.deliveredPence), f.figures.half.deliveredQualifier)}`}${f.figures.half.forecastPence === null ? '' : `, forecast ${formatMoneyShort(f.figures.half.forecastPence)}`}`,
            )
            .join('; ')}.`}
          chart={
            <TargetDeliveredChart
              rows={charted.map((f) => ({ label: f.name.length > 18 ? shortName(f) : f.name, targetPence: f.figures.half.targetPence, deliveredPence: f.figures.half.deliveredPence, forecastPence: f.figures.half.forecastPence }))}
            />
          }
          table={
            <table className="data-table compact">
              <caption>The chart’s figures</caption>
              <thead>
                <tr>
                  <th scope="col">Function</th>
                  <th scope="col" className="numeric">Target</th>
                  <th scope="col" className="numeric">Delivered</th>
                  <th scope="col" className="numeric">Forecast</th>
                </tr>
              </thead>
              <tbody>
                {charted.map((f) => (
                  <tr key={f.slug}>
                    <th scope="row">{f.name}</th>
                    <td className="numeric">
                      <Money pence={f.figures.half.targetPence} />
                    </td>
                    <td className="numeric">
                      <Money pence={f.figures.half.deliveredPence} qualifier={f.figures.half.deliveredQualifier} />
                    </td>
                    <td className="numeric">
                      <Money pence={f.figures.half.forecastPence} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
      </section>

      <section aria-labelledby="functions-heading">
        <h2 id="functions-heading">Functions</h2>
        {report.functions.map((fn) => (
          <article key={fn.slug} id={`fn-${fn.slug}`} className="report-function" aria-labelledby={`fn-${fn.slug}-heading`} data-function={fn.slug}>
            <h3 id={`fn-${fn.slug}-heading`}>
              <Link href={`/functions/${fn.slug}?period=${report.half.id}`}>{fn.name}</Link>{' '}
              {fn.hasSavingsPlan ? nothingDue(fn.figures.half) ? <span className="muted">Nothing due in the half</span> : <RagBadge rag={fn.figures.half.rag} detail="in the half" /> : null}
            </h3>
            {fn.hasSavingsPlan ? (
              <>
                <FiguresTable figures={fn.figures} periods={report.periods} caption={`${fn.name}: target against delivery`} />
                <ChangeSinceLast fn={fn} report={report} />
                <h4>Commentary on {report.half.description}</h4>
                {fn.needsCommentary && fn.commentary.length === 0 ? (
                  <p className="callout callout-warning" data-testid="commentary-missing">
                    <strong>No commentary yet on this variance.</strong> The function is {whereOffTrack(fn)}: its owner should explain why before the report is published.
                  </p>
                ) : (
                  <CommentList comments={fn.commentary} empty="No commentary: none is needed, as there is no amber or red variance." />
                )}
                <CommentaryTools tools={commentaryTools?.(fn)} />
              </>
            ) : (
              <p className="muted">No savings plan: this function reports non-cashable benefits only.</p>
            )}
            <Benefits fn={fn} />
          </article>
        ))}
      </section>

      <section aria-labelledby="forces-heading">
        <h2 id="forces-heading">By force: shares of the half</h2>
        {report.forces.length === 0 ? (
          <p className="empty">No function of this collaboration has shares between forces for the half.</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table compact">
              <caption>Each force’s share of the half’s target and delivery{report.forces.some((f) => f.isIllustrative) ? ' (illustrative shares)' : ''}</caption>
              <thead>
                <tr>
                  <th scope="col">Force</th>
                  <th scope="col">Function</th>
                  <th scope="col" className="numeric">Share</th>
                  <th scope="col">Basis</th>
                  <th scope="col" className="numeric">Target</th>
                  <th scope="col" className="numeric">Delivered</th>
                </tr>
              </thead>
              <tbody>
                {report.forces.flatMap((force) => [
                  ...force.functions.map((f) => (
                    <tr key={`${force.force}-${f.slug}`}>
                      <th scope="row">{force.forceName}</th>
                      <td>{f.name}</td>
                      <td className="numeric">{shareWords(f.shareTenthsPercent, f.basis)}</td>
                      <td>
                        {f.basis}
                        {f.isIllustrative ? (
                          <>
                            {' '}
                            <IllustrativeTag />
                          </>
                        ) : null}
                      </td>
                      <td className="numeric">
                        <Money pence={f.targetPence} />
                      </td>
                      <td className="numeric">
                        <Money pence={f.deliveredPence} />
                      </td>
                    </tr>
                  )),
                  <tr key={`${force.force}-total`} className="total-row">
                    <th scope="row">{force.forceName}</th>
                    <td>All functions</td>
                    <td />
                    <td />
                    <td className="numeric">
                      <Money pence={force.targetPence} />
                    </td>
                    <td className="numeric">
                      <Money pence={force.deliveredPence} />
                    </td>
                  </tr>,
                ])}
              </tbody>
            </table>
          </div>
        )}
        {report.unapportionedPence !== 0 ? <p>{formatMoneyShort(report.unapportionedPence)} of the half’s target is in years with no shares, so is not split between forces.</p> : null}
      </section>

      <section aria-labelledby="agreements-heading">
        <h2 id="agreements-heading">Agreements: reviews and expiries in the next six months</h2>
        {report.agreements.length === 0 ? (
          <p className="empty">
            No section 22A agreement of this collaboration has a review or expiry date between {formatPaperDate(report.agreementWindow.from)} and {formatPaperDate(report.agreementWindow.to)}.
          </p>
        ) : (
          <table className="data-table compact">
            <caption>
              Reviews and expiries from {formatPaperDate(report.agreementWindow.from)} to {formatPaperDate(report.agreementWindow.to)}
            </caption>
            <thead>
              <tr>
                <th scope="col">Agreement</th>
                <th scope="col">Date (as precise as the paper)</th>
                <th scope="col">What</th>
              </tr>
            </thead>
            <tbody>
              {report.agreements.map((a) => (
                <tr key={`${a.agreement}-${a.kind}-${a.date}`}>
                  <th scope="row">{a.agreementName}</th>
                  <td>{formatPaperDate(a.date)}</td>
                  <td>
                    {a.description} <span className="cell-note">source {a.sourceId}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="sources-heading">
        <h2 id="sources-heading">Sources and illustrative figures</h2>
        {report.illustrative.length > 0 ? (
          <ul className="notes">
            {report.illustrative.map((note) => (
              <li key={note} className="note-illustrative">
                {note}
              </li>
            ))}
          </ul>
        ) : (
          <p>No figure in this report is illustrative.</p>
        )}
        <table className="data-table compact">
          <caption>The passages of the board papers the report’s figures come from</caption>
          <thead>
            <tr>
              <th scope="col">Source</th>
              <th scope="col">Paper</th>
              <th scope="col">Paragraph</th>
              <th scope="col">Date</th>
              <th scope="col">Its words</th>
            </tr>
          </thead>
          <tbody>
            {report.sources.map((s) => (
              <tr key={s.id}>
                <th scope="row">{s.id}</th>
                <td>{s.title}</td>
                <td>{s.paragraph}</td>
                <td>{formatPaperDate(s.date)}</td>
                <td className="quote-cell">“{s.quote}”</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
