import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import type { ReportDraft } from '../../../server/contracts/reports';
import { ApiError, api, unwrap } from '../../api/client';
import { draftReportQuery, reportKeys, sessionQuery } from '../../api/queries';
import { QueryState } from '../../components/QueryState';
import { formatPaperDate } from '../../lib/dates';
import { usePageTitle } from '../../lib/page';
import { canPublishReports } from '../../lib/roles';
import { CommentForm } from '../function/Commentary';
import { ReportBody } from './ReportBody';
import { ReportDownloads } from './ReportDownloads';

/** The report as it would be published now: live figures, what still needs commentary, and Publish. */
export function DraftReportPage() {
  const params = new URLSearchParams(useSearch());
  const collaboration = params.get('collaboration') ?? '';
  const half = params.get('half') ?? '';
  const draft = useQuery({ ...draftReportQuery(collaboration, half), enabled: collaboration !== '' && half !== '' });
  usePageTitle(`Draft report ${half}`);
  if (!collaboration || !half) {
    return (
      <>
        <h1>Draft a six-monthly report</h1>
        <p>
          Choose a collaboration and a half-year on the <Link href="/reports">reports page</Link>.
        </p>
      </>
    );
  }
  if (draft.error instanceof ApiError && draft.error.status === 400) {
    return (
      <>
        <h1>That report cannot be drafted</h1>
        <p role="alert">{draft.error.message}</p>
        <p>
          Choose a collaboration and a half-year on the <Link href="/reports">reports page</Link>.
        </p>
      </>
    );
  }
  return (
    <QueryState query={draft} what="the draft report">
      {(report) => <Draft report={report} />}
    </QueryState>
  );
}

function Draft({ report }: { report: ReportDraft }) {
  const session = useQuery(sessionQuery());
  const user = session.data?.user ?? null;
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: reportKeys.draft(report.collaboration.slug, report.half.id) });
  const owns = (slug: string) => !!user?.grants.some((g) => g.role === 'function-owner' && g.function === slug);
  const missing = report.functions.filter((f) => f.needsCommentary && f.commentary.length === 0);
  return (
    <>
      <p className="breadcrumbs">
        <Link href="/reports">Six-monthly reports</Link>
      </p>
      <h1>
        Draft report: {report.collaboration.name}, {report.half.description}
      </h1>
      <div className="callout callout-draft" role="note">
        <p>
          <strong>Draft, not published.</strong> Figures as at the end of {formatPaperDate(report.asAt)}; they change as figures are recorded.
          {report.previousReport ? (
            <>
              {' '}
              The last published report is <Link href={`/reports/${report.previousReport.id}`}>{report.previousReport.halfDescription}, version {report.previousReport.version}</Link>.
            </>
          ) : (
            ' No report of this collaboration has been published for this half or before it.'
          )}
        </p>
      </div>
      {missing.length > 0 ? (
        <div className="callout callout-warning" data-testid="missing-commentary-summary">
          <h2>Commentary still needed</h2>
          <p>These functions are amber or red and nobody has explained why yet:</p>
          <ul>
            {missing.map((f) => (
              <li key={f.slug}>
                <a href={`#fn-${f.slug}`}>{f.name}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {canPublishReports(user) ? <Publish report={report} missing={missing.map((f) => f.name)} onChanged={refresh} /> : <p className="hint no-print">A programme officer publishes the report.</p>}
      <ReportDownloads path="/api/reports/draft/export" query={{ collaboration: report.collaboration.slug, half: report.half.id }} what="this draft (marked DRAFT)" />
      <ReportBody
        report={report}
        commentaryTools={(fn) => (owns(fn.slug) ? <CommentForm slug={fn.slug} period={report.half.id} periodWords={report.half.description} onSaved={refresh} /> : null)}
      />
    </>
  );
}

function Publish({ report, missing: missingNames, onChanged }: { report: ReportDraft; missing: readonly string[]; onChanged: () => Promise<void> }) {
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Publishing cannot be taken back: with commentary missing, it says what is missing and asks first.
  const [confirming, setConfirming] = useState(false);
  const missing = missingNames.length;
  async function publish() {
    setBusy(true);
    try {
      // The hash of the draft on screen: if anything was recorded since, the server publishes nothing and says so.
      const published = await unwrap(await api.api.reports.$post({ json: { collaboration: report.collaboration.slug, half: report.half.id, draftHash: report.draftHash } }));
      await queryClient.invalidateQueries({ queryKey: reportKeys.all });
      navigate(`/reports/${published.id}`);
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : 'The report could not be published. Try again.');
      if (error instanceof ApiError && error.status === 409) await onChanged();
      setBusy(false);
    }
  }
  return (
    <section aria-labelledby="publish-heading" className="publish no-print">
      <h2 id="publish-heading">Publish</h2>
      <p>
        Publishing freezes this report as it stands now, with your name, the time and a hash of its content. Later figures never change it; publishing again
        makes a new version beside it.
        {missing > 0 ? <strong> {missing === 1 ? 'One function still needs' : `${missing} functions still need`} commentary: the published report will say so.</strong> : null}
      </p>
      {problem ? (
        <p className="error-message" role="alert">
          {problem}
        </p>
      ) : null}
      {confirming ? (
        <div className="callout callout-warning" role="alertdialog" aria-labelledby="publish-confirm-heading" data-testid="publish-confirm">
          <h3 id="publish-confirm-heading">Publish without {missing === 1 ? 'this commentary' : 'these commentaries'}?</h3>
          <p>
            {missing === 1 ? 'One function still needs' : `${missing} functions still need`} commentary on an amber or red variance: {missingNames.join(', ')}. The
            published report will say it is missing, and cannot be changed afterwards (publishing again makes a new version beside it).
          </p>
          <button type="button" className="button button-warning" disabled={busy} onClick={() => void publish()} autoFocus>
            {busy ? 'Publishing…' : 'Publish without it'}
          </button>{' '}
          <button type="button" className="button button-secondary" disabled={busy} onClick={() => setConfirming(false)}>
            Not yet: add the commentary first
          </button>
        </div>
      ) : (
        <button type="button" className="button" disabled={busy} onClick={() => (missing > 0 ? setConfirming(true) : void publish())}>
          {busy ? 'Publishing…' : 'Publish this report'}
        </button>
      )}
      <p className="visually-hidden" role="status">
        {busy ? 'Publishing the report' : ''}
      </p>
    </section>
  );
}
