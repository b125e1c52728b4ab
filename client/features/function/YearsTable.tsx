import type { FunctionDetail } from '../../../server/contracts/functions';
import { Delivered } from '../../components/Delivered';
import { Money } from '../../components/Money';
import { RagBadge } from '../../components/RagBadge';
import { formatFiscalYear } from '../../lib/dates';
import { describeVariance } from '../../lib/money';
import { Link } from 'wouter';
import { useViewParams, withView } from '../../lib/url';

/** Target, delivered and forecast per financial year, and cumulatively, each year with its RAG. */
export function YearsTable({ detail }: { detail: FunctionDetail }) {
  const view = useViewParams();
  return (
    <table className="data-table compact" data-testid="years-table">
      <caption>{detail.function.name} by financial year</caption>
      <thead>
        <tr>
          <th scope="col">Year</th>
          <th scope="col" className="numeric">
            Target
          </th>
          <th scope="col" className="numeric">
            Delivered
          </th>
          <th scope="col" className="numeric">
            Forecast
          </th>
          <th scope="col" className="numeric">
            Cumulative target
          </th>
          <th scope="col" className="numeric">
            Cumulative delivered
          </th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {detail.years.map((y) => {
          return (
            <tr key={y.fy ?? 'whole'} data-year={y.fy ?? 'whole'}>
              <th scope="row">
                {y.fy === null || detail.period.id === y.fy ? formatFiscalYear(y.fy) : <Link href={withView(`/functions/${detail.function.slug}`, { ...view, period: y.fy })}>{formatFiscalYear(y.fy)}</Link>}
                {y.partYear ? <span className="cell-note">part of the year, target pro rata</span> : null}
              </th>
              <td className="numeric">
                <Money pence={y.targetPence} qualifier={y.targetQualifier} />
                {y.carriedPence ? (
                  <span className="cell-note">
                    of which <Money pence={y.carriedPence} /> carried, the same saving kept
                  </span>
                ) : null}
              </td>
              <td className="numeric">
                <Delivered pence={y.deliveredPence} yearlyOnly={y.yearlyActualNotSplit === true} illustrative={y.isIllustrative} qualifier={y.deliveredQualifier} />
              </td>
              <td className="numeric">
                <Money pence={y.forecastPence} />
              </td>
              <td className="numeric">
                <Money pence={y.cumulativeTargetPence} qualifier={y.cumulativeTargetQualifier} />
              </td>
              <td className="numeric">
                <Money pence={y.cumulativeDeliveredPence} qualifier={y.cumulativeDeliveredQualifier} />
              </td>
              <td>
                <RagBadge rag={y.rag} detail={y.variancePence === null ? undefined : describeVariance(y.variancePence, undefined, y.varianceQualifier)} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
