import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { api, unwrap } from '../../api/client';
import { QueryState } from '../../components/QueryState';
import { SourceButton } from '../../components/SourceButton';
import { formatPaperDate } from '../../lib/dates';

/** The risks the papers name (all, or one function's): Realise's summary beside the paper's own words behind the Source button. */
export function RisksSection({ fn, hideWhenEmpty = false }: { fn?: string | undefined; hideWhenEmpty?: boolean }) {
  const risks = useQuery({
    queryKey: ['risks', fn ?? 'all'],
    queryFn: async () => unwrap(await api.api.risks.$get({ query: fn ? { function: fn } : {} })),
    staleTime: Infinity,
  });
  if (hideWhenEmpty && risks.data?.risks.length === 0) return null;
  return (
    <section aria-labelledby="risks-heading">
      <h2 id="risks-heading">Risks the papers name</h2>
      <QueryState query={risks} what="the risks">
        {(data) =>
          data.risks.length === 0 ? (
            <p className="empty">The papers name no risk {fn ? 'for this function' : ''}.</p>
          ) : (
            <>
              <p>
                Each as the paper stood on its date. The summaries are Realise’s; the paper’s words are behind each Source button. The papers
                rate none of them for likelihood or impact, so Realise does not either.
              </p>
              <div className="table-scroll">
                <table className="data-table" data-testid="risks">
                  <caption>Risks the papers name, with what the paper says is being done</caption>
                  <thead>
                    <tr>
                      <th scope="col">Risk</th>
                      <th scope="col">Concerns</th>
                      <th scope="col">Being done, as the paper says</th>
                      <th scope="col">Named</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.risks.map((r) => (
                      <tr key={r.code} data-risk={r.code}>
                        <th scope="row">
                          {r.title}
                          <span className="cell-note">{r.code}</span>
                        </th>
                        <td>{r.function ? <Link href={`/functions/${r.function.slug}`}>{r.function.name}</Link> : r.area}</td>
                        <td>{r.mitigation ?? 'The paper says nothing'}</td>
                        <td>
                          {formatPaperDate(r.date)} <SourceButton sourceIds={[r.sourceId]} figure={`risk ${r.code}`} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )
        }
      </QueryState>
    </section>
  );
}
