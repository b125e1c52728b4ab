import { useQuery } from '@tanstack/react-query';
import { lazy } from 'react';
import { Link } from 'wouter';
import type { FunctionSummary } from '../../../server/contracts/functions';
import { functionsQuery } from '../../api/queries';
import { ChartFrame } from '../../components/ChartFrame';
import { Money } from '../../components/Money';
import { QueryState } from '../../components/QueryState';
import { formatPaperDate } from '../../lib/dates';
import { formatMoneyShort } from '../../lib/money';
import { withAsAt, useAsAt } from '../../lib/url';
import { ForceSection } from '../function/ForceSection';
import { FunctionsTable } from './FunctionsTable';
import { ProgrammeFigures } from './ProgrammeFigures';

const TargetDeliveredChart = lazy(() => import('../../components/TargetDeliveredChart'));

export function PortfolioPage() {
  const asAt = useAsAt();
  const functions = useQuery(functionsQuery(asAt));
  return (
    <>
      <h1>Collaborated functions: savings promised and delivered</h1>
      <QueryState query={functions} what="the savings ledger">
        {(data) => (
          <>
            <p className="lead">
              As at {formatPaperDate(data.asAt)}. Target is the sum of each function’s yearly targets in its current
              baseline; delivered is the actuals recorded. Every figure has a <em>Source</em> button for the paper,
              paragraph and words behind it.
            </p>
            {data.functions.length === 0 ? (
              <p className="empty">
                No functions are in the ledger yet. A new database is seeded from the board papers when the server
                starts; if this one was created empty, delete it and start Realise again.
              </p>
            ) : (
              <>
                <section aria-labelledby="functions-heading">
                  <h2 id="functions-heading">Functions</h2>
                  <FunctionsTable functions={data.functions} asAt={asAt} />
                </section>
                <Reconciliations functions={data.functions} asAt={asAt} />
                <section aria-labelledby="chart-heading">
                  <h2 id="chart-heading">Target against delivered</h2>
                  <ChartFrame
                    title="Target against delivered, by function"
                    caption={`${data.functions
                      .map((fn) => `${fn.name}: target ${formatMoneyShort(fn.targetPence)}, ${fn.periodsWithActual === 0 ? 'no actual yet' : `delivered ${formatMoneyShort(fn.deliveredPence)}`}`)
                      .join('; ')}.`}
                    chart={
                      <TargetDeliveredChart
                        rows={data.functions.map((fn) => ({
                          label: fn.name.length > 18 ? shortName(fn) : fn.name,
                          targetPence: fn.targetPence,
                          deliveredPence: fn.periodsWithActual === 0 ? null : fn.deliveredPence,
                          forecastPence: fn.forecastPence,
                        }))}
                      />
                    }
                    table={<ChartTable functions={data.functions} />}
                  />
                </section>
                <ForceSection functions={data.functions} asAt={asAt} />
                <ProgrammeFigures />
              </>
            )}
          </>
        )}
      </QueryState>
    </>
  );
}

function shortName(fn: FunctionSummary): string {
  return fn.slug === 'ctc' ? 'CTC' : fn.slug === 'aoj' ? 'AOJ' : fn.name.split(' ')[0]!;
}

function ChartTable({ functions }: { functions: readonly FunctionSummary[] }) {
  return (
    <table className="data-table compact">
      <caption>The chart’s figures</caption>
      <thead>
        <tr>
          <th scope="col">Function</th>
          <th scope="col" className="numeric">
            Target
          </th>
          <th scope="col" className="numeric">
            Delivered
          </th>
        </tr>
      </thead>
      <tbody>
        {functions.map((fn) => (
          <tr key={fn.slug}>
            <th scope="row">{fn.name}</th>
            <td className="numeric">
              <Money pence={fn.targetPence} />
            </td>
            <td className="numeric">{fn.periodsWithActual === 0 ? <span className="muted">none recorded</span> : <Money pence={fn.deliveredPence} />}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Where a business case's headline and its yearly profile differ, say so plainly. */
function Reconciliations({ functions, asAt }: { functions: readonly FunctionSummary[]; asAt: string | undefined }) {
  const differing = functions.filter((fn) => fn.headlineTargetPence !== null && fn.headlineTargetPence !== fn.targetPence);
  if (differing.length === 0) return null;
  return (
    <section aria-labelledby="reconciliation-heading" className="callout">
      <h2 id="reconciliation-heading">Headlines against profiles</h2>
      <ul>
        {differing.map((fn) => {
          const unprofiled = fn.headlineTargetPence! - fn.targetPence;
          return (
            <li key={fn.slug} data-reconciliation={fn.slug}>
              <strong>{fn.name}</strong>: headline {formatMoneyShort(fn.headlineTargetPence!)}
              {fn.headlineQualifier ? ` (${fn.headlineQualifier})` : ''}, profiled by year {formatMoneyShort(fn.targetPence)}
              , so {formatMoneyShort(Math.abs(unprofiled))} {unprofiled > 0 ? 'is not profiled in any year' : 'more is profiled than the headline'}{' '}
              (<Money pence={fn.headlineTargetPence} /> − <Money pence={fn.targetPence} /> = <Money pence={unprofiled} />).{' '}
              <Link href={withAsAt(`/functions/${fn.slug}#reconciliation`, asAt)}>See the {fn.name} reconciliation</Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
