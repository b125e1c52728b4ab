import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { FunctionDetail } from '../../../server/contracts/functions';
import { ApiError, api, unwrap } from '../../api/client';
import { TextField } from '../../components/Form';

/** Retire the function, or one of its lines, from a date: asked twice, as it cannot be undone here. */
export function RetireForm({ detail }: { detail: FunctionDetail }) {
  const fn = detail.function;
  const queryClient = useQueryClient();
  const [what, setWhat] = useState('function');
  const [retiredOn, setRetiredOn] = useState('');
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const live = detail.lines.filter((l) => l.retiredOn === null);
  const chosenName = what === 'function' ? fn.name : (live.find((l) => String(l.id) === what)?.name ?? what);
  const retire = useMutation({
    mutationFn: async () =>
      what === 'function'
        ? unwrap(await api.api.functions[':slug'].retire.$post({ param: { slug: fn.slug }, json: { retiredOn, reason } }))
        : unwrap(await api.api['savings-lines'][':id'].retire.$post({ param: { id: what }, json: { retiredOn, reason } })),
    onSuccess: async () => {
      setProblem(null);
      setConfirming(false);
      await queryClient.invalidateQueries();
    },
    onError: (error) => {
      setConfirming(false);
      setProblem(error instanceof ApiError ? error.message : 'Realise could not be reached. Try again.');
    },
  });
  if (fn.retiredOn) return null;
  return (
    <details className="retire">
      <summary>Retire this function or one of its lines</summary>
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          setConfirming(true);
        }}
      >
        <p>Its figures and targets stay, and it says from when it was retired; no figure can be recorded for a period from that day.</p>
        {problem ? (
          <p className="error-message" role="alert">
            {problem}
          </p>
        ) : null}
        <div className="form-group">
          <label htmlFor="retire-what">What to retire</label>
          <select id="retire-what" value={what} onChange={(e) => setWhat(e.target.value)}>
            <option value="function">The whole function</option>
            {live.map((l) => (
              <option key={l.id} value={String(l.id)}>
                The line {l.name}
              </option>
            ))}
          </select>
        </div>
        <TextField id="retire-on" label="Retired from (its first day retired)" type="date" value={retiredOn} onChange={(e) => setRetiredOn(e.target.value)} />
        <TextField id="retire-reason" label="Why" value={reason} onChange={(e) => setReason(e.target.value)} />
        {confirming ? (
          <span role="group" aria-label={`Retire ${chosenName}?`} className="confirm">
            Retire {chosenName} from {retiredOn}?{' '}
            <button type="button" className="button button-warning" autoFocus onClick={() => retire.mutate()} disabled={retire.isPending}>
              Retire it
            </button>{' '}
            <button type="button" className="link-button" onClick={() => setConfirming(false)}>
              Not yet
            </button>
          </span>
        ) : (
          <button type="submit" className="button button-secondary" disabled={retiredOn === '' || reason.trim() === ''}>
            Retire…
          </button>
        )}
      </form>
    </details>
  );
}
