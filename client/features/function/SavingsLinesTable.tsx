import type { FunctionDetail } from '../../../server/contracts/functions';
import { Money } from '../../components/Money';
import { SourceButton } from '../../components/SourceButton';
import { formatFiscalYear } from '../../lib/dates';
import { CATEGORY_LABEL, KIND_LABEL, RECURRENCE_LABEL } from '../../lib/labels';
import { CarryControl } from './CarryControl';

/** Every savings line with its target in each year, as the paper writes it, and its source. */
export function SavingsLinesTable({ detail, owns }: { detail: FunctionDetail; owns: boolean }) {
  const years = detail.years.map((y) => y.fy);
  return (
    <div className="table-scroll" role="region" aria-label="Savings lines, scrollable" tabIndex={0}>
      <table className="data-table">
        <caption>Targets by savings line and financial year, as the paper writes them</caption>
        <thead>
          <tr>
            <th scope="col">Savings line</th>
            <th scope="col">Category and driver</th>
            {years.map((fy) => (
              <th scope="col" className="numeric" key={fy ?? 'whole'}>
                {formatFiscalYear(fy)}
              </th>
            ))}
            <th scope="col" className="numeric">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {/* In a period, only the lines with something in it. */}
          {detail.lines.filter((line) => detail.period.id === 'all' || line.years.length > 0).map((line) => (
            <tr key={line.id} data-line={line.code}>
              <th scope="row">
                {line.name}
                {line.note ? <span className="cell-note">{line.note}</span> : null}
                <CarryControl line={line} canChange={owns} />
              </th>
              <td>
                {CATEGORY_LABEL[line.category]}; {line.driver}
                <span className="cell-note">
                  {KIND_LABEL[line.kind]}, {RECURRENCE_LABEL[line.recurrence]?.toLowerCase()}
                </span>
              </td>
              {years.map((fy) => {
                const year = line.years.find((y) => y.fy === fy);
                return (
                  <td className="numeric" key={fy ?? 'whole'}>
                    {year ? (
                      <>
                        <Money pence={year.targetPence} />
                        {year.carriedFrom ? <span className="cell-note">carried from {formatFiscalYear(year.carriedFrom)}</span> : null}
                        {year.targetAsWritten ? (
                          <span className="cell-note">
                            “{year.targetQualifier ? `${year.targetQualifier} ` : ''}
                            {year.targetAsWritten}”
                          </span>
                        ) : null}
                        {year.deliveredPence !== null ? (
                          <span className="cell-note">
                            delivered <Money pence={year.deliveredPence} qualifier={year.deliveredQualifier} />
                          </span>
                        ) : null}
                        <SourceButton
                          sourceIds={[year.targetSourceId, ...year.actualSourceIds]}
                          figure={`${line.name}, ${formatFiscalYear(fy)}`}
                        />
                      </>
                    ) : (
                      <span className="muted" aria-label="no target">
                        –
                      </span>
                    )}
                  </td>
                );
              })}
              <td className="numeric">
                <Money pence={line.targetPence} />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              Total
            </th>
            {detail.years.map((y) => (
              <td className="numeric" key={y.fy ?? 'whole'}>
                <Money pence={y.targetPence} />
              </td>
            ))}
            <td className="numeric">
              <Money pence={detail.function.targetPence} />
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
