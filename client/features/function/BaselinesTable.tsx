import type { FunctionDetail } from '../../../server/contracts/functions';
import { Money } from '../../components/Money';
import { SourceButton } from '../../components/SourceButton';
import { formatFiscalYear, formatPaperDate } from '../../lib/dates';

/** Every baseline side by side, year by year, with what has been delivered: the original promise is never overwritten. */
export function BaselinesTable({ detail }: { detail: FunctionDetail }) {
  const { baselines } = detail;
  if (baselines.length === 0) {
    return <p className="empty">No baseline had been adopted by {formatPaperDate(detail.asAt)}.</p>;
  }
  const years = [...new Set(baselines.flatMap((b) => b.years.map((y) => y.fy)))].sort((a, b) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : 1));
  const deliveredAllYears = detail.period.id === 'all';
  return (
    <>
      <ul className="plain-list">
        {baselines.map((b) => (
          <li key={b.version}>
            <strong>
              Version {b.version}: {b.name}
            </strong>
            {b.isCurrent ? ' (current)' : ''}, adopted {b.adoptedOn ? formatPaperDate(b.adoptedOn) : 'on a date the papers do not give'}. {b.reason}{' '}
            <SourceButton sourceIds={[b.sourceId]} figure={`baseline ${b.version}`} />
          </li>
        ))}
      </ul>
      <table className="data-table compact" data-testid="baselines-table">
        <caption>Targets in each baseline{deliveredAllYears ? ', beside what was delivered' : ''}</caption>
        <thead>
          <tr>
            <th scope="col">Year</th>
            {baselines.map((b) => (
              <th scope="col" className="numeric" key={b.version}>
                {b.version === 1 ? 'Original' : `Version ${b.version}`}: {b.name}
                {b.isCurrent ? ' (current)' : ''}
              </th>
            ))}
            {deliveredAllYears ? (
              <th scope="col" className="numeric">
                Delivered
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {years.map((fy) => {
            const delivered = detail.years.find((y) => y.fy === fy)?.deliveredPence ?? null;
            return (
              <tr key={fy ?? 'whole'}>
                <th scope="row">{formatFiscalYear(fy)}</th>
                {baselines.map((b) => (
                  <td className="numeric" key={b.version}>
                    <Money pence={b.years.find((y) => y.fy === fy)?.targetPence ?? null} />
                  </td>
                ))}
                {deliveredAllYears ? (
                  <td className="numeric">{delivered === null ? <span className="muted">none recorded</span> : <Money pence={delivered} />}</td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            {baselines.map((b) => (
              <td className="numeric" key={b.version}>
                <Money pence={b.targetPence} />
              </td>
            ))}
            {deliveredAllYears ? (
              <td className="numeric">
                <Money pence={detail.function.deliveredPence} />
              </td>
            ) : null}
          </tr>
        </tfoot>
      </table>
    </>
  );
}
