import { useId } from 'react';
import { useSearchParams } from 'wouter';
import { useAsAt } from '../../lib/url';

/** Choose the date the whole dashboard is "as at": figures reported after it are left out. */
export function AsAtForm() {
  const asAt = useAsAt();
  const [, setParams] = useSearchParams();
  const inputId = useId();
  return (
    <form
      className="as-at-form"
      onSubmit={(event) => {
        event.preventDefault();
        const value = new FormData(event.currentTarget).get('asAt');
        setParams((params) => {
          if (typeof value === 'string' && value) params.set('asAt', value);
          else params.delete('asAt');
          return params;
        });
      }}
    >
      <label htmlFor={inputId}>As at</label>
      <input id={inputId} name="asAt" type="date" defaultValue={asAt ?? ''} key={asAt ?? 'today'} />
      <button type="submit" className="button button-secondary">
        Show
      </button>
      {asAt ? (
        <button type="button" className="link-button" onClick={() => setParams((p) => (p.delete('asAt'), p))}>
          Today
        </button>
      ) : null}
    </form>
  );
}
