import type { FunctionDetail } from '../../../server/contracts/functions';
import { Money } from '../../components/Money';
import { SourceButton } from '../../components/SourceButton';
import { formatFiscalYear } from '../../lib/dates';
import { CATEGORY_LABEL } from '../../lib/labels';
import { formatMoneyShort } from '../../lib/money';

/** The headline against the yearly profile, and each total the paper states against its parts. */
export function Reconciliation({ detail }: { detail: FunctionDetail }) {
  const { reconciliation: r, function: fn } = detail;
  const headlineDiffers = r.unprofiledPence !== null && r.unprofiledPence !== 0;
  if (!headlineDiffers && r.statedTotals.length === 0) return null;
  return (
    <section aria-labelledby="reconciliation" className="callout">
      <h2 id="reconciliation">Reconciliation</h2>
      {headlineDiffers ? (
        <p data-testid="headline-reconciliation">
          The headline is <strong>{formatMoneyShort(r.headlinePence!)}</strong>
          {fn.headlineQualifier ? ` (${fn.headlineQualifier})` : ''}; the yearly profile adds up to{' '}
          <strong>{formatMoneyShort(r.profiledPence)}</strong>; so <strong>{formatMoneyShort(Math.abs(r.unprofiledPence!))}</strong>{' '}
          {r.unprofiledPence! > 0 ? 'is unprofiled: in no year and no savings line' : 'more is profiled than the headline'}.
        </p>
      ) : null}
      <table className="data-table compact">
        <caption>Figures the papers state, against the sum of the profile</caption>
        <thead>
          <tr>
            <th scope="col">What the paper states</th>
            <th scope="col" className="numeric">
              Stated
            </th>
            <th scope="col" className="numeric">
              Profile adds up to
            </th>
            <th scope="col" className="numeric">
              Difference
            </th>
          </tr>
        </thead>
        <tbody>
          {headlineDiffers ? (
            <tr>
              <th scope="row">
                Headline, whole programme <SourceButton sourceIds={[fn.headlineSourceId]} figure="the headline" />
              </th>
              <td className="numeric">
                <Money pence={r.headlinePence} />
              </td>
              <td className="numeric">
                <Money pence={r.profiledPence} />
              </td>
              <td className="numeric">
                <Money pence={r.unprofiledPence} />
              </td>
            </tr>
          ) : null}
          {r.statedTotals.map((total) => (
            <tr key={`${total.description}-${total.fromFiscalYear}`}>
              <th scope="row">
                {total.description} ({total.asWritten}
                {total.qualifier ? `, ${total.qualifier}` : ''}; {span(total.fromFiscalYear, total.toFiscalYear)}
                {total.category ? `, ${CATEGORY_LABEL[total.category]?.toLowerCase()}` : ''}){' '}
                <SourceButton sourceIds={[total.sourceId]} figure={total.asWritten} />
              </th>
              <td className="numeric">
                <Money pence={total.statedPence} />
              </td>
              <td className="numeric">
                <Money pence={total.profiledPence} />
              </td>
              <td className="numeric">{total.differencePence === 0 ? 'adds up' : <Money pence={total.differencePence} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function span(from: string, to: string): string {
  return from === to ? formatFiscalYear(from) : `${formatFiscalYear(from)} to ${to.replace('-', '/')}`;
}
