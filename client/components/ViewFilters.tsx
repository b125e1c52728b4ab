import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useSearchParams } from 'wouter';
import { collaborationsQuery, functionsQuery } from '../api/queries';
import { useViewParams } from '../lib/url';

type PeriodKind = 'all' | 'year' | 'range' | 'half' | 'quarter';

function readPeriod(period: string | undefined): { kind: PeriodKind; from: string; to: string; part: string } {
  if (!period) return { kind: 'all', from: '', to: '', part: '' };
  const range = /^(\d{4}-\d{2})\.\.(\d{4}-\d{2})$/.exec(period);
  if (range) return { kind: 'range', from: range[1]!, to: range[2]!, part: '' };
  const part = /^(\d{4}-\d{2})-([HQ]\d)$/.exec(period);
  if (part) return { kind: part[2]!.startsWith('H') ? 'half' : 'quarter', from: part[1]!, to: part[1]!, part: part[2]! };
  return { kind: 'year', from: period, to: period, part: '' };
}

function writePeriod(kind: PeriodKind, from: string, to: string, part: string): string | null {
  if (kind === 'all' || !from) return null;
  if (kind === 'year') return from;
  if (kind === 'range') return to && to > from ? `${from}..${to}` : from;
  if (kind === 'half') return `${from}-${/^H[12]$/.test(part) ? part : 'H1'}`;
  return `${from}-${/^Q[1-4]$/.test(part) ? part : 'Q1'}`;
}

const fyLabel = (fy: string) => `${fy.slice(0, 4)}/${fy.slice(5)}`;

/**
 * The filters every view shares: collaboration, period and "as at" date, all kept in the URL.
 * Each change redraws the view at once; nothing here moves focus or leaves the page.
 */
export function ViewFilters({ showCollaboration }: { showCollaboration: boolean }) {
  const view = useViewParams();
  const [, setParams] = useSearchParams();
  const collaborations = useQuery(collaborationsQuery());
  // The years to choose from: every year the ledger has a figure in (this query is cached).
  const everything = useQuery(functionsQuery({}));
  const current = readPeriod(view.period);
  // The address's own years are always offered too, so the filter shows what the view shows (FY 2018/19 has no figures, but may be asked for).
  const years = [
    ...new Set([...(everything.data?.functions.flatMap((f) => f.years.map((y) => y.fy)) ?? []), current.from, current.to].filter((fy): fy is string => !!fy)),
  ].sort();
  const ids = { collaboration: useId(), kind: useId(), from: useId(), to: useId(), part: useId(), asAt: useId() };

  const setParam = (key: string, value: string | null) =>
    setParams((params) => {
      if (value === null || value === '') params.delete(key);
      else params.set(key, value);
      return params;
    });
  const setPeriod = (kind: PeriodKind, from = current.from || years.at(-1) || '', to = current.to, part = current.part) =>
    setParam('period', writePeriod(kind, from, to, part));

  return (
    <form className="view-filters" aria-label="Filters for every view" onSubmit={(event) => event.preventDefault()}>
      {showCollaboration ? (
        <div className="filter">
          <label htmlFor={ids.collaboration}>Collaboration</label>
          <select id={ids.collaboration} value={view.collaboration ?? 'all'} onChange={(e) => setParam('collaboration', e.target.value === 'all' ? null : e.target.value)}>
            <option value="all">All collaborations</option>
            {collaborations.data?.collaborations.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="filter">
        <label htmlFor={ids.kind}>Period</label>
        <select id={ids.kind} value={current.kind} onChange={(e) => setPeriod(e.target.value as PeriodKind)}>
          <option value="all">All years</option>
          <option value="year">A financial year</option>
          <option value="range">A range of years</option>
          <option value="half">A half (H1 Apr–Sep, H2 Oct–Mar)</option>
          <option value="quarter">A quarter</option>
        </select>
      </div>
      {current.kind !== 'all' ? (
        <div className="filter">
          <label htmlFor={ids.from}>{current.kind === 'range' ? 'From' : 'Year'}</label>
          <select id={ids.from} value={current.from} onChange={(e) => setPeriod(current.kind, e.target.value)}>
            {years.map((fy) => (
              <option key={fy} value={fy}>
                FY {fyLabel(fy)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {current.kind === 'range' ? (
        <div className="filter">
          <label htmlFor={ids.to}>To</label>
          <select id={ids.to} value={current.to} onChange={(e) => setPeriod('range', current.from, e.target.value)}>
            {years
              .filter((fy) => fy >= current.from)
              .map((fy) => (
                <option key={fy} value={fy}>
                  FY {fyLabel(fy)}
                </option>
              ))}
          </select>
        </div>
      ) : null}
      {current.kind === 'half' || current.kind === 'quarter' ? (
        <div className="filter">
          <label htmlFor={ids.part}>{current.kind === 'half' ? 'Half' : 'Quarter'}</label>
          <select id={ids.part} value={current.part} onChange={(e) => setPeriod(current.kind, current.from, current.to, e.target.value)}>
            {(current.kind === 'half' ? ['H1', 'H2'] : ['Q1', 'Q2', 'Q3', 'Q4']).map((p) => (
              <option key={p} value={p}>
                {p}
                {p === 'H1' ? ' (April–September)' : p === 'H2' ? ' (October–March)' : ''}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="filter">
        <label htmlFor={ids.asAt}>As at</label>
        <input
          id={ids.asAt}
          type="date"
          value={view.asAt ?? ''}
          onChange={(e) => {
            // Only a whole date: a half-typed one would ask the server for nonsense.
            if (e.target.value === '' || /^\d{4}-\d{2}-\d{2}$/.test(e.target.value)) setParam('asAt', e.target.value || null);
          }}
        />
      </div>
      {view.period || view.collaboration || view.asAt ? (
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setParams(new URLSearchParams());
            // The button goes with the filters it cleared: keep the keyboard user in the form.
            document.getElementById(ids.kind)?.focus();
          }}
        >
          Clear filters
        </button>
      ) : null}
    </form>
  );
}
