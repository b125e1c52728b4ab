import { Link } from 'wouter';
import type { FunctionSummary } from '../../../server/contracts/functions';
import { Money } from '../../components/Money';
import { RagBadge } from '../../components/RagBadge';
import { SourceButton } from '../../components/SourceButton';
import { describeVariance, formatMoneyShort } from '../../lib/money';
import { withAsAt } from '../../lib/url';

export function reportingLine(fn: FunctionSummary): string {
  const periods = fn.periodsWithActual + fn.periodsWithoutActual;
  if (periods === 0) return 'no targets yet';
  const noun = fn.firstFiscalYear === null ? 'period' : 'year';
  return `${fn.periodsWithActual} of ${periods} ${noun}${periods === 1 ? '' : 's'} with an actual`;
}

export function FunctionsTable({ functions, asAt }: { functions: readonly FunctionSummary[]; asAt: string | undefined }) {
  return (
    <table className="data-table" aria-describedby="functions-table-caption">
      <caption id="functions-table-caption">Every function: its business-case headline, target, delivery and status</caption>
      <thead>
        <tr>
          <th scope="col">Function</th>
          <th scope="col" className="numeric">
            Headline
          </th>
          <th scope="col" className="numeric">
            Target
          </th>
          <th scope="col" className="numeric">
            Delivered
          </th>
          <th scope="col" className="numeric">
            Gap
          </th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {functions.map((fn) => (
          <tr key={fn.slug} data-function={fn.slug}>
            <th scope="row">
              <Link href={withAsAt(`/functions/${fn.slug}`, asAt)}>{fn.name}</Link>
              <span className="cell-note">{fn.collaborationName}</span>
            </th>
            <td className="numeric" data-figure="headline">
              <Money pence={fn.headlineTargetPence} short />
              {fn.headlineQualifier ? <span className="cell-note">{fn.headlineQualifier}</span> : null}
              <SourceButton sourceIds={[fn.headlineSourceId]} figure={`the ${fn.name} headline`} />
            </td>
            <td className="numeric" data-figure="target">
              <Money pence={fn.targetPence} short />
              <span className="cell-note">{fn.firstFiscalYear ? yearsSpan(fn) : 'not profiled by year'}</span>
              {fn.years.length > 1 ? (
                <span className="cell-note" data-figure="profile">
                  by year: {fn.years.map((y) => formatMoneyShort(y.targetPence)).join(', ')}
                </span>
              ) : null}
              <SourceButton sourceIds={fn.targetSourceIds} figure={`the ${fn.name} target`} />
            </td>
            <td className="numeric" data-figure="delivered">
              {fn.periodsWithActual === 0 ? <span className="muted">none recorded</span> : <Money pence={fn.deliveredPence} short />}
              <SourceButton sourceIds={fn.deliveredSourceIds} figure={`${fn.name} delivered`} />
            </td>
            <td className="numeric" data-figure="gap">
              <Money pence={fn.gapPence} short />
              <span className="cell-note">{fn.gapPence < 0 ? describeVariance(-fn.gapPence) : fn.gapPence === 0 ? 'none' : 'still to deliver'}</span>
            </td>
            <td data-figure="status">
              <RagBadge rag={fn.rag} />
              <span className="cell-note">{reportingLine(fn)}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function yearsSpan(fn: FunctionSummary): string {
  const from = fn.firstFiscalYear!.replace('-', '/');
  const to = fn.lastFiscalYear!.replace('-', '/');
  return from === to ? `FY ${from}` : `FY ${from} to ${to}`;
}
