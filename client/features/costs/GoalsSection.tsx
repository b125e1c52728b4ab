import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { Money } from '../../components/Money';
import { QueryState } from '../../components/QueryState';
import { SourceButton } from '../../components/SourceButton';
import { formatMoney, qualified } from '../../lib/money';

/** A collaboration's stated goals beside what the ledger holds for their years, and what the ledger lacks. */
export function GoalsSection({ slug, name }: { slug: string; name: string }) {
  const goals = useQuery({ queryKey: ['goals', slug], queryFn: async () => unwrap(await api.api.collaborations[':slug'].goals.$get({ param: { slug } })) });
  if (goals.data && goals.data.goals.length === 0) return null;
  return (
    <div className="goals" data-testid={`goals-${slug}`}>
      <h3>{name}: its goals, against the ledger</h3>
      <QueryState query={goals} what="the goals">
        {(data) => (
          <>
            {data.goals.map((g) => (
              <div key={g.code}>
                <p>
                  <strong>{g.description}</strong>: {g.asWritten}
                  {g.perYear ? ' a year' : ''}
                  {g.baseline ? `, from a baseline of ${g.baseline.asWritten}` : ''} <SourceButton sourceIds={[g.sourceId, g.baseline?.sourceId ?? null]} figure={g.asWritten} />
                </p>
                {g.measured.length === 0 ? (
                  <p className="empty">The ledger holds no targets for its years.</p>
                ) : (
                  <table className="data-table compact">
                    <caption>
                      {g.asWritten}
                      {g.perYear ? ' a year' : ''} beside the ledger’s targets and delivery for {name}
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">Years</th>
                        <th scope="col">The goal</th>
                        <th scope="col">The ledger’s targets</th>
                        <th scope="col">Delivered</th>
                        <th scope="col">Functions with targets</th>
                      </tr>
                    </thead>
                    <tbody>
                      {g.measured.map((m) => (
                        <tr key={m.label}>
                          <th scope="row">{m.label}</th>
                          <td>
                            {g.kind === 'goal' ? 'up to ' : ''}
                            <Money pence={g.amountPence} />
                          </td>
                          <td>
                            <Money pence={m.targetPence} />
                          </td>
                          <td>{m.deliveredPence === 0 && m.deliveredQualifier === null ? 'none recorded' : qualified(formatMoney(m.deliveredPence), m.deliveredQualifier)}</td>
                          <td>{m.functionsWithTargets}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
                {g.notInLedger.length > 0 ? (
                  <ul className="note">
                    {g.notInLedger.map((n) => (
                      <li key={n.name}>{n.reason}</li>
                    ))}
                  </ul>
                ) : null}
              </div>
            ))}
          </>
        )}
      </QueryState>
    </div>
  );
}
