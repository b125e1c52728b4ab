import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link, useLocation } from 'wouter';
import type { PublishedReport } from '../../../server/contracts/reports';
import { publishedReportQuery, reportsQuery } from '../../api/queries';
import { QueryState } from '../../components/QueryState';
import { formatPaperDate } from '../../lib/dates';
import { usePageTitle } from '../../lib/page';
import { formatCommentTime } from '../function/Commentary';
import { ReportBody } from './ReportBody';
import { ReportDownloads } from './ReportDownloads';

/** A published report, exactly as published, with who published it, when, and its content hash. */
export function PublishedReportPage({ id }: { id: string }) {
  const number = Number(id);
  const report = useQuery({ ...publishedReportQuery(number), enabled: Number.isInteger(number) && number > 0 });
  usePageTitle(report.data ? `${report.data.content.collaboration.name}, ${report.data.content.half.description}, version ${report.data.version}` : 'Published report');
  if (!(Number.isInteger(number) && number > 0)) return <NoSuchReport message={`“${id}” is not a report number.`} />;
  return (
    <QueryState query={report} what="the published report" notFound={(message) => <NoSuchReport message={message} />}>
      {(published) => <Published report={published} />}
    </QueryState>
  );
}

function NoSuchReport({ message }: { message: string }) {
  return (
    <>
      <h1>Report not found</h1>
      <p>{message}</p>
      <p>
        The published reports are listed on the <Link href="/reports">reports page</Link>.
      </p>
    </>
  );
}

function Published({ report }: { report: PublishedReport }) {
  const { content } = report;
  return (
    <>
      <p className="breadcrumbs">
        <Link href="/reports">Six-monthly reports</Link>
      </p>
      <h1>
        {content.collaboration.name}: {content.half.description}
      </h1>
      <div className="callout callout-published" role="note" data-testid="published-banner">
        <p>
          <strong>Published, version {report.version}</strong>, {formatCommentTime(report.publishedAt)} by {report.publishedByName}. Figures as at the end of{' '}
          {formatPaperDate(content.asAt)}. This is the report exactly as published: figures recorded later do not change it.
        </p>
        <p className="cell-note">
          Content hash (SHA-256): <code>{report.contentHash}</code>{' '}
          {report.hashVerified ? '— checked: the stored report still has this hash.' : <strong>— does NOT match the stored report: tell the programme office.</strong>}
        </p>
      </div>
      <p className="no-print">
        <Link href={`/reports/draft?collaboration=${content.collaboration.slug}&half=${content.half.id}`}>Draft this half again from today’s figures</Link>
      </p>
      <CompareWith report={report} />
      <ReportDownloads path={`/api/reports/${report.id}/export`} what="this report" />
      <ReportBody report={content} />
    </>
  );
}

function CompareWith({ report }: { report: PublishedReport }) {
  const list = useQuery(reportsQuery());
  const others = (list.data?.reports ?? []).filter((r) => r.id !== report.id);
  const [, navigate] = useLocation();
  const [other, setOther] = useState<string>('');
  const id = useId();
  if (others.length === 0) return null;
  const chosen = other || String(others[0]!.id);
  return (
    <form
      className="form-row no-print"
      onSubmit={(event) => {
        event.preventDefault();
        const a = Number(chosen);
        navigate(a < report.id ? `/reports/compare?from=${a}&to=${report.id}` : `/reports/compare?from=${report.id}&to=${a}`);
      }}
    >
      <label htmlFor={id}>Compare with</label>
      <select id={id} value={chosen} onChange={(e) => setOther(e.target.value)}>
        {others.map((r) => (
          <option key={r.id} value={r.id}>
            {r.collaborationName}, {r.halfDescription}, version {r.version}
          </option>
        ))}
      </select>
      <button type="submit" className="button button-secondary">
        Compare
      </button>
    </form>
  );
}
