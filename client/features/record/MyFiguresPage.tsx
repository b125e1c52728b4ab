import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link } from 'wouter';
import type { MyFigures } from '../../../server/contracts/ledger-entries';
import { ApiError, api, unwrap } from '../../api/client';
import { QueryState } from '../../components/QueryState';
import { formatFiscalYear, formatMonth, formatPaperDate } from '../../lib/dates';
import { formatMoney } from '../../lib/money';
import { parsePoundsInput } from '../../lib/money-input';
import { usePageTitle } from '../../lib/page';

// "My figures": a finance officer's lines × the months of the year, typed into like a spreadsheet
// (Tab and Enter move, cells pasted from a spreadsheet fill from the cell pasted into) and saved
// all at once. Nothing is saved unless every figure is right; each wrong one says why beside it.

type Row = MyFigures['rows'][number];
type Cell = Row['cells'][number];
const cellKey = (row: Row, cell: Cell) => `${row.lineId}|${row.force ?? ''}|${cell.month ?? ''}`;
const cellId = (r: number, c: number) => `my-figure-${r}-${c}`;
/** A recorded amount as a person would type it: 3,000 or 20,866.67. */
const typed = (pence: number) => formatMoney(pence).replace('£', '');

export function MyFiguresPage() {
  usePageTitle('My figures');
  const [fiscalYear, setFiscalYear] = useState<string | undefined>(undefined);
  const [measure, setMeasure] = useState<'actual' | 'forecast'>('actual');
  // What the last save said, kept here as the grid is drawn afresh from what is now recorded.
  const [saved, setSaved] = useState<string | null>(null);
  const query = useQuery({
    queryKey: ['my-figures', fiscalYear ?? 'default', measure],
    queryFn: async () => unwrap(await api.api['my-figures'].$get({ query: { ...(fiscalYear ? { fiscalYear } : {}), measure } })),
    // Typed figures are not thrown away by a refetch when the window regains focus; a save refetches.
    refetchOnWindowFocus: false,
    staleTime: Infinity,
  });
  return (
    <>
      <h1>My figures</h1>
      <p className="lead">
        What is due from you, line by line and month by month. Type the amounts in pounds (Tab or Enter moves on; you can paste cells copied from a
        spreadsheet), then save them all at once. Nothing is saved unless every figure is right. A month’s figure is due by the 15th of the month
        after.
      </p>
      <QueryState query={query} what="your figures">
        {(data) => (
          <>
            <div className="inline-fields">
              <div className="form-group">
                <label htmlFor="my-year">Financial year</label>
                <select id="my-year" value={data.fiscalYear} onChange={(e) => (setSaved(null), setFiscalYear(e.target.value))}>
                  {(data.fiscalYears.includes(data.fiscalYear) ? data.fiscalYears : [...data.fiscalYears, data.fiscalYear].sort()).map((y) => (
                    <option key={y} value={y}>
                      {formatFiscalYear(y)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="form-group">
                <label htmlFor="my-measure">Figures</label>
                <select id="my-measure" value={measure} onChange={(e) => (setSaved(null), setMeasure(e.target.value === 'forecast' ? 'forecast' : 'actual'))}>
                  <option value="actual">Actuals</option>
                  <option value="forecast">Forecasts</option>
                </select>
              </div>
            </div>
            {data.yearNote ? <p className="notice">{data.yearNote}</p> : null}
            {data.rows.length === 0 ? (
              <p data-testid="my-figures-empty">
                None of your lines has a target in {formatFiscalYear(data.fiscalYear)}, so nothing is due from you for it. Choose another year, or ask
                an administrator if a role you need is missing.
              </p>
            ) : (
              <FiguresGrid key={`${data.fiscalYear}|${data.measure}|${query.dataUpdatedAt}`} data={data} saved={saved} onSaved={setSaved} />
            )}
          </>
        )}
      </QueryState>
    </>
  );
}

function FiguresGrid({ data, saved, onSaved }: { data: MyFigures; saved: string | null; onSaved: (words: string | null) => void }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Record<string, string>>(() => {
    const start: Record<string, string> = {};
    for (const row of data.rows) for (const cell of row.cells) start[cellKey(row, cell)] = cell.entry ? typed(cell.entry.amountPence) : '';
    return start;
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<string | null>(saved);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const columns = data.rows.reduce((most, row) => Math.max(most, row.cells.length), 0);

  const focusCell = (r: number, c: number) => document.getElementById(cellId(r, c))?.focus();
  /** The cells a person changed: typed where nothing was, or different from what is recorded. */
  const changed = () =>
    data.rows.flatMap((row) =>
      row.cells
        .map((cell) => ({ row, cell, text: values[cellKey(row, cell)]!.trim() }))
        .filter(({ cell, text }) => (cell.entry ? text !== typed(cell.entry.amountPence) : text !== '')),
    );

  async function save() {
    setStatus(null);
    onSaved(null);
    setProblem(null);
    const cells = changed();
    const found: Record<string, string> = {};
    const figures = [];
    for (const { row, cell, text } of cells) {
      if (text === '' && cell.entry) {
        found[cellKey(row, cell)] = 'To take a recorded figure out, remove it on the Record page (it asks first, and can be undone).';
        continue;
      }
      const read = parsePoundsInput(text);
      if ('problem' in read) found[cellKey(row, cell)] = read.problem;
      else
        figures.push({
          key: cellKey(row, cell),
          // The version seen: someone else's change since is refused, not overwritten.
          figure: { lineId: row.lineId, measure: data.measure, fiscalYear: data.fiscalYear, month: cell.month, force: row.force, amountPence: read.pence, version: cell.entry?.version ?? null },
        });
    }
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setProblem(`Nothing was saved: ${Object.keys(found).length === 1 ? 'one figure needs' : `${Object.keys(found).length} figures need`} changing first.`);
      summary.current?.focus();
      return;
    }
    if (figures.length === 0) {
      setStatus('Nothing has changed, so there is nothing to save.');
      return;
    }
    setSaving(true);
    try {
      const response = await api.api['ledger-entries'].batch.$post({ json: { figures: figures.map((f) => f.figure) } });
      if (response.status === 400) {
        const body = (await response.json()) as { error: { message: string }; outcomes?: { index: number; action: string; errors?: { message: string }[] }[] };
        const wrong: Record<string, string> = {};
        for (const o of body.outcomes ?? []) if (o.action === 'error') wrong[figures[o.index]!.key] = (o.errors ?? []).map((e) => e.message).join(' ');
        setErrors(wrong);
        setProblem(body.error.message);
        summary.current?.focus();
        return;
      }
      const result = await unwrap(response);
      const splits = result.outcomes.some((o) => o.splitsWhole);
      const words = `Saved ${result.outcomes.length === 1 ? 'one figure' : `${result.outcomes.length} figures`}.${splits ? ' The figures for the function as a whole on those lines were split between the forces by the year’s shares first, so nothing counts twice.' : ''}`;
      setStatus(words);
      onSaved(words);
      await queryClient.invalidateQueries();
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : 'Realise could not be reached, so nothing was saved. Try again.');
    } finally {
      setSaving(false);
    }
  }

  const errorList = Object.entries(errors);
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      {problem || errorList.length > 0 ? (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summary} aria-labelledby="my-figures-problem">
          <h2 id="my-figures-problem">{problem ?? 'There is a problem'}</h2>
          <ul>
            {errorList.map(([key, message]) => {
              const r = data.rows.findIndex((row) => row.cells.some((cell) => cellKey(row, cell) === key));
              const row = data.rows[r]!;
              const c = row.cells.findIndex((cell) => cellKey(row, cell) === key);
              return (
                <li key={key}>
                  <a href={`#${cellId(r, c)}`}>
                    {row.lineName}
                    {row.forceName ? `, ${row.forceName}` : ''}, {row.cells[c]!.month ? formatMonth(row.cells[c]!.month!) : 'the whole year'}: {message}
                  </a>
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
      {status ? (
        <p role="status" className="success" data-testid="my-figures-status">
          {status}
        </p>
      ) : null}
      <div className="table-scroll" role="region" aria-label={`Your ${data.measure}s for ${formatFiscalYear(data.fiscalYear)}`} tabIndex={0}>
        <table className="data-table compact figures-grid" data-testid="my-figures">
          <caption>
            Your {data.measure}s for {formatFiscalYear(data.fiscalYear)}: {data.rows.reduce((n, r) => n + r.missing, 0)} missing of those due by{' '}
            {formatPaperDate(data.today)}
          </caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              {Array.from({ length: columns }, (_, c) => {
                const month = data.rows.find((r) => r.cells.length > c)?.cells[c]?.month ?? null;
                return (
                  <th scope="col" key={c} className="numeric">
                    {month ? formatMonth(month) : 'Whole year'}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {data.rows.map((row, r) => (
              <tr key={`${row.lineId}|${row.force}`}>
                <th scope="row">
                  <Link href={`/functions/${row.function}`}>{row.lineName}</Link>
                  <span className="cell-note">
                    {row.functionName} · {row.forceName ?? 'the function as a whole'} · recorded {row.recordedAs}
                  </span>
                </th>
                {row.cells.map((cell, c) => {
                  const key = cellKey(row, cell);
                  const error = errors[key];
                  const noteId = `${cellId(r, c)}-note`;
                  const errorId = `${cellId(r, c)}-error`;
                  if (cell.state === 'by-force') {
                    return (
                      <td key={key} className="figure-cell figure-by-force" data-state={cell.state}>
                        <span className="figure-readonly">{formatMoney(cell.forcesPence ?? 0)}</span>
                        <span className="cell-note">
                          {cell.forcesRecorded.length === 0 ? 'No force has recorded it yet' : `The forces’ sum (${cell.forcesRecorded.join(', ')})`}
                        </span>
                      </td>
                    );
                  }
                  return (
                    <td key={key} className={error ? 'figure-cell figure-cell-error' : `figure-cell figure-${cell.state}`} data-state={cell.state}>
                      <input
                        id={cellId(r, c)}
                        className="figure-input"
                        inputMode="decimal"
                        autoComplete="off"
                        aria-label={`${row.lineName}${row.forceName ? `, ${row.forceName}` : ''}, ${cell.month ? formatMonth(cell.month) : 'the whole year'}, in pounds`}
                        aria-describedby={error ? `${errorId} ${noteId}` : noteId}
                        aria-invalid={error ? true : undefined}
                        value={values[key]}
                        onChange={(e) => setValues((v) => ({ ...v, [key]: e.target.value }))}
                        onKeyDown={(e) => {
                          if (e.key !== 'Enter') return;
                          // Enter moves down the column, as in a spreadsheet; from the last row, to Save.
                          e.preventDefault();
                          if (r + 1 < data.rows.length) focusCell(r + 1, Math.min(c, data.rows[r + 1]!.cells.length - 1));
                          else document.getElementById('my-figures-save')?.focus();
                        }}
                        onPaste={(e) => {
                          const text = e.clipboardData.getData('text/plain');
                          if (!/[\t\n]/.test(text.trim())) return;
                          // Cells copied from a spreadsheet: rows by line, columns by tab, filled from here right and down.
                          e.preventDefault();
                          const grid = text.replace(/\r/g, '').replace(/\n$/, '').split('\n').map((line) => line.split('\t'));
                          setValues((v) => {
                            const next = { ...v };
                            grid.forEach((cells, dr) => {
                              const target = data.rows[r + dr];
                              if (!target) return;
                              cells.forEach((value, dc) => {
                                const into = target.cells[c + dc];
                                if (into) next[cellKey(target, into)] = value.trim();
                              });
                            });
                            return next;
                          });
                        }}
                      />
                      <span id={noteId} className="cell-note">
                        {cellNote(cell)}
                      </span>
                      {error ? (
                        <span id={errorId} className="error-message">
                          <span className="visually-hidden">Error: </span>
                          {error}
                        </span>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button id="my-figures-save" type="submit" className="button" disabled={saving} aria-disabled={saving}>
        {saving ? 'Saving…' : 'Save all'}
      </button>
    </form>
  );
}

function cellNote(cell: Cell): string {
  switch (cell.state) {
    case 'recorded':
      return `Recorded${cell.entry?.isIllustrative ? ' (illustrative)' : ''}${cell.entry?.periodNote?.startsWith('Split') ? ', split from the whole' : ''}`;
    case 'whole-function':
      return `Whole function ${formatMoney(cell.wholeFunctionPence ?? 0)}; yours splits it`;
    case 'missing':
      return `Missing: due ${formatPaperDate(cell.dueOn)}`;
    case 'not-due':
      return `Due ${formatPaperDate(cell.dueOn)}`;
    case 'by-force':
      return 'Recorded by force';
  }
}
