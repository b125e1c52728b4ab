import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'wouter';
import type { ProgrammeCosts } from '../../../server/contracts/costs';
import { fiscalYearWords, shareWords } from '../../../server/contracts/words';
import { ApiError, api, unwrap } from '../../api/client';
import { sessionQuery } from '../../api/queries';
import { ErrorSummary } from '../../components/Form';
import { Money } from '../../components/Money';
import { QueryState } from '../../components/QueryState';
import { formatPaperDate } from '../../lib/dates';
import { parsePoundsInput } from '../../lib/money-input';
import { usePageTitle } from '../../lib/page';
import { canManagePortfolio } from '../../lib/roles';
import { PROGRAMME_YEARS } from './years';
import { NetBenefitSection } from './NetBenefitSection';

// What a programme costs each force in a year, on the papers' basis (Net Revenue Expenditure, to one
// decimal place), and what if a force left. The year and the what-if are in the URL, so a link
// reopens the same question.

export function CostsPage({ slug }: { slug: string }) {
  const [params, setParams] = useSearchParams();
  const year = params.get('year') ?? '2018-19';
  const without = params.get('without') ?? '';
  const costs = useQuery({
    queryKey: ['costs', slug, year, without],
    queryFn: async () => unwrap(await api.api.collaborations[':slug'].costs.$get({ param: { slug }, query: { year, ...(without ? { without } : {}) } })),
  });
  const session = useQuery(sessionQuery());
  usePageTitle('What it costs each force');
  const set = (key: string, value: string) =>
    setParams((p) => {
      if (value) p.set(key, value);
      else p.delete(key);
      return p;
    });
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumbs">
        <ol>
          <li>
            <Link href="/collaborations">Collaborations</Link>
          </li>
          <li aria-current="page">What it costs each force</li>
        </ol>
      </nav>
      <h1>What it costs each force</h1>
      <div className="inline-form">
        <div className="form-group">
          <label htmlFor="costs-year">Financial year</label>
          <select id="costs-year" value={year} onChange={(e) => set('year', e.target.value)}>
            {PROGRAMME_YEARS.map((fy) => (
              <option key={fy} value={fy}>
                {fiscalYearWords(fy)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-group">
          <label htmlFor="costs-without">What if a force left?</label>
          <select id="costs-without" value={without} onChange={(e) => set('without', e.target.value)}>
            <option value="">No one leaves</option>
            {costs.data?.split.forces.map((f) => (
              <option key={f.force} value={f.force}>
                {f.forceName} leaves
              </option>
            ))}
          </select>
        </div>
      </div>
      <QueryState query={costs} what="the programme’s costs">
        {(data) => (
          <>
            <CostsTable data={data} />
            {canManagePortfolio(session.data?.user ?? null) ? <BasesForm key={data.fiscalYear} data={data} /> : null}
          </>
        )}
      </QueryState>
      <NetBenefitSection slug={slug} />
    </>
  );
}

function CostsTable({ data }: { data: ProgrammeCosts }) {
  const year = fiscalYearWords(data.fiscalYear);
  const after = data.whatIf ? new Map(data.whatIf.split.forces.map((f) => [f.force, f])) : null;
  return (
    <section aria-labelledby="costs-heading">
      <h2 id="costs-heading">
        {data.collaboration.name}, {year}
      </h2>
      <p data-testid="costs-basis">
        {data.split.basis === 'nre' && data.bases
          ? `Split by each force’s Net Revenue Expenditure for ${year}, to one decimal place, as the agreement says (paper 003, 5.1–5.2). The NRE is from: ${data.bases.source}; entered by ${data.bases.enteredBy} on ${formatPaperDate(data.bases.enteredAt.slice(0, 10))}.`
          : `No Net Revenue Expenditure is entered for every member in ${year}, so the costs are split equally: Realise’s assumption, not the agreement’s basis.`}
      </p>
      {data.budgets.length === 0 ? (
        <p className="empty">The papers give {data.collaboration.name} no yearly budget to split.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-testid="costs">
            <caption>
              Each force’s share of {data.budgets.map((b) => `${b.description.toLowerCase()} (${b.asWritten} a year)`).join(' and ')}
              {data.whatIf ? `, now and if ${data.whatIf.leaving.forceName} left` : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">Force</th>
                <th scope="col">NRE</th>
                <th scope="col">Share</th>
                {data.budgets.map((b) => (
                  <th scope="col" key={b.code}>
                    {b.code === 'seven-force-consultancy-budget' ? 'Consultancy' : 'Programme'} ({b.asWritten})
                  </th>
                ))}
                <th scope="col">Its cost</th>
                {after ? (
                  <>
                    <th scope="col">Share if {data.whatIf!.leaving.forceName} left</th>
                    <th scope="col">Its cost then</th>
                    <th scope="col">Change</th>
                  </>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {data.split.forces.map((f) => {
                const then = after?.get(f.force);
                return (
                  <tr key={f.force} data-force={f.force}>
                    <th scope="row">{f.forceName}</th>
                    <td>{f.nrePence === null ? 'not entered' : <Money pence={f.nrePence} />}</td>
                    <td>{shareWords(f.shareTenthsPercent, 'nre')}</td>
                    {f.costs.map((c) => (
                      <td key={c.code}>
                        <Money pence={c.pence} />
                      </td>
                    ))}
                    <td>
                      <Money pence={f.totalPence} />
                    </td>
                    {after ? (
                      then ? (
                        <>
                          <td>{shareWords(then.shareTenthsPercent, 'nre')}</td>
                          <td>
                            <Money pence={then.totalPence} />
                          </td>
                          <td>
                            {then.totalPence - f.totalPence >= 0 ? '+' : '−'}
                            <Money pence={Math.abs(then.totalPence - f.totalPence)} />
                          </td>
                        </>
                      ) : (
                        <td colSpan={3}>Leaves: pays nothing</td>
                      )
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function BasesForm({ data }: { data: ProgrammeCosts }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Record<string, string>>({});
  const [source, setSource] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: async (forces: { force: string; nrePence: number }[]) => unwrap(await api.api.bases[':year'].$put({ param: { year: data.fiscalYear }, json: { source, forces } })),
    onSuccess: async () => {
      setErrors({});
      setDone(`Entered the Net Revenue Expenditure of ${data.split.forces.length} forces for ${fiscalYearWords(data.fiscalYear)}.`);
      await queryClient.invalidateQueries({ queryKey: ['costs'] });
    },
    onError: (error) => setErrors({ form: error instanceof ApiError ? error.message : 'Realise could not be reached. Try again.' }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    const forces = data.split.forces.flatMap((f) => {
      const read = parsePoundsInput(values[f.force] ?? (f.nrePence === null ? '' : String(f.nrePence / 100)));
      if ('problem' in read) {
        problems[f.force] = `${f.forceName}: ${read.problem}`;
        return [];
      }
      return [{ force: f.force, nrePence: read.pence }];
    });
    if (source.trim() === '') problems.source = 'Say where the figures come from.';
    setErrors(problems);
    if (Object.keys(problems).length === 0) save.mutate(forces);
  };
  return (
    <section aria-labelledby="bases-heading">
      <h2 id="bases-heading">Enter {fiscalYearWords(data.fiscalYear)}’s Net Revenue Expenditure</h2>
      <p>Each member’s NRE for the year, in pounds (103,200,000 or 103.2m). Entering them replaces these forces’ figures for this year only.</p>
      <ErrorSummary errors={errors} fieldIds={Object.fromEntries([...data.split.forces.map((f) => [f.force, `nre-${f.force}`]), ['source', 'nre-source']])} />
      {done ? (
        <p className="notice notice-success" role="status">
          {done}
        </p>
      ) : null}
      <form onSubmit={submit} className="bases-form">
        {data.split.forces.map((f) => (
          <div className="form-group" key={f.force}>
            <label htmlFor={`nre-${f.force}`}>{f.forceName} (£)</label>
            <input
              id={`nre-${f.force}`}
              inputMode="decimal"
              aria-invalid={errors[f.force] ? true : undefined}
              value={values[f.force] ?? (f.nrePence === null ? '' : String(f.nrePence / 100))}
              onChange={(e) => setValues({ ...values, [f.force]: e.target.value })}
            />
          </div>
        ))}
        <div className="form-group">
          <label htmlFor="nre-source">Where the figures come from</label>
          <input id="nre-source" value={source} onChange={(e) => setSource(e.target.value)} />
        </div>
        <button type="submit" className="button" disabled={save.isPending}>
          Enter the NRE
        </button>
      </form>
    </section>
  );
}
