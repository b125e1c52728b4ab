import { useQuery } from '@tanstack/react-query';
import { lazy, useId } from 'react';
import { Link, useSearchParams } from 'wouter';
import type { FunctionDetail, FunctionSummary } from '../../../server/contracts/functions';
import { functionQuery } from '../../api/queries';
import { ChartFrame } from '../../components/ChartFrame';
import { IllustrativeNote, IllustrativeTag } from '../../components/Illustrative';
import { Money } from '../../components/Money';
import { QueryState } from '../../components/QueryState';
import { formatFiscalYear } from '../../lib/dates';
import { BASIS_LABEL } from '../../lib/labels';
import { partsCaption } from '../../lib/money';
import { shareWords } from '../../../server/contracts/words';
import { withView, type ViewParams } from '../../lib/url';

const TargetDeliveredChart = lazy(() => import('../../components/TargetDeliveredChart'));

/** On the portfolio: choose a function (kept in the URL as ?function=) and see it split by force. */
export function ForceSection({ functions, view }: { functions: readonly FunctionSummary[]; view: ViewParams }) {
  const [params, setParams] = useSearchParams();
  const chosen = functions.find((fn) => fn.slug === params.get('function')) ?? functions[0]!;
  const detail = useQuery(functionQuery(chosen.slug, view));
  const selectId = useId();
  return (
    <section aria-labelledby="forces-heading">
      <h2 id="forces-heading">By force</h2>
      <div className="form-row">
        <label htmlFor={selectId}>Function</label>
        <select
          id={selectId}
          value={chosen.slug}
          onChange={(event) => {
            const slug = event.target.value;
            setParams((p) => (p.set('function', slug), p));
          }}
        >
          {functions.map((fn) => (
            <option key={fn.slug} value={fn.slug}>
              {fn.name}
            </option>
          ))}
        </select>
      </div>
      <QueryState query={detail} what={`${chosen.name} by force`}>
        {(data) => <ForceSplit detail={data} view={view} />}
      </QueryState>
    </section>
  );
}

/** One function's target and delivery per force: chart, table and the basis of the split. */
export function ForceSplit({ detail, view }: { detail: FunctionDetail; view: ViewParams }) {
  const fn = detail.function;
  if (detail.forces.length === 0) {
    return (
      <p className="empty">
        No split between forces is recorded for {fn.name} in {detail.period.description}.
      </p>
    );
  }
  const anyIllustrative = detail.forces.some((f) => f.isIllustrative);
  const hasActual = fn.periodsWithActual > 0;
  return (
    <>
      {anyIllustrative ? <IllustrativeNote /> : null}
      <ChartFrame
        title={`${fn.name}: target against delivered, by force${anyIllustrative ? ' (illustrative shares)' : ''}`}
        caption={`${partsCaption(
          detail.forces.map((f) => ({ name: f.forceName, targetPence: f.targetPence, deliveredPence: f.deliveredPence })),
          { delivered: hasActual },
        )}${hasActual ? '' : ` No actual is recorded for ${fn.name} yet.`}`}
        chart={
          <TargetDeliveredChart
            rows={detail.forces.map((f) => ({
              label: f.forceName.replace(/ (Police|Constabulary)$/, ''),
              targetPence: f.targetPence,
              deliveredPence: hasActual ? f.deliveredPence : null,
            }))}
          />
        }
        table={
          <table className="data-table compact" data-testid={`force-table-${fn.slug}`}>
            <caption>{fn.name} by force</caption>
            <thead>
              <tr>
                <th scope="col">Force</th>
                <th scope="col" className="numeric">
                  Share
                </th>
                <th scope="col">Basis</th>
                <th scope="col" className="numeric">
                  Target
                </th>
                <th scope="col" className="numeric">
                  Delivered
                </th>
              </tr>
            </thead>
            <tbody>
              {detail.forces.map((f) => (
                <tr key={f.force} data-force={f.force}>
                  <th scope="row">
                    <Link href={withView(`/forces/${f.force}`, view)}>{f.forceName}</Link>
                    {f.isIllustrative ? (
                      <>
                        {' '}
                        <IllustrativeTag />
                      </>
                    ) : null}
                  </th>
                  <td className="numeric">
                    {shareWords(f.shareTenthsPercent, f.basis)}
                  </td>
                  <td>{BASIS_LABEL[f.basis]}</td>
                  <td className="numeric">
                    <Money pence={f.targetPence} />
                  </td>
                  <td className="numeric">{hasActual ? <Money pence={f.deliveredPence} /> : <span className="muted">none recorded</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
      {detail.unapportionedPence > 0 || detail.unapportionedDeliveredPence > 0 ? (
        <p className="note">
          <Money pence={detail.unapportionedPence} /> of {fn.name}’s target and <Money pence={detail.unapportionedDeliveredPence} /> of
          its delivery fall in years with no split recorded, so they are not shown against any force.
        </p>
      ) : null}
      <ShareNotes detail={detail} />
    </>
  );
}

function ShareNotes({ detail }: { detail: FunctionDetail }) {
  const notes = new Map<string, string>();
  for (const force of detail.forces) {
    for (const year of force.years) if (year.note) notes.set(year.note, formatFiscalYear(year.fy));
  }
  if (notes.size === 0) return null;
  return (
    <ul className="notes">
      {[...notes].map(([note, fy]) => (
        <li key={note}>
          {fy}: {note}
        </li>
      ))}
    </ul>
  );
}
