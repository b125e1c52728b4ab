import { useQuery } from '@tanstack/react-query';
import { Link, useSearch } from 'wouter';
import type { ReportChange, ReportComparison, ReportListItem } from '../../../server/contracts/reports';
import { reportComparisonQuery } from '../../api/queries';
import { QueryState } from '../../components/QueryState';
import { RAG_LABEL } from '../../components/RagBadge';
import { formatMoney } from '../../lib/money';
import { usePageTitle } from '../../lib/page';

const BENEFIT_WORDS: Record<string, string> = { 'not-measured': 'Not yet measured', 'no-target': 'Measured, no target' };

function value(change: ReportChange, which: 'before' | 'after') {
  const v = change[which];
  if (v === null) return <span className="muted">{change.kind === 'money' ? 'none recorded' : 'none'}</span>;
  if (change.kind === 'money' && typeof v === 'number') return <data value={v}>{formatMoney(v)}</data>;
  if (change.kind === 'rag' && typeof v === 'string') return RAG_LABEL[v as keyof typeof RAG_LABEL]?.word ?? v;
  if (typeof v === 'string' && change.field.endsWith('.rag')) return BENEFIT_WORDS[v] ?? RAG_LABEL[v as keyof typeof RAG_LABEL]?.word ?? v;
  return String(v);
}

function ChangeTable({ changes, caption }: { changes: readonly ReportChange[]; caption: string }) {
  return (
    <table className="data-table compact">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">What</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.field} data-field={c.field}>
            <th scope="row">{c.label}</th>
            <td>{value(c, 'before')}</td>
            <td>{value(c, 'after')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const describe = (r: ReportListItem) => `${r.collaborationName}, ${r.halfDescription}, version ${r.version}`;

/** What changed from one published report to another, function by function. */
export function ComparePage() {
  const params = new URLSearchParams(useSearch());
  const from = Number(params.get('from'));
  const to = Number(params.get('to'));
  const valid = Number.isInteger(from) && from > 0 && Number.isInteger(to) && to > 0;
  const comparison = useQuery({ ...reportComparisonQuery(from, to), enabled: valid });
  usePageTitle('Compare reports');
  if (!valid) {
    return (
      <>
        <h1>Compare reports</h1>
        <p>
          Choose two published reports on the <Link href="/reports">reports page</Link>.
        </p>
      </>
    );
  }
  return (
    <QueryState query={comparison} what="the comparison" notFound={(message) => <p>{message}</p>}>
      {(c) => <Comparison comparison={c} />}
    </QueryState>
  );
}

function Comparison({ comparison }: { comparison: ReportComparison }) {
  const changed = comparison.functions.filter((f) => f.status !== 'unchanged');
  const unchanged = comparison.functions.filter((f) => f.status === 'unchanged');
  return (
    <>
      <p className="breadcrumbs">
        <Link href="/reports">Six-monthly reports</Link>
      </p>
      <h1>What changed between two reports</h1>
      <dl className="summary-list">
        <div>
          <dt>From</dt>
          <dd>
            <Link href={`/reports/${comparison.from.id}`}>{describe(comparison.from)}</Link>
          </dd>
        </div>
        <div>
          <dt>To</dt>
          <dd>
            <Link href={`/reports/${comparison.to.id}`}>{describe(comparison.to)}</Link>
          </dd>
        </div>
      </dl>
      <section aria-labelledby="summary-changes">
        <h2 id="summary-changes">Summary</h2>
        {comparison.summary.length === 0 ? <p>The summary figures are the same in both.</p> : <ChangeTable changes={comparison.summary} caption="Summary figures that changed" />}
      </section>
      <section aria-labelledby="function-changes">
        <h2 id="function-changes">Functions</h2>
        {changed.length === 0 ? <p>No function’s figures, commentary or benefits changed.</p> : null}
        {changed.map((f) => (
          <article key={f.slug} aria-labelledby={`change-${f.slug}`} data-function={f.slug}>
            <h3 id={`change-${f.slug}`}>
              {f.name} <span className="tag">{f.status === 'added' ? 'only in the later report' : f.status === 'removed' ? 'only in the earlier report' : `${f.changes.length} ${f.changes.length === 1 ? 'change' : 'changes'}`}</span>
            </h3>
            {f.changes.length > 0 ? <ChangeTable changes={f.changes} caption={`${f.name}: what changed`} /> : null}
          </article>
        ))}
        {unchanged.length > 0 ? <p>Unchanged: {unchanged.map((f) => f.name).join(', ')}.</p> : null}
      </section>
    </>
  );
}
