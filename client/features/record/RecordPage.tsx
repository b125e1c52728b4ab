import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link, useSearchParams } from 'wouter';
import type { FunctionDetail, FunctionSummary } from '../../../server/contracts/functions';
import type { LedgerEntry } from '../../../server/contracts/ledger-entries';
import { ApiError, api, unwrap } from '../../api/client';
import { forceKeys, forcesQuery, functionKeys, functionQuery, functionsQuery, ledgerEntriesQuery, ledgerEntryKeys, sessionQuery } from '../../api/queries';
import { ErrorSummary, TextField } from '../../components/Form';
import { Money } from '../../components/Money';
import { QueryState } from '../../components/QueryState';
import { formatFiscalYear, formatMonth } from '../../lib/dates';
import { formatMoney } from '../../lib/money';
import { parsePoundsInput } from '../../lib/money-input';
import type { SessionUser } from '../../lib/roles';
import { usePageTitle } from '../../lib/page';

const monthsOf = (fy: string) => Array.from({ length: 12 }, (_, i) => {
  const start = Number(fy.slice(0, 4));
  const month = ((i + 3) % 12) + 1;
  return `${i < 9 ? start : start + 1}-${String(month).padStart(2, '0')}`;
});

/** The functions a person may record for: those they own, and those their forces belong to. */
function recordable(functions: readonly FunctionSummary[], user: SessionUser) {
  const owned = new Set(user.grants.filter((g) => g.role === 'function-owner').map((g) => g.function));
  const forces = new Set(user.grants.filter((g) => g.role === 'force-editor').map((g) => g.force));
  return functions.filter((f) => owned.has(f.slug) || f.forces.some((force) => forces.has(force)));
}

export function RecordPage() {
  const session = useQuery(sessionQuery());
  const all = useQuery(functionsQuery({}));
  const [params, setParams] = useSearchParams();
  usePageTitle('Record figures');
  const user = session.data?.user;
  if (!user) return null;
  return (
    <>
      <h1>Record actuals and forecasts</h1>
      <p>
        One figure at a time here; many at once from a spreadsheet on the <Link href="/import">Import</Link> page. Each
        savings line’s code, in brackets, is what the spreadsheet’s line column takes.
      </p>
      <QueryState query={all} what="the functions">
        {(data) => {
          const mine = recordable(data.functions, user);
          if (mine.length === 0) {
            return <p className="empty">Your roles do not cover recording for any function. Ask an administrator to make you a force editor or a function owner.</p>;
          }
          const chosen = mine.find((f) => f.slug === params.get('function')) ?? mine[0]!;
          return (
            <>
              <div className="form-row">
                <label htmlFor="record-function">Function</label>
                <select id="record-function" value={chosen.slug} onChange={(e) => setParams((p) => (p.set('function', e.target.value), p))}>
                  {mine.map((f) => (
                    <option key={f.slug} value={f.slug}>
                      {f.name}
                    </option>
                  ))}
                </select>
              </div>
              <RecordFor slug={chosen.slug} user={user} />
            </>
          );
        }}
      </QueryState>
    </>
  );
}

function RecordFor({ slug, user }: { slug: string; user: SessionUser }) {
  const detail = useQuery(functionQuery(slug, {}));
  const forces = useQuery(forcesQuery());
  return (
    <QueryState query={detail} what="the function">
      {(data) => <EntryForm key={slug} detail={data} user={user} forceNames={new Map(forces.data?.forces.map((f) => [f.slug, f.name]))} />}
    </QueryState>
  );
}

function useInvalidateLedger(slug: string) {
  const queryClient = useQueryClient();
  // Every view that shows money may have changed: functions, forces and this function's entries.
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: functionKeys.all }),
      queryClient.invalidateQueries({ queryKey: forceKeys.all }),
      queryClient.invalidateQueries({ queryKey: ledgerEntryKeys.byFunction(slug) }),
    ]);
}

function EntryForm({ detail, user, forceNames }: { detail: FunctionDetail; user: SessionUser; forceNames: Map<string, string> }) {
  const fn = detail.function;
  const owns = user.grants.some((g) => g.role === 'function-owner' && g.function === fn.slug);
  // An owner may record for any of the function's forces too (correcting a split part, say).
  const myForces = owns ? fn.forces : user.grants.filter((g) => g.role === 'force-editor' && fn.forces.includes(g.force!)).map((g) => g.force!);
  const lines = detail.lines;
  const [lineId, setLineId] = useState(lines[0]?.id ?? 0);
  const line = lines.find((l) => l.id === lineId) ?? lines[0];
  const years = line?.years.map((y) => y.fy).filter((fy): fy is string => fy !== null) ?? [];
  const [fy, setFy] = useState(years[0] ?? '');
  const year = years.includes(fy) ? fy : (years[0] ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const invalidate = useInvalidateLedger(fn.slug);
  const ids = { line: useId(), year: useId(), month: useId(), force: useId() };

  if (!line || years.length === 0) {
    return <p className="empty">{fn.name} has no savings line with yearly targets to record against.</p>;
  }
  return (
    <>
      <p>
        Record for <strong>{fn.name}</strong>
        {owns ? ' as its owner, for the function as a whole or for any of its forces' : ` as the editor for ${myForces.map((f) => forceNames.get(f) ?? f).join(' and ')}`}. Amounts are in pounds and pence. A
        line’s year is recorded either for the function as a whole or by force: a force’s figure on a line recorded as a whole splits its figures between the forces by the year’s shares first, so nothing counts twice.
      </p>
      {done ? (
        <p role="status" className="success" data-testid="record-done">
          {done}
        </p>
      ) : null}
      <ErrorSummary errors={errors} fieldIds={{ amountPence: 'record-amount', month: ids.month, fiscalYear: ids.year, force: ids.force }} />
      <form
        noValidate
        data-testid="record-form"
        onSubmit={async (event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const amount = parsePoundsInput(String(form.get('amount') ?? ''));
          setDone(null);
          if ('problem' in amount) {
            setErrors({ amountPence: amount.problem });
            return;
          }
          const month = String(form.get('month') ?? '') || null;
          const force = String(form.get('force') ?? '') || null;
          const measure = form.get('measure') === 'forecast' ? 'forecast' : 'actual';
          try {
            await unwrap(await api.api['ledger-entries'].$post({ json: { lineId: line.id, measure, fiscalYear: year, month, force, amountPence: amount.pence } }));
            setErrors({});
            setDone(`Recorded ${formatMoney(amount.pence)} as the ${measure} for ${line.name}, ${month ? formatMonth(month) : formatFiscalYear(year)}${force ? `, ${forceNames.get(force) ?? force}` : ''}.`);
            await invalidate();
          } catch (error) {
            if (error instanceof ApiError) {
              const issues = (error.body as { error?: { issues?: { path: string; message: string }[] } })?.error?.issues;
              setErrors(issues && issues.length > 0 ? Object.fromEntries(issues.map((i) => [i.path || 'form', i.message])) : { form: error.message });
            } else setErrors({ form: 'Realise could not be reached. Try again.' });
          }
        }}
      >
        <div className="form-group">
          <label htmlFor={ids.line}>Savings line</label>
          <select id={ids.line} value={line.id} onChange={(e) => setLineId(Number(e.target.value))}>
            {lines.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name} ({l.code})
              </option>
            ))}
          </select>
        </div>
        <fieldset className="form-group">
          <legend>Actual or forecast</legend>
          <label className="inline">
            <input type="radio" name="measure" value="actual" defaultChecked /> Actual: delivered
          </label>
          <label className="inline">
            <input type="radio" name="measure" value="forecast" /> Forecast: expected
          </label>
        </fieldset>
        <div className="form-group">
          <label htmlFor={ids.year}>Financial year</label>
          <select id={ids.year} name="fiscalYear" value={year} onChange={(e) => setFy(e.target.value)} aria-invalid={errors.fiscalYear ? true : undefined}>
            {years.map((y) => (
              <option key={y} value={y}>
                {formatFiscalYear(y)}
              </option>
            ))}
          </select>
          {errors.fiscalYear ? <p className="error-message">{errors.fiscalYear}</p> : null}
        </div>
        <div className="form-group">
          <label htmlFor={ids.month}>Month</label>
          <select id={ids.month} name="month" aria-invalid={errors.month ? true : undefined}>
            <option value="">The whole year</option>
            {monthsOf(year).map((m) => (
              <option key={m} value={m}>
                {formatMonth(m)}
              </option>
            ))}
          </select>
          {errors.month ? <p className="error-message">{errors.month}</p> : null}
        </div>
        <div className="form-group">
          <label htmlFor={ids.force}>For</label>
          <select id={ids.force} name="force" aria-invalid={errors.force ? true : undefined}>
            {myForces.map((f) => (
              <option key={f} value={f}>
                {forceNames.get(f) ?? f}
              </option>
            ))}
            {owns ? <option value="">{fn.name} as a whole</option> : null}
          </select>
          {errors.force ? <p className="error-message">{errors.force}</p> : null}
        </div>
        <TextField id="record-amount" label="Amount (£)" name="amount" inputMode="decimal" autoComplete="off" hint="Pounds and pence, like 54,500 or 54500.50" error={errors.amountPence} />
        <button type="submit" className="button">
          Record
        </button>
      </form>
      <EntriesTable slug={fn.slug} user={user} forceNames={forceNames} />
    </>
  );
}

function EntriesTable({ slug, user, forceNames }: { slug: string; user: SessionUser; forceNames: Map<string, string> }) {
  const entries = useQuery(ledgerEntriesQuery(slug));
  const owns = user.grants.some((g) => g.role === 'function-owner' && g.function === slug);
  const mayChange = (e: LedgerEntry) => e.sourceId === null && (owns || (e.force !== null && user.grants.some((g) => g.role === 'force-editor' && g.force === e.force)));
  const invalidate = useInvalidateLedger(slug);
  // The last figure removed here, which can be put back for a while (the server allows 10 minutes).
  const [removed, setRemoved] = useState<{ entry: LedgerEntry; words: string } | null>(null);
  const [undoProblem, setUndoProblem] = useState<string | null>(null);
  const undo = useMutation({
    mutationFn: async (id: number) => unwrap(await api.api['ledger-entries'][':id']['undo-remove'].$post({ param: { id: String(id) } })),
    onSuccess: async () => {
      setRemoved(null);
      setUndoProblem(null);
      await invalidate();
    },
    onError: (error) => setUndoProblem(error instanceof ApiError ? error.message : 'Realise could not be reached. Try again.'),
  });
  return (
    <section aria-labelledby="entries-heading">
      <h2 id="entries-heading">Figures recorded for this function</h2>
      {removed ? (
        <div role="status" className="notice" data-testid="removed-notice">
          Removed {removed.words}.{' '}
          <button type="button" className="button button-secondary" onClick={() => undo.mutate(removed.entry.id)} disabled={undo.isPending}>
            Undo
          </button>{' '}
          <span className="hint">You can undo this for 10 minutes.</span>
          {undoProblem ? <p className="error-message">{undoProblem}</p> : null}
        </div>
      ) : null}
      <QueryState query={entries} what="the recorded figures">
        {(data) =>
          data.entries.length === 0 ? (
            <p className="empty">Nothing is recorded yet.</p>
          ) : (
            <table className="data-table compact" data-testid="entries-table">
              <caption>Actuals and forecasts, by year and month</caption>
              <thead>
                <tr>
                  <th scope="col">Period</th>
                  <th scope="col">Line</th>
                  <th scope="col">For</th>
                  <th scope="col">Kind</th>
                  <th scope="col" className="numeric">
                    Amount
                  </th>
                  <th scope="col">Recorded</th>
                  <th scope="col">Change</th>
                </tr>
              </thead>
              <tbody>
                {data.entries.map((e) => (
                  <EntryRow
                    key={e.id}
                    entry={e}
                    editable={mayChange(e)}
                    forceName={e.force ? (forceNames.get(e.force) ?? e.force) : 'whole function'}
                    onRemoved={(words) => (setUndoProblem(null), setRemoved({ entry: e, words }))}
                  />
                ))}
              </tbody>
            </table>
          )
        }
      </QueryState>
    </section>
  );
}

function EntryRow({ entry, editable, forceName, onRemoved }: { entry: LedgerEntry; editable: boolean; forceName: string; onRemoved: (words: string) => void }) {
  const invalidate = useInvalidateLedger(entry.function);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const [problem, setProblem] = useState<{ message: string; stale: boolean } | null>(null);
  const amountId = useId();
  const failed = (error: unknown) =>
    setProblem(error instanceof ApiError ? { message: error.message, stale: error.status === 409 } : { message: 'Realise could not be reached. Try again.', stale: false });
  const change = useMutation({
    mutationFn: async (amountPence: number) =>
      unwrap(await api.api['ledger-entries'][':id'].$put({ param: { id: String(entry.id) }, json: { amountPence, version: entry.version } })),
    onSuccess: async () => {
      setEditing(false);
      setProblem(null);
      await invalidate();
    },
    onError: failed,
  });
  const period = entry.month ? formatMonth(entry.month) : formatFiscalYear(entry.fiscalYear);
  const words = `${formatMoney(entry.amountPence)} for ${period}, ${entry.lineName}, ${forceName}`;
  const remove = useMutation({
    mutationFn: async () => unwrap(await api.api['ledger-entries'][':id'].$delete({ param: { id: String(entry.id) }, query: { version: String(entry.version) } })),
    onSuccess: async () => {
      onRemoved(words);
      await invalidate();
    },
    onError: failed,
  });
  return (
    <>
    <tr data-entry={entry.id}>
      <th scope="row">{period}</th>
      <td>{entry.lineName}</td>
      <td>{forceName}</td>
      <td>
        {entry.measure}
        {entry.isIllustrative ? ' (illustrative)' : ''}
        {entry.periodNote?.startsWith('Split') ? <span className="cell-note">split from the figure for the whole function</span> : null}
      </td>
      <td className="numeric">
        {editing ? (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              const parsed = parsePoundsInput(String(new FormData(event.currentTarget).get('amount') ?? ''));
              if ('problem' in parsed) setProblem({ message: parsed.problem, stale: false });
              else change.mutate(parsed.pence);
            }}
          >
            <label htmlFor={amountId} className="visually-hidden">
              New amount for {period}, {entry.lineName}
            </label>
            <input id={amountId} name="amount" defaultValue={(entry.amountPence / 100).toFixed(2)} inputMode="decimal" size={12} />{' '}
            <button type="submit" className="button">
              Save
            </button>
          </form>
        ) : (
          <Money pence={entry.amountPence} />
        )}
        {problem ? (
          <p className="error-message" role="alert">
            {problem.message}{' '}
            {problem.stale ? (
              <button type="button" className="link-button" onClick={() => (setProblem(null), setEditing(false), invalidate())}>
                Reload the figure
              </button>
            ) : null}
          </p>
        ) : null}
      </td>
      <td>
        {entry.recordedBy}
        <span className="cell-note">{entry.recordedAt.slice(0, 10)}</span>
      </td>
      <td>
        {editable ? (
          <>
            <button type="button" className="link-button" onClick={() => setEditing(!editing)}>
              {editing ? 'Cancel' : 'Change'}
              <span className="visually-hidden">
                {' '}
                {period}, {entry.lineName}
              </span>
            </button>{' '}
            {confirming ? (
              <span role="group" aria-label={`Remove ${words}?`} className="confirm">
                Remove {formatMoney(entry.amountPence)}?{' '}
                <button type="button" className="button button-warning" onClick={() => (setConfirming(false), remove.mutate())} autoFocus>
                  Yes, remove it
                </button>{' '}
                <button type="button" className="link-button" onClick={() => setConfirming(false)}>
                  Keep it
                </button>
              </span>
            ) : (
              <button type="button" className="link-button" onClick={() => setConfirming(true)}>
                Remove
                <span className="visually-hidden">
                  {' '}
                  {period}, {entry.lineName}
                </span>
              </button>
            )}{' '}
          </>
        ) : (
          <span className="muted">{entry.sourceId ? 'from a paper' : 'not yours to change'}</span>
        )}
        <button type="button" className="link-button" aria-expanded={showHistory} onClick={() => setShowHistory(!showHistory)}>
          History
          <span className="visually-hidden">
            {' '}
            of {period}, {entry.lineName}, {forceName}
          </span>
        </button>
      </td>
    </tr>
    {showHistory ? (
      <tr className="history-row">
        <td colSpan={7}>
          <EntryHistory id={entry.id} />
        </td>
      </tr>
    ) : null}
    </>
  );
}

const ACTION_WORDS: Record<string, string> = {
  record: 'Recorded',
  change: 'Changed',
  split: 'Split between the forces',
  'split-part': 'Split from the figure for the function as a whole:',
  remove: 'Removed',
  'undo-remove': 'Put back',
};

/** Each version of a figure: who wrote what, when and why, from the audit log. */
function EntryHistory({ id }: { id: number }) {
  const history = useQuery({
    queryKey: ['ledger-entries', 'history', id],
    queryFn: async () => unwrap(await api.api['ledger-entries'][':id'].history.$get({ param: { id: String(id) } })),
  });
  return (
    <QueryState query={history} what="the figure’s history">
      {(data) =>
        data.versions.length === 0 ? (
          <p className="empty">This figure came with the data set it was loaded from and has not been changed since.</p>
        ) : (
          <ol className="history" data-testid="entry-history">
            {data.versions.map((v, i) => (
              <li key={i}>
                {ACTION_WORDS[v.action] ?? v.action} {v.amountPence !== null ? <Money pence={v.amountPence} /> : null}
                {v.fromPence !== null && v.action === 'change' ? (
                  <>
                    {' '}
                    (was <Money pence={v.fromPence} />)
                  </>
                ) : null}{' '}
                by {v.actor}, {v.at.slice(0, 16).replace('T', ' ')} UTC{v.reason ? `: “${v.reason}”` : ''}
                {v.note ? <span className="cell-note">{v.note}</span> : null}
              </li>
            ))}
          </ol>
        )
      }
    </QueryState>
  );
}
