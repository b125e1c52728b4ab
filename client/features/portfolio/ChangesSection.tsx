import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link } from 'wouter';
import { api, unwrap } from '../../api/client';
import { Money } from '../../components/Money';
import { QueryState } from '../../components/QueryState';
import { RagBadge } from '../../components/RagBadge';
import { withView, type ViewParams } from '../../lib/url';

/**
 * "What changed since the last Summit": each function whose status, target or delivery moved since
 * a date, and the commentary written since, beside what it was. The date starts at the server's
 * default (the last quarter end before the view's date), and can be any earlier one.
 */
export function ChangesSection({ view }: { view: ViewParams }) {
  // Until a date is chosen, the server's: the last quarter end before the view's date.
  const [since, setSince] = useState<string | null>(null);
  const id = useId();
  const changes = useQuery({
    queryKey: ['functions', 'changes', view, since],
    queryFn: async () => unwrap(await api.api.changes.$get({ query: { ...view, ...(since ? { since } : {}) } })),
    enabled: since === null || /^\d{4}-\d{2}-\d{2}$/.test(since),
    placeholderData: (previous) => previous,
  });
  return (
    <section aria-labelledby={`${id}-heading`} data-testid="changes">
      <h2 id={`${id}-heading`}>What changed since</h2>
      <div className="form-group">
        <label htmlFor={`${id}-since`}>Since the end of</label>
        <input id={`${id}-since`} type="date" value={since ?? changes.data?.since ?? ''} onChange={(e) => setSince(e.target.value)} />
      </div>
      <QueryState query={changes} what="what changed">
        {(data) =>
          data.functions.length === 0 ? (
            <p className="empty">Nothing changed since {data.sinceLabel}: no status, target or delivery moved, and no commentary was written.</p>
          ) : (
            <table className="data-table compact">
              <caption>
                Since {data.sinceLabel}, for {data.period.description}
                {data.unchanged > 0 ? `; nothing changed for ${data.unchanged} other function${data.unchanged === 1 ? '' : 's'}` : ''}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Function</th>
                  <th scope="col">Status then</th>
                  <th scope="col">Status now</th>
                  <th scope="col" className="numeric">
                    Delivered then
                  </th>
                  <th scope="col" className="numeric">
                    Delivered now
                  </th>
                  <th scope="col">Commentary since</th>
                </tr>
              </thead>
              <tbody>
                {data.functions.map((f) => (
                  <tr key={f.slug} data-changed={f.slug}>
                    <th scope="row">
                      <Link href={withView(`/functions/${f.slug}`, view)}>{f.name}</Link>
                    </th>
                    <td>
                      <RagBadge rag={f.ragThen} />
                    </td>
                    <td>
                      <RagBadge rag={f.ragNow} />
                      {f.ragThen !== f.ragNow ? <span className="cell-note">changed</span> : null}
                    </td>
                    <td className="numeric">
                      <Money pence={f.deliveredThenPence} />
                    </td>
                    <td className="numeric">
                      <Money pence={f.deliveredNowPence} />
                    </td>
                    <td>
                      {f.comments.length === 0 ? (
                        <span className="muted">none</span>
                      ) : (
                        f.comments.map((c) => (
                          <p key={c.id} className="cell-note">
                            On {c.periodLabel}: “{c.body}” ({c.author})
                          </p>
                        ))
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryState>
    </section>
  );
}
