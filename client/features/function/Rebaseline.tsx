import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FunctionDetail } from '../../../server/contracts/functions';
import { ApiError, api, unwrap } from '../../api/client';
import { functionKeys } from '../../api/queries';
import { ErrorSummary, TextField } from '../../components/Form';
import { formatFiscalYear } from '../../lib/dates';
import { parsePoundsInput } from '../../lib/money-input';

/** A function owner sets new targets with a reason and a date; the old baseline stays beside it. */
export function Rebaseline({ detail }: { detail: FunctionDetail }) {
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  // The current targets, over all years, as the starting point.
  const cells = detail.lines.flatMap((l) => l.years.map((y) => ({ lineId: l.id, line: l.name, fy: y.fy, pence: y.targetPence })));
  if (detail.period.id !== 'all') return <p className="hint">To re-baseline, look at all years: the new targets replace every year’s.</p>;
  return (
    <details className="rebaseline">
      <summary>Re-baseline: set new targets</summary>
      {done ? (
        <p role="status" className="success">
          {done}
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      <form
        noValidate
        onSubmit={async (event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const problems: Record<string, string> = {};
          const targets = cells.map((c, i) => {
            const parsed = parsePoundsInput(String(form.get(`target-${i}`) ?? ''));
            if ('problem' in parsed) problems[`target-${i}`] = `${c.line}, ${formatFiscalYear(c.fy)}: ${parsed.problem}`;
            return { lineId: c.lineId, fiscalYear: c.fy, amountPence: 'pence' in parsed ? parsed.pence : 0 };
          });
          const name = String(form.get('name') ?? '').trim();
          const reason = String(form.get('reason') ?? '').trim();
          const adoptedOn = String(form.get('adoptedOn') ?? '');
          if (!name) problems.name = 'Name the baseline';
          if (!reason) problems.reason = 'Say why the targets are changing';
          if (!adoptedOn) problems.adoptedOn = 'Give the date it was agreed';
          setErrors(problems);
          if (Object.keys(problems).length > 0) return;
          try {
            const created = await unwrap(await api.api.functions[':slug'].baselines.$post({ param: { slug: detail.function.slug }, json: { name, reason, adoptedOn, targets } }));
            setDone(`Baseline version ${created.version} is now current. The earlier ones stay, beside it.`);
            await queryClient.invalidateQueries({ queryKey: functionKeys.all });
          } catch (error) {
            setErrors({ form: error instanceof ApiError ? error.message : 'The baseline could not be saved.' });
          }
        }}
      >
        <TextField label="Name" name="name" hint="For example: Revised business case" error={errors.name} />
        <TextField label="Reason" name="reason" error={errors.reason} />
        <TextField label="Agreed on" name="adoptedOn" type="date" error={errors.adoptedOn} />
        <table className="data-table compact">
          <caption>New targets, in pounds</caption>
          <thead>
            <tr>
              <th scope="col">Savings line and year</th>
              <th scope="col">New target (£)</th>
            </tr>
          </thead>
          <tbody>
            {cells.map((c, i) => (
              <tr key={`${c.lineId}-${c.fy}`}>
                <th scope="row">
                  <label htmlFor={`target-${c.lineId}-${c.fy}`}>
                    {c.line}, {formatFiscalYear(c.fy)}
                  </label>
                </th>
                <td>
                  <input id={`target-${c.lineId}-${c.fy}`} name={`target-${i}`} defaultValue={(c.pence / 100).toFixed(2)} inputMode="decimal" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="submit" className="button">
          Adopt the new baseline
        </button>
      </form>
    </details>
  );
}
