import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { csrfHeader } from '../../api/client';

type Report = {
  mode: 'dry-run' | 'apply';
  ok: boolean;
  problems: { sheet: string; cell: string; message: string }[];
  summary: { name: string; slug: string; lines: number; targets: number; years: string[] } | null;
};

/** The same business case from the spreadsheet template: checked first (nothing written), then added at once. */
export function BusinessCaseUpload() {
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const send = async (mode: 'dry-run' | 'apply') => {
    if (!file) return;
    setBusy(true);
    setProblem(null);
    try {
      // A file body, not JSON: sent as it is, with the session's CSRF token.
      const response = await fetch(`/api/business-case/import?mode=${mode}`, {
        method: 'POST',
        headers: { ...csrfHeader(), 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
        body: file,
      });
      const body = (await response.json()) as Report & { error?: { message: string }; created?: { slug: string } | null };
      if (body.error) setProblem(body.error.message);
      else if (mode === 'apply' && body.ok && body.created) {
        await queryClient.invalidateQueries();
        navigate(`/functions/${body.created.slug}?added=1`);
      } else setReport(body);
    } catch {
      setProblem('Realise could not be reached. Try again.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="upload-heading" className="business-case-upload">
      <h2 id="upload-heading">Or from the business-case template</h2>
      <p>
        <a href="/api/business-case/template" download>
          Download the template (.xlsx)
        </a>
        : the function on one sheet, its lines and yearly targets on another, with drop-downs of the valid codes. Fill it in, then check it here;
        nothing is added until it has no problems and you add it.
      </p>
      <div className="form-group">
        <label htmlFor="business-case-file">The filled template</label>
        <input id="business-case-file" type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => (setFile(e.target.files?.[0] ?? null), setReport(null))} />
      </div>
      <button type="button" className="button button-secondary" disabled={!file || busy} onClick={() => send('dry-run')}>
        Check it
      </button>
      {problem ? (
        <p className="error-message" role="alert">
          {problem}
        </p>
      ) : null}
      {report ? (
        report.ok && report.summary ? (
          <div role="status" className="notice notice-success" data-testid="business-case-check">
            <p>
              {report.summary.name} ({report.summary.slug}): {report.summary.lines} lines, {report.summary.targets} yearly targets, FY{' '}
              {report.summary.years.map((y) => y.replace('-', '/')).join(', ')}. No problems.
            </p>
            <button type="button" className="button" disabled={busy} onClick={() => send('apply')}>
              Add it to the portfolio
            </button>
          </div>
        ) : (
          <div role="alert" className="error-summary" data-testid="business-case-check">
            <h3>Nothing was added: {report.problems.length === 1 ? 'one problem' : `${report.problems.length} problems`}</h3>
            <ul>
              {report.problems.map((p) => (
                <li key={`${p.sheet}-${p.cell}-${p.message}`}>
                  {p.sheet} sheet, cell {p.cell}: {p.message}
                </li>
              ))}
            </ul>
          </div>
        )
      ) : null}
    </section>
  );
}
