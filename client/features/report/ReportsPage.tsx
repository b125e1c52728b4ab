import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link, useLocation } from 'wouter';
import type { ReportListItem } from '../../../server/contracts/reports';
import { collaborationsQuery, reportsQuery } from '../../api/queries';
import { QueryState } from '../../components/QueryState';
import { usePageTitle } from '../../lib/page';
import { formatCommentTime } from '../function/Commentary';

/** Financial years a report can be for: the programme's first to the one running now. */
function fiscalYears(today = new Date()): string[] {
  const current = today.getUTCMonth() >= 3 ? today.getUTCFullYear() : today.getUTCFullYear() - 1;
  const years: string[] = [];
  for (let start = current; start >= 2014; start -= 1) years.push(`${start}-${String((start + 1) % 100).padStart(2, '0')}`);
  return years;
}

/** Start a draft for a collaboration and half-year; list, open and compare what has been published. */
export function ReportsPage() {
  usePageTitle('Six-monthly reports');
  const reports = useQuery(reportsQuery());
  return (
    <>
      <h1>Six-monthly reports</h1>
      <p className="lead">
        The Summit receives a report every six months on the financial and operational performance of every collaborated function. Draft it from the ledger,
        add commentary on any variance, then publish: a published report is frozen exactly as it was, whatever is recorded later.
      </p>
      <DraftForm />
      <section aria-labelledby="published-heading">
        <h2 id="published-heading">Published reports</h2>
        <QueryState query={reports} what="the published reports">
          {({ reports: list }) => (list.length === 0 ? <p className="empty">No report has been published yet. Draft one above; a programme officer publishes it.</p> : <PublishedList reports={list} />)}
        </QueryState>
      </section>
    </>
  );
}

function DraftForm() {
  const collaborations = useQuery(collaborationsQuery());
  const [, navigate] = useLocation();
  const years = fiscalYears();
  const ids = { collaboration: useId(), year: useId(), half: useId() };
  return (
    <section aria-labelledby="draft-heading">
      <h2 id="draft-heading">Draft a report</h2>
      <QueryState query={collaborations} what="the collaborations">
        {({ collaborations: list }) => (
          <form
            className="form-row"
            onSubmit={(event) => {
              event.preventDefault();
              const data = new FormData(event.currentTarget);
              navigate(`/reports/draft?collaboration=${data.get('collaboration')}&half=${data.get('year')}-${data.get('half')}`);
            }}
          >
            <label htmlFor={ids.collaboration}>Collaboration</label>
            <select id={ids.collaboration} name="collaboration" defaultValue="bch">
              {list.map((c) => (
                <option key={c.slug} value={c.slug}>
                  {c.name}
                </option>
              ))}
            </select>
            <label htmlFor={ids.year}>Financial year</label>
            <select id={ids.year} name="year" defaultValue={years[0]}>
              {years.map((fy) => (
                <option key={fy} value={fy}>
                  {fy.replace('-', '/')}
                </option>
              ))}
            </select>
            <label htmlFor={ids.half}>Half</label>
            <select id={ids.half} name="half" defaultValue="H1">
              <option value="H1">H1: April to September</option>
              <option value="H2">H2: October to March</option>
            </select>
            <button type="submit" className="button">
              Draft the report
            </button>
          </form>
        )}
      </QueryState>
    </section>
  );
}

function PublishedList({ reports }: { reports: readonly ReportListItem[] }) {
  const [, navigate] = useLocation();
  const [from, setFrom] = useState(String(reports.at(1)?.id ?? reports[0]!.id));
  const [to, setTo] = useState(String(reports[0]!.id));
  const ids = { from: useId(), to: useId() };
  const name = (r: ReportListItem) => `${r.collaborationName}, ${r.halfDescription}, version ${r.version}`;
  return (
    <>
      <div className="table-scroll">
        <table className="data-table compact" data-testid="published-reports">
          <caption>Every published version, newest half first</caption>
          <thead>
            <tr>
              <th scope="col">Report</th>
              <th scope="col" className="numeric">Version</th>
              <th scope="col">Published</th>
              <th scope="col">By</th>
              <th scope="col">Content hash (SHA-256)</th>
            </tr>
          </thead>
          <tbody>
            {reports.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <Link href={`/reports/${r.id}`}>
                    {r.collaborationName}: {r.halfDescription}
                    <span className="visually-hidden">, version {r.version}</span>
                  </Link>
                </th>
                <td className="numeric">{r.version}</td>
                <td>{formatCommentTime(r.publishedAt)}</td>
                <td>{r.publishedByName}</td>
                <td>
                  <code title={r.contentHash}>{r.contentHash.slice(0, 12)}…</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {reports.length > 1 ? (
        <form
          className="form-row no-print"
          aria-labelledby="compare-heading"
          onSubmit={(event) => {
            event.preventDefault();
            navigate(`/reports/compare?from=${from}&to=${to}`);
          }}
        >
          <h3 id="compare-heading">Compare two reports</h3>
          <label htmlFor={ids.from}>From</label>
          <select id={ids.from} value={from} onChange={(e) => setFrom(e.target.value)}>
            {reports.map((r) => (
              <option key={r.id} value={r.id}>
                {name(r)}
              </option>
            ))}
          </select>
          <label htmlFor={ids.to}>to</label>
          <select id={ids.to} value={to} onChange={(e) => setTo(e.target.value)}>
            {reports.map((r) => (
              <option key={r.id} value={r.id}>
                {name(r)}
              </option>
            ))}
          </select>
          <button type="submit" className="button button-secondary">
            Compare
          </button>
        </form>
      ) : null}
    </>
  );
}
