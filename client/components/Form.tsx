import { cloneElement, useEffect, useId, useRef, type InputHTMLAttributes, type ReactElement, type ReactNode } from 'react';

export type FieldErrors = Record<string, string>;

/**
 * The GOV.UK error summary: at the top of the form, focused when it appears, each error a link to
 * its field.
 */
export function ErrorSummary({ errors, fieldIds }: { errors: FieldErrors; fieldIds?: Record<string, string> }) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors);
  useEffect(() => {
    if (entries.length > 0) ref.current?.focus();
  }, [entries.length, JSON.stringify(errors)]);
  if (entries.length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">There is a problem</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li key={field}>{fieldIds?.[field] ? <a href={`#${fieldIds[field]}`}>{message}</a> : message}</li>
        ))}
      </ul>
    </div>
  );
}

/** A labelled input with its hint and error tied to it for screen readers. */
export function TextField({
  label,
  hint,
  error,
  id,
  ...input
}: { label: string; hint?: ReactNode; error?: string | undefined; id?: string } & InputHTMLAttributes<HTMLInputElement>) {
  const generated = useId();
  const fieldId = id ?? generated;
  const hintId = `${fieldId}-hint`;
  const errorId = `${fieldId}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'form-group form-group-error' : 'form-group'}>
      <label htmlFor={fieldId}>{label}</label>
      {hint ? (
        <div id={hintId} className="hint">
          {hint}
        </div>
      ) : null}
      {error ? (
        <p id={errorId} className="error-message">
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      <input id={fieldId} aria-describedby={describedBy} aria-invalid={error ? true : undefined} {...input} />
    </div>
  );
}

/** A labelled select (or other control) with its error tied to it for screen readers. */
export function Choice({ id, label, error, children }: { id: string; label: string; error?: string | undefined; children: ReactElement<{ 'aria-invalid'?: boolean; 'aria-describedby'?: string }> }) {
  return (
    <div className={error ? 'form-group form-group-error' : 'form-group'}>
      <label htmlFor={id}>{label}</label>
      {error ? (
        <p className="error-message" id={`${id}-error`}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      {/* The control says it is in error, and which words say why (WCAG 3.3.1). */}
      {error ? cloneElement(children, { 'aria-invalid': true, 'aria-describedby': `${id}-error` }) : children}
    </div>
  );
}
