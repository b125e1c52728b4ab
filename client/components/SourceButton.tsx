import { useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { Link } from 'wouter';
import type { Source } from '../../server/contracts/sources';
import { sourcesQuery } from '../api/queries';
import { formatPaperDate } from '../lib/dates';

export function Citation({ source }: { source: Source }) {
  // A business case entered in Realise is cited like a paper, but Realise does not hold its text.
  const entered = source.enteredBy !== null;
  return (
    <div className="citation">
      <p className="citation-where">
        {entered ? 'Business case' : `Paper ${source.paperId}`}, paragraph {source.paragraph}
        <br />
        <span className="citation-title">{source.title}</span>, {formatPaperDate(source.date)}
      </p>
      <blockquote>“{source.quote}”</blockquote>
      <p className="citation-file">
        {entered ? (
          <>
            Entered in Realise by {source.enteredBy} on {formatPaperDate(source.enteredAt!.slice(0, 10))}; the document itself is held outside Realise.
          </>
        ) : (
          <Link href={`/papers/${source.paperId}?source=${encodeURIComponent(source.id)}`}>Read it in the paper, at this passage</Link>
        )}
      </p>
      {source.note ? <p>{source.note}</p> : null}
    </div>
  );
}

/** "Where does that number come from?": a button that opens the paper, paragraph, date and words. */
export function SourceButton({ sourceIds, figure }: { sourceIds: readonly (string | null)[]; figure: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const ids = sourceIds.filter((id): id is string => id !== null);
  const sources = useQuery({ ...sourcesQuery(), enabled: ids.length > 0 });
  if (ids.length === 0) return null;
  const byId = new Map(sources.data?.sources.map((s) => [s.id, s]));
  return (
    <>
      <button
        type="button"
        className="source-button"
        aria-haspopup="dialog"
        onClick={() => {
          // Opened at its top, whatever was scrolled to last time.
          dialog.current?.showModal();
          if (dialog.current) dialog.current.scrollTop = 0;
        }}
      >
        Source<span className="visually-hidden"> of {figure}</span>
      </button>
      <dialog ref={dialog} className="source-dialog" aria-label={`Source of ${figure}`}>
        <h2>Where {figure} comes from</h2>
        {sources.isPending ? <p role="status">Loading the sources…</p> : null}
        {sources.isError ? <p role="alert">The sources could not be loaded: {sources.error.message}</p> : null}
        {ids.map((id) => {
          const source = byId.get(id);
          return source ? <Citation key={id} source={source} /> : null;
        })}
        <form method="dialog">
          <button type="submit" className="button">
            Close
          </button>
        </form>
      </dialog>
    </>
  );
}
