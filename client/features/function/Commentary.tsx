import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { ApiError, api, unwrap } from '../../api/client';
import { commentaryQuery, functionKeys } from '../../api/queries';

const time = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });
export const formatCommentTime = (iso: string) => `${time.format(new Date(iso))} UTC`;

/** The owner's explanation of the figures for this period, beside its variances; every comment kept. */
export function Commentary({ slug, period, periodWords, mayWrite }: { slug: string; period: string; periodWords: string; mayWrite: boolean }) {
  const comments = useQuery(commentaryQuery(slug, period));
  const list = comments.data?.comments ?? [];
  return (
    <div className="commentary" data-testid="commentary">
      <h3>Commentary on {periodWords}</h3>
      <CommentList comments={list} empty={`No commentary yet for ${periodWords}, or for any part of it.`} on={period} />
      {mayWrite ? <CommentForm slug={slug} period={period} periodWords={periodWords} /> : null}
    </div>
  );
}

/** Comments newest first, the latest marked as the one that stands. */
export function CommentList({
  comments,
  empty,
  on,
}: {
  comments: readonly { body: string; author: string; createdAt: string; period?: string; periodLabel?: string }[];
  empty: string;
  /** The period shown: a comment on a part of it (a half of the year) says which part. */
  on?: string;
}) {
  if (comments.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="plain-list">
      {comments.map((c, i) => (
        <li key={`${c.createdAt}-${i}`} className={i === 0 ? 'comment-latest' : 'comment-earlier'}>
          {on && c.period && c.period !== on && c.periodLabel ? <span className="comment-period">On {c.periodLabel}:</span> : null}
          <blockquote>{c.body}</blockquote>
          <span className="cell-note">
            {c.author}, {formatCommentTime(c.createdAt)}
            {i > 0 ? ' (earlier)' : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Adds a comment; earlier ones stay. Whatever shows the commentary is refreshed after. */
export function CommentForm({ slug, period, periodWords, onSaved }: { slug: string; period: string; periodWords: string; onSaved?: () => Promise<unknown> }) {
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  return (
    <form
      className="no-print"
      onSubmit={async (event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const body = String(new FormData(form).get('body') ?? '').trim();
        if (!body) return setProblem('Write the explanation first.');
        try {
          await unwrap(await api.api.functions[':slug'].commentary.$post({ param: { slug }, json: { period, body } }));
          setProblem(null);
          form.reset();
          await Promise.all([queryClient.invalidateQueries({ queryKey: [...functionKeys.all, 'commentary', slug] }), onSaved?.()]);
        } catch (error) {
          setProblem(error instanceof ApiError ? error.message : 'The comment could not be saved.');
        }
      }}
    >
      <label htmlFor={id}>Explain the figures for {periodWords}</label>
      {problem ? (
        <p className="error-message" role="alert">
          {problem}
        </p>
      ) : null}
      <textarea id={id} name="body" rows={3} maxLength={2000} />
      <button type="submit" className="button">
        Add the commentary
      </button>
    </form>
  );
}
