import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'wouter';
import type { AgreementEntry, AgreementRegister } from '../../../server/contracts/agreements';
import { agreementsQuery, collaborationsQuery, decisionsQuery } from '../../api/queries';
import { QueryState } from '../../components/QueryState';
import { SourceButton } from '../../components/SourceButton';
import { formatPaperDate } from '../../lib/dates';
import { MILESTONE_LABEL } from '../../lib/labels';
import { usePageTitle } from '../../lib/page';

// The register of section 22A agreements: a programme office's list of who signed what, when each
// is reviewed and ends, and what falls due, with every date's source. The filters are in the URL.

const WINDOWS = [3, 6, 12, 24];

export function AgreementsPage() {
  usePageTitle('Agreements');
  const [params, setParams] = useSearchParams();
  const collaboration = params.get('collaboration') ?? '';
  const months = Number(params.get('within') ?? '6') || 6;
  const dueOnly = params.get('due') === 'only';
  const force = params.get('force') ?? undefined;
  const register = useQuery(agreementsQuery({ collaboration: collaboration || undefined, force, dueWithinMonths: months, dueOnly }));
  const collaborations = useQuery(collaborationsQuery());
  const set = (key: string, value: string | null) =>
    setParams((p) => {
      if (value === null || value === '') p.delete(key);
      else p.set(key, value);
      return p;
    });
  return (
    <>
      <h1>Section 22A agreements</h1>
      <p className="lead">
        Every collaboration agreement Realise holds: its parties, the dates the papers give (each with its source), where it stands today, and
        the reviews and end dates falling due. Where the papers disagree about a date, both are shown.
      </p>
      {force ? (
        <p>
          Only the agreements {register.data?.agreements.flatMap((a) => [...a.parties, ...(a.leadForce ? [a.leadForce] : [])]).find((p) => p.slug === force)?.name ?? force} is
          party to or leads. <Link href="/agreements">Every agreement</Link>
        </p>
      ) : null}
      <form className="filters agreement-filters" onSubmit={(e) => e.preventDefault()}>
        <div className="form-group">
          <label htmlFor="ag-collaboration">Collaboration</label>
          <select id="ag-collaboration" value={collaboration} onChange={(e) => set('collaboration', e.target.value)}>
            <option value="">All, and those of no collaboration Realise holds</option>
            {collaborations.data?.collaborations.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="form-group">
          <label htmlFor="ag-within">Falls due within</label>
          <select id="ag-within" value={String(months)} onChange={(e) => set('within', e.target.value === '6' ? null : e.target.value)}>
            {WINDOWS.map((n) => (
              <option key={n} value={n}>
                {n} months
              </option>
            ))}
          </select>
        </div>
        <div className="form-group checkbox">
          <input id="ag-due" type="checkbox" checked={dueOnly} onChange={(e) => set('due', e.target.checked ? 'only' : null)} />
          <label htmlFor="ag-due">Only those with a review or end date in that time</label>
        </div>
      </form>
      <QueryState query={register} what="the agreements">
        {(data) => <Register data={data} dueOnly={dueOnly} />}
      </QueryState>
      <Decisions />
    </>
  );
}

const decisionAnchor = (number: string) => `decision-${number.replace(/\W+/g, '-').toLowerCase()}`;

function Decisions() {
  const log = useQuery(decisionsQuery());
  return (
    <section aria-labelledby="decisions-heading">
      <h2 id="decisions-heading">Decisions</h2>
      <QueryState query={log} what="the decision log">
        {(data) =>
          data.decisions.length === 0 ? (
            <p className="empty">No decision records are held.</p>
          ) : (
            <div className="table-scroll">
              <table className="data-table" data-testid="decisions">
                <caption>Decision records, oldest first, with what each concerns</caption>
                <thead>
                  <tr>
                    <th scope="col">Record</th>
                    <th scope="col">What was decided</th>
                    <th scope="col">Concerns</th>
                  </tr>
                </thead>
                <tbody>
                  {data.decisions.map((d) => (
                    <tr key={d.number} id={decisionAnchor(d.number)}>
                      <th scope="row">
                        {d.number}
                        <span className="cell-note">{formatPaperDate(d.date)}</span>
                      </th>
                      <td>
                        <strong>{d.title}</strong>
                        <span className="cell-note">“{d.decision}”</span> <SourceButton sourceIds={[d.sourceId]} figure={`decision ${d.number}`} />
                      </td>
                      <td>
                        {d.agreements.length === 0 && d.functions.length === 0 ? 'Nothing Realise holds' : null}
                        {d.agreements.map((a) => (
                          <span key={a.slug} className="cell-note">
                            Agreement: {a.name}
                          </span>
                        ))}
                        {d.functions.map((f) => (
                          <span key={f.slug} className="cell-note">
                            Function: <Link href={`/functions/${f.slug}`}>{f.name}</Link>
                          </span>
                        ))}
                        {d.note ? <span className="cell-note">{d.note}</span> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryState>
    </section>
  );
}

function Register({ data, dueOnly }: { data: AgreementRegister; dueOnly: boolean }) {
  const until = formatPaperDate(data.dueUntil);
  const due = data.agreements.filter((a) => a.fallingDue.length > 0);
  const notRecorded = data.agreements.filter((a) => a.reviewsNotRecorded.length > 0);
  if (data.agreements.length === 0) {
    return (
      <p className="empty" role="status">
        {dueOnly
          ? `No agreement has a review or end date between ${formatPaperDate(data.asAt)} and ${until}. Untick “Only those…” to see them all, or choose a longer time.`
          : 'No agreement in Realise belongs to this collaboration.'}
      </p>
    );
  }
  return (
    <>
      <p role="status" data-testid="agreements-summary">
        {data.agreements.length} agreement{data.agreements.length === 1 ? '' : 's'}, as at {formatPaperDate(data.asAt)}.{' '}
        {due.length === 0 ? `None has a review or end date before ${until}.` : `${due.length} ha${due.length === 1 ? 's' : 've'} a review or end date before ${until}.`}{' '}
        {notRecorded.length > 0 ? `${notRecorded.length} had a review date that has passed with no review in the papers.` : ''}
      </p>
      <div className="table-scroll">
        <table className="data-table agreements" data-testid="agreements">
          <caption>Section 22A agreements, their dates and where each stands</caption>
          <thead>
            <tr>
              <th scope="col">Agreement</th>
              <th scope="col">Parties</th>
              <th scope="col">Dates the papers give</th>
              <th scope="col">Where it stands</th>
            </tr>
          </thead>
          <tbody>
            {data.agreements.map((a) => (
              <AgreementRow key={a.slug} agreement={a} />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function AgreementRow({ agreement: a }: { agreement: AgreementEntry }) {
  const disputed = new Set(a.disagreements.flatMap((d) => d.claims.map((c) => `${c.kind}|${c.date}`)));
  return (
    <tr data-agreement={a.slug}>
      <th scope="row">
        {a.name}
        {a.collaboration ? <span className="cell-note">{a.collaboration.name}</span> : <span className="cell-note">No collaboration Realise holds</span>}
        {a.functions.length > 0 ? (
          <span className="cell-note">
            Functions:{' '}
            {a.functions.map((f, i) => (
              <span key={f.slug}>
                {i > 0 ? ', ' : ''}
                <Link href={`/functions/${f.slug}`}>{f.name}</Link>
              </span>
            ))}
          </span>
        ) : null}
      </th>
      <td>
        {a.parties.length > 0 ? a.parties.map((p) => p.name).join(', ') : 'The papers do not list every party'}
        {a.leadForce ? <span className="cell-note">Lead: {a.leadForce.name}</span> : null}
        {a.note ? <span className="cell-note">{a.note}</span> : null}
      </td>
      <td>
        <ul className="milestones">
          {a.milestones.map((m) => (
            <li key={`${m.kind}-${m.date}`}>
              <strong>{formatPaperDate(m.date)}</strong> {MILESTONE_LABEL[m.kind] ?? m.kind}: {m.description}{' '}
              {disputed.has(`${m.kind}|${m.date}`) ? <span className="tag tag-disputed">The papers disagree</span> : null}{' '}
              {a.fallingDue.some((d) => d.kind === m.kind && d.date === m.date) ? <span className="tag tag-due">Falls due</span> : null}{' '}
              <SourceButton sourceIds={[m.sourceId]} figure={`${a.name}: ${m.description}`} />
            </li>
          ))}
        </ul>
        {a.disagreements.map((d) => (
          <p key={d.about} className="note" data-testid={`disagreement-${a.slug}`}>
            The papers disagree on its {d.about}: {d.claims.map((c) => formatPaperDate(c.date)).join(' in one, ')} in another. Realise shows both and
            chooses neither.
          </p>
        ))}
      </td>
      <td>
        {a.statusWords}
        {a.decisions.map((d) => (
          <span key={d.number} className="cell-note">
            Decision <a href={`#${decisionAnchor(d.number)}`}>{d.number}</a>, {formatPaperDate(d.date)}
          </span>
        ))}
        {a.reviewsNotRecorded.map((r) => (
          <span key={r.date} className="cell-note">
            A review was due by {formatPaperDate(r.date)}; the papers record none since.
          </span>
        ))}
      </td>
    </tr>
  );
}
