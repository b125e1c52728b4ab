import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { NetBenefitView } from '../../../server/contracts/costs';
import { fiscalYearWords } from '../../../server/contracts/words';
import { ApiError, api, unwrap } from '../../api/client';
import { sessionQuery } from '../../api/queries';
import { ErrorSummary } from '../../components/Form';
import { IllustrativeTag } from '../../components/Illustrative';
import { Money } from '../../components/Money';
import { QueryState } from '../../components/QueryState';
import { formatPaperDate } from '../../lib/dates';
import { formatMoney } from '../../lib/money';
import { parsePoundsInput } from '../../lib/money-input';
import { canManagePortfolio } from '../../lib/roles';
import { PROGRAMME_YEARS } from './years';

// Savings against costs for a collaboration: by year and to date, the payback year, and by force.
// Every figure is the server's; this draws them.

export function NetBenefitSection({ slug }: { slug: string }) {
  const net = useQuery({
    // Under 'costs', so entering a year's NRE (which moves each force's share) refreshes it too.
    queryKey: ['costs', 'net-benefit', slug],
    queryFn: async () => unwrap(await api.api.collaborations[':slug']['net-benefit'].$get({ param: { slug } })),
  });
  const session = useQuery(sessionQuery());
  return (
    <section aria-labelledby="net-heading">
      <h2 id="net-heading">Savings, costs and net benefit</h2>
      <QueryState query={net} what="the savings against the costs">
        {(data) => (
          <>
            <NetSummary data={data} />
            <YearsTable data={data} />
            <ForcesTable data={data} />
            {data.notes.length > 0 ? (
              <ul className="notes" data-testid="net-notes">
                {data.notes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            ) : null}
            <CostsList data={data} slug={slug} canWithdraw={canManagePortfolio(session.data?.user ?? null)} />
            {canManagePortfolio(session.data?.user ?? null) ? <RecordCostForm slug={slug} /> : null}
          </>
        )}
      </QueryState>
    </section>
  );
}

function NetSummary({ data }: { data: NetBenefitView }) {
  const { totals, payback } = data;
  return (
    <p className="lead" data-testid="net-summary">
      Over {data.years.length === 0 ? 'no year yet' : `${data.years[0]!.label} to ${data.years.at(-1)!.label}`}: savings promised <Money pence={totals.targetPence} short />, delivered{' '}
      <Money pence={totals.deliveredPence} short />, costs <Money pence={totals.costsPence} short />; net benefit planned <Money pence={totals.netPlannedPence} short />, delivered{' '}
      <Money pence={totals.netDeliveredPence} short />.{' '}
      {totals.costsPence === 0
        ? 'No cost is recorded, so there is no payback year to find.'
        : payback.delivered
          ? `The savings delivered to date first covered the costs to date in ${fiscalYearWords(payback.delivered)}.`
          : payback.planned
            ? `The savings promised would cover the costs by ${fiscalYearWords(payback.planned)}; those delivered have not yet.`
            : 'Neither the savings promised nor those delivered cover the costs in any year shown.'}
    </p>
  );
}

function YearsTable({ data }: { data: NetBenefitView }) {
  if (data.years.length === 0) return <p className="empty">Nothing is promised, delivered or spent in any year yet.</p>;
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="net-years">
        <caption>By year, and to date (a running total stops at a year with savings due and no actual yet)</caption>
        <thead>
          <tr>
            <th scope="col">Year</th>
            <th scope="col" className="numeric">Savings promised</th>
            <th scope="col" className="numeric">Delivered</th>
            <th scope="col" className="numeric">Costs</th>
            <th scope="col" className="numeric">Net, planned</th>
            <th scope="col" className="numeric">Net, delivered</th>
            <th scope="col" className="numeric">Net to date, planned</th>
            <th scope="col" className="numeric">Net to date, delivered</th>
          </tr>
        </thead>
        <tbody>
          {data.years.map((y) => (
            <tr key={y.fy} data-year={y.fy}>
              <th scope="row">
                {y.label}
                {data.payback.delivered === y.fy || data.payback.planned === y.fy ? <span className="cell-note">payback{data.payback.delivered === y.fy ? '' : ', planned'}</span> : null}
              </th>
              <td className="numeric"><Money pence={y.targetPence} /></td>
              <td className="numeric">{y.deliveredPence === null ? <span className="muted">no actual yet</span> : <Money pence={y.deliveredPence} />}</td>
              <td className="numeric">
                <Money pence={y.costsPence} />
                {y.costsFromPapersPence > 0 && y.costsEnteredPence > 0 ? (
                  <span className="cell-note">
                    <Money pence={y.costsFromPapersPence} short /> from the papers, <Money pence={y.costsEnteredPence} short /> recorded
                  </span>
                ) : y.costsFromPapersPence > 0 ? (
                  <span className="cell-note">from the papers</span>
                ) : null}
              </td>
              <td className="numeric"><Money pence={y.netPlannedPence} /></td>
              <td className="numeric">{y.netDeliveredPence === null ? <span className="muted">–</span> : <Money pence={y.netDeliveredPence} />}</td>
              <td className="numeric"><Money pence={y.cumulativeNetPlannedPence} /></td>
              <td className="numeric">{y.cumulativeNetDeliveredPence === null ? <span className="muted">–</span> : <Money pence={y.cumulativeNetDeliveredPence} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ForcesTable({ data }: { data: NetBenefitView }) {
  if (data.forces.length === 0) return null;
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="net-forces">
        <caption>By force, over every year shown: its share of the savings against its share of the costs</caption>
        <thead>
          <tr>
            <th scope="col">Force</th>
            <th scope="col" className="numeric">Its savings promised</th>
            <th scope="col" className="numeric">Delivered</th>
            <th scope="col" className="numeric">Its costs</th>
            <th scope="col" className="numeric">Net, planned</th>
            <th scope="col" className="numeric">Net, delivered</th>
          </tr>
        </thead>
        <tbody>
          {data.forces.map((f) => (
            <tr key={f.force} data-net-force={f.force}>
              <th scope="row">
                {f.forceName}
                {f.savingsAreIllustrative ? (
                  <>
                    {' '}
                    <IllustrativeTag />
                  </>
                ) : null}
              </th>
              <td className="numeric"><Money pence={f.targetPence} /></td>
              <td className="numeric"><Money pence={f.deliveredPence} /></td>
              <td className="numeric">
                <Money pence={f.costsPence} />
                {f.costsRestOnAssumption ? <span className="cell-note">partly an equal split (no NRE entered)</span> : null}
              </td>
              <td className="numeric"><Money pence={f.netPlannedPence} /></td>
              <td className="numeric"><Money pence={f.netDeliveredPence} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CostsList({ data, slug, canWithdraw }: { data: NetBenefitView; slug: string; canWithdraw: boolean }) {
  const [withdrawn, setWithdrawn] = useState<string | null>(null);
  if (data.paperCosts.length === 0 && data.enteredCosts.length === 0) return null;
  return (
    <>
      <h3>The costs counted</h3>
      {withdrawn ? (
        <p role="status" className="note" data-testid="cost-withdrawn">
          {withdrawn}
        </p>
      ) : null}
      <ul data-testid="net-costs">
        {data.paperCosts.map((c) => (
          <li key={c.code}>
            {c.description}: {c.asWritten} a year (from the papers), in {c.years.length} {c.years.length === 1 ? 'year' : 'years'}
          </li>
        ))}
        {data.enteredCosts.map((c) => (
          <EnteredCost key={c.id} cost={c} slug={slug} canWithdraw={canWithdraw} onWithdrawn={setWithdrawn} />
        ))}
      </ul>
    </>
  );
}

/** A recorded cost; a programme officer can withdraw one entered in error, after saying yes to what it is. */
function EnteredCost({ cost: c, slug, canWithdraw, onWithdrawn }: { cost: NetBenefitView['enteredCosts'][number]; slug: string; canWithdraw: boolean; onWithdrawn: (words: string) => void }) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const words = `${c.description}, ${formatMoney(c.amountPence)} ${c.kind === 'recurring' ? `a year from ${fiscalYearWords(c.fiscalYear)}` : `in ${fiscalYearWords(c.fiscalYear)}`}`;
  const withdraw = useMutation({
    mutationFn: async () => unwrap(await api.api.collaborations[':slug']['programme-costs'][':id'].$delete({ param: { slug, id: String(c.id) } })),
    onSuccess: async () => {
      onWithdrawn(`Withdrawn: ${words}. The audit log keeps what it was; record it again to correct it.`);
      await queryClient.invalidateQueries({ queryKey: ['costs'] });
    },
    onError: (error) => setProblem(error instanceof ApiError ? error.message : 'Realise could not be reached. Try again.'),
  });
  return (
    <li data-cost={c.id}>
      {c.description}{c.function ? ` (${c.function})` : ''}: <Money pence={c.amountPence} /> {c.kind === 'recurring' ? `a year from ${fiscalYearWords(c.fiscalYear)}` : `in ${fiscalYearWords(c.fiscalYear)}, once`}. From {c.source}; recorded by {c.enteredBy} on {formatPaperDate(c.enteredAt.slice(0, 10))}.{' '}
      {canWithdraw ? (
        confirming ? (
          <span role="group" aria-label={`Withdraw ${words}?`} className="confirm">
            Withdraw {words}?{' '}
            <button type="button" className="button button-warning" onClick={() => (setConfirming(false), withdraw.mutate())} autoFocus>
              Yes, withdraw it
            </button>{' '}
            <button type="button" className="link-button" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </span>
        ) : (
          <button type="button" className="link-button" onClick={() => setConfirming(true)} disabled={withdraw.isPending}>
            {withdraw.isPending ? 'Withdrawing…' : 'Withdraw'}<span className="visually-hidden"> {words}</span>
          </button>
        )
      ) : null}
      {problem ? (
        <span role="alert" className="error-message">
          {' '}
          {problem}
        </span>
      ) : null}
    </li>
  );
}

function RecordCostForm({ slug }: { slug: string }) {
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ fiscalYear: '2018-19', kind: 'recurring' as 'recurring' | 'one-off', description: '', amount: '', source: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: async (amountPence: number) =>
      unwrap(
        await api.api.collaborations[':slug']['programme-costs'].$post({
          param: { slug },
          json: { function: null, fiscalYear: form.fiscalYear, kind: form.kind, description: form.description, amountPence, source: form.source },
        }),
      ),
    onSuccess: async () => {
      setErrors({});
      setDone(`Recorded: ${form.description}.`);
      setForm({ ...form, description: '', amount: '', source: '' });
      await queryClient.invalidateQueries({ queryKey: ['costs'] });
    },
    onError: (error) => setErrors({ form: error instanceof ApiError ? error.message : 'Realise could not be reached. Try again.' }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (form.description.trim() === '') problems.description = 'Say what the cost is.';
    const read = parsePoundsInput(form.amount);
    if ('problem' in read) problems.amount = read.problem;
    if (form.source.trim() === '') problems.source = 'Say where the figure comes from.';
    setErrors(problems);
    setDone(null);
    if (Object.keys(problems).length === 0 && 'pence' in read) save.mutate(read.pence);
  };
  const field = (id: string) => (errors[id] ? 'form-group form-group-error' : 'form-group');
  return (
    <section aria-labelledby="record-cost-heading">
      <h3 id="record-cost-heading">Record a cost</h3>
      <ErrorSummary errors={errors} fieldIds={{ description: 'cost-description', amount: 'cost-amount', source: 'cost-source' }} />
      {done ? (
        <p className="notice notice-success" role="status">
          {done}
        </p>
      ) : null}
      <form onSubmit={submit} className="bases-form">
        <div className={field('description')}>
          <label htmlFor="cost-description">What the cost is</label>
          <input id="cost-description" value={form.description} aria-invalid={errors.description ? true : undefined} onChange={(e) => setForm({ ...form, description: e.target.value })} />
        </div>
        <div className={field('amount')}>
          <label htmlFor="cost-amount">Amount (£)</label>
          <input id="cost-amount" inputMode="decimal" value={form.amount} aria-invalid={errors.amount ? true : undefined} onChange={(e) => setForm({ ...form, amount: e.target.value })} />
        </div>
        <div className="form-group">
          <label htmlFor="cost-kind">One-off or recurring</label>
          <select id="cost-kind" value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as 'recurring' | 'one-off' })}>
            <option value="recurring">Recurring: this year and every year after</option>
            <option value="one-off">One-off: this year only</option>
          </select>
        </div>
        <div className="form-group">
          <label htmlFor="cost-year">The year it falls in (from)</label>
          <select id="cost-year" value={form.fiscalYear} onChange={(e) => setForm({ ...form, fiscalYear: e.target.value })}>
            {PROGRAMME_YEARS.map((fy) => (
              <option key={fy} value={fy}>
                {fiscalYearWords(fy)}
              </option>
            ))}
          </select>
        </div>
        <div className={field('source')}>
          <label htmlFor="cost-source">Where the figure comes from</label>
          <input id="cost-source" value={form.source} aria-invalid={errors.source ? true : undefined} onChange={(e) => setForm({ ...form, source: e.target.value })} />
        </div>
        <button type="submit" className="button" disabled={save.isPending}>
          Record the cost
        </button>
      </form>
    </section>
  );
}
