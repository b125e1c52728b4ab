import { lazy } from 'react';
import type { FunctionList } from '../../../server/contracts/functions';
import { ChartFrame } from '../../components/ChartFrame';
import { Money } from '../../components/Money';
import { formatMonth } from '../../lib/dates';
import { formatMoneyShort } from '../../lib/money';

const CumulativeChart = lazy(() => import('../../components/CumulativeChart'));

/** The timeline's table: every month for a year or less, else the end of each quarter. */
export function CumulativeSection({ data }: { data: Pick<FunctionList, 'timeline' | 'period'> }) {
  const points = data.timeline;
  if (points.length === 0) {
    return <p className="empty">Nothing in {data.period.description} is profiled by year, so there is no timeline to draw.</p>;
  }
  const rows = points.length <= 12 ? points : points.filter((p) => ['03', '06', '09', '12'].includes(p.month.slice(5)) || p === points.at(-1));
  const last = points.at(-1)!;
  return (
    <ChartFrame
      title={`Cumulative delivery against cumulative target: ${data.period.description}`}
      caption={`By ${formatMonth(last.month)}: cumulative target ${formatMoneyShort(last.cumulativeTargetPence)}, delivered ${formatMoneyShort(last.cumulativeDeliveredPence)}. Yearly targets are spread evenly over their months; an actual recorded for a whole year counts in March.`}
      chart={<CumulativeChart points={points} />}
      table={
        <table className="data-table compact" data-testid="cumulative-table">
          <caption>Cumulative figures{points.length > 12 ? ', at the end of each quarter' : ', by month'}</caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col" className="numeric">
                Target to date
              </th>
              <th scope="col" className="numeric">
                Delivered to date
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.month}>
                <th scope="row">{formatMonth(p.month)}</th>
                <td className="numeric">
                  <Money pence={p.cumulativeTargetPence} />
                </td>
                <td className="numeric">
                  <Money pence={p.cumulativeDeliveredPence} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
