import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { SavingsLine } from '../../../server/contracts/functions';
import { fiscalYearWords } from '../../../server/contracts/words';
import { ApiError, api, unwrap } from '../../api/client';
import { formatPaperDate } from '../../lib/dates';

/** The years a line's latest target can be carried to: up to ten after it, as the server allows. */
function yearsAfter(fy: string, count: number): string[] {
  const start = Number(fy.slice(0, 4));
  return Array.from({ length: count }, (_, i) => {
    const first = start + i + 1;
    return `${first}-${String((first + 1) % 100).padStart(2, '0')}`;
  });
}

/**
 * Whether a recurring saving is carried into later years, and whose reading that is; its function's
 * owner can carry it to another year or stop carrying it.
 */
export function CarryControl({ line, canChange }: { line: SavingsLine; canChange: boolean }) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [through, setThrough] = useState(line.carry?.through ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: async (carriedThrough: string | null) =>
      unwrap(await api.api['savings-lines'][':id'].carry.$put({ param: { id: String(line.id) }, json: { carriedThrough, was: line.carry?.through ?? null } })),
    onSuccess: async () => {
      setProblem(null);
      setEditing(false);
      await queryClient.invalidateQueries();
    },
    onError: (error) => setProblem(error instanceof ApiError ? error.message : 'Realise could not be reached. Try again.'),
  });
  if (line.recurrence !== 'recurring' || line.latestTargetYear === null) return null;
  const latest = line.latestTargetYear;
  const said = line.carry ? (
    <>
      Carried to {fiscalYearWords(line.carry.through)} as the same saving kept, not a new one (from {fiscalYearWords(latest)}).{' '}
      {line.carry.setBy === null ? line.carry.note : `Set by ${line.carry.setBy} on ${formatPaperDate(line.carry.setAt!.slice(0, 10))}.`}
    </>
  ) : (
    <>Recurring, not carried past {fiscalYearWords(latest)}.</>
  );
  return (
    <div className="cell-note carry" data-testid={`carry-${line.code}`}>
      <p>{said}</p>
      {problem ? (
        <p className="error-message" role="alert">
          {problem}
        </p>
      ) : null}
      {canChange && !editing ? (
        <button type="button" className="link-button" onClick={() => setEditing(true)}>
          {line.carry ? 'Change how far it is carried' : 'Carry it into later years'}
          <span className="visually-hidden"> ({line.name})</span>
        </button>
      ) : null}
      {canChange && editing ? (
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            save.mutate(through === '' ? null : through);
          }}
        >
          <label htmlFor={`carry-${line.id}`}>Carry {line.name}’s target to</label>{' '}
          <select id={`carry-${line.id}`} value={through} onChange={(e) => setThrough(e.target.value)}>
            <option value="">Do not carry it</option>
            {yearsAfter(latest, 10).map((fy) => (
              <option key={fy} value={fy}>
                {fiscalYearWords(fy)}
              </option>
            ))}
          </select>{' '}
          <button type="submit" className="button button-secondary" disabled={save.isPending}>
            Save
          </button>{' '}
          <button type="button" className="link-button" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </form>
      ) : null}
    </div>
  );
}
