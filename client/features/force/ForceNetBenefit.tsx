import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { fiscalYearWords } from '../../../server/contracts/words';
import { api, unwrap } from '../../api/client';
import { IllustrativeTag } from '../../components/Illustrative';
import { Money } from '../../components/Money';
import { QueryState } from '../../components/QueryState';

// A Chief Finance Officer's question: what does each collaboration cost my force, and what does it
// save it? Every figure is the server's (services/net-benefit.ts); this draws them.

export function ForceNetBenefit({ slug, forceName }: { slug: string; forceName: string }) {
  const net = useQuery({
    // Under 'costs', so a year's NRE or a recorded cost (which move the force's part) refreshes it.
    queryKey: ['costs', 'force-net-benefit', slug],
    queryFn: async () => unwrap(await api.api.forces[':slug']['net-benefit'].$get({ param: { slug } })),
  });
  return (
    <section aria-labelledby="force-net-heading" data-testid="force-net-benefit">
      <h2 id="force-net-heading">What it saves and what it costs {forceName}</h2>
      <QueryState query={net} what="the force’s savings against its costs">
        {(data) =>
          data.collaborations.length === 0 ? (
            <p className="empty" role="status">
              {forceName} belongs to no collaboration Realise holds, so none saves or costs it anything here.
            </p>
          ) : (
            <div className="table-scroll">
              <table className="data-table compact">
                <caption>
                  {forceName}’s part of each collaboration’s savings (by its shares of each function) and of its costs (each year’s costs by that year’s
                  NRE shares where entered, else equally), all years to date
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Collaboration</th>
                    <th scope="col" className="numeric">Savings promised</th>
                    <th scope="col" className="numeric">Savings delivered</th>
                    <th scope="col" className="numeric">Costs</th>
                    <th scope="col" className="numeric">Net, planned</th>
                    <th scope="col" className="numeric">Net, delivered</th>
                    <th scope="col">Payback (the collaboration’s)</th>
                  </tr>
                </thead>
                <tbody>
                  {data.collaborations.map((c) => (
                    <tr key={c.collaboration.slug} data-force-net={c.collaboration.slug}>
                      <th scope="row">
                        <Link href={`/collaborations/${c.collaboration.slug}/costs`}>{c.collaboration.name}</Link>
                      </th>
                      <td className="numeric">
                        <Money pence={c.targetPence} />
                        {c.savingsAreIllustrative ? <IllustrativeTag /> : null}
                      </td>
                      <td className="numeric">
                        <Money pence={c.deliveredPence} />
                        {c.savingsAreIllustrative ? <IllustrativeTag /> : null}
                      </td>
                      <td className="numeric">
                        <Money pence={c.costsPence} />
                        {c.costsPence > 0 && c.costsRestOnAssumption ? <span className="cell-note">split equally in some or all years: Realise’s assumption</span> : null}
                      </td>
                      <td className="numeric">
                        <Money pence={c.netPlannedPence} />
                      </td>
                      <td className="numeric">
                        <Money pence={c.netDeliveredPence} />
                      </td>
                      <td>{c.payback.delivered ? `${fiscalYearWords(c.payback.delivered)} (delivered)` : c.payback.planned ? `${fiscalYearWords(c.payback.planned)} (planned)` : c.costsPence > 0 ? 'not yet' : 'no costs held'}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr data-force-net="total">
                    <th scope="row">All its collaborations</th>
                    <td className="numeric">
                      <Money pence={data.totals.targetPence} />
                    </td>
                    <td className="numeric">
                      <Money pence={data.totals.deliveredPence} />
                    </td>
                    <td className="numeric">
                      <Money pence={data.totals.costsPence} />
                    </td>
                    <td className="numeric">
                      <Money pence={data.totals.netPlannedPence} />
                    </td>
                    <td className="numeric">
                      <Money pence={data.totals.netDeliveredPence} />
                    </td>
                    <td />
                  </tr>
                </tfoot>
              </table>
            </div>
          )
        }
      </QueryState>
      <p className="hint">Costs are those Realise holds: the papers’ yearly budgets and costs a programme officer records. A collaboration with none shows its savings only.</p>
    </section>
  );
}
