import { useQuery } from '@tanstack/react-query';
import { collaborationsQuery } from '../../api/queries';
import { Money } from '../../components/Money';
import { SourceButton } from '../../components/SourceButton';

/** The papers' portfolio-level figures (goals, budgets, funding), each with its source. */
export function ProgrammeFigures() {
  const collaborations = useQuery(collaborationsQuery());
  if (!collaborations.data) return null;
  const withFigures = collaborations.data.collaborations.filter((c) => c.programmeFigures.length > 0);
  if (withFigures.length === 0) return null;
  return (
    <section aria-labelledby="programme-heading">
      <h2 id="programme-heading">Programme figures from the papers</h2>
      <p>Goals, budgets and funding the papers give for a collaboration as a whole, not for one function.</p>
      <table className="data-table compact">
        <caption>Programme figures, by collaboration</caption>
        <thead>
          <tr>
            <th scope="col">Collaboration</th>
            <th scope="col">What</th>
            <th scope="col" className="numeric">
              Amount
            </th>
          </tr>
        </thead>
        <tbody>
          {withFigures.flatMap((c) =>
            c.programmeFigures.map((f) => (
              <tr key={f.code} data-programme-figure={f.code}>
                <td>{c.name}</td>
                <td>{f.description}</td>
                <td className="numeric">
                  <Money pence={f.amountPence} />
                  {f.perYear ? ' a year' : ''}
                  <SourceButton sourceIds={[f.sourceId]} figure={f.asWritten} />
                </td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </section>
  );
}
