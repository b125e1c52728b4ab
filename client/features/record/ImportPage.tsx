import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { ImportReport } from '../../../server/contracts/imports';
import { formatMoney } from '../../lib/money';
import { usePageTitle } from '../../lib/page';
import { csrfHeader } from '../../api/client';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Stage = { kind: 'idle' } | { kind: 'sending'; what: string; percent: number } | { kind: 'checked'; report: ImportReport } | { kind: 'applied'; report: ImportReport } | { kind: 'failed'; message: string; report?: ImportReport };

/** Sends the file with XMLHttpRequest, which reports upload progress as fetch does not. */
function send(file: File, mode: 'dry-run' | 'apply', onProgress: (percent: number) => void): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/imports?mode=${mode}`);
    xhr.setRequestHeader('content-type', file.name.toLowerCase().endsWith('.xlsx') ? XLSX : 'text/csv');
    for (const [key, value] of Object.entries(csrfHeader())) xhr.setRequestHeader(key, value);
    xhr.upload.onprogress = (event) => event.lengthComputable && onProgress(Math.round((event.loaded / event.total) * 100));
    xhr.onload = () => {
      try {
        resolve({ status: xhr.status, body: JSON.parse(xhr.responseText) });
      } catch {
        reject(new Error(`The server answered ${xhr.status}.`));
      }
    };
    xhr.onerror = () => reject(new Error('Realise could not be reached. Check your connection and try again.'));
    xhr.send(file);
  });
}

export function ImportPage() {
  usePageTitle('Import figures');
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const input = useRef<HTMLInputElement>(null);

  const run = async (mode: 'dry-run' | 'apply') => {
    if (!file) {
      setStage({ kind: 'failed', message: 'Choose a CSV or .xlsx file first.' });
      input.current?.focus();
      return;
    }
    setStage({ kind: 'sending', what: mode === 'dry-run' ? 'Checking' : 'Importing', percent: 0 });
    try {
      const { status, body } = await send(file, mode, (percent) => setStage({ kind: 'sending', what: mode === 'dry-run' ? 'Checking' : 'Importing', percent }));
      if (status === 200 && mode === 'apply') {
        setStage({ kind: 'applied', report: body });
        await queryClient.invalidateQueries();
      } else if (status === 200) setStage({ kind: 'checked', report: body });
      else setStage({ kind: 'failed', message: body?.error?.message ?? `The server answered ${status}.` });
    } catch (error) {
      setStage({ kind: 'failed', message: error instanceof Error ? error.message : 'The import failed.' });
    }
  };

  return (
    <>
      <h1>Import figures from a spreadsheet</h1>
      <ol className="steps">
        <li>
          Download the template as <a href="/api/imports/template?format=xlsx" download>Excel (.xlsx)</a> or <a href="/api/imports/template?format=csv" download>CSV</a>. It
          is filled with the rows due from you this year (as on <a href="/my-figures">My figures</a>), with what is recorded already; type the amounts, and leave
          blank what you have not got (a row with no amount is skipped). In Excel the function, line, measure and force columns are drop-down lists of what
          Realise knows, and a sheet says how to fill it in: one row a figure, with the year as 2017/18, the month (blank for the whole year), the force (blank
          for the function as a whole) and the amount in pounds.
          The <a href="/api/export/ledger?format=xlsx" download>whole ledger</a> comes in the same columns.
        </li>
        <li>Fill it in and save it as .xlsx or CSV.</li>
        <li>Check it: Realise shows what each row would add or change, and every error with its row and column. Nothing is written.</li>
        <li>Import it: every row is written together, or none if any row has an error. Importing the same file again changes nothing.</li>
      </ol>
      <div className="form-group">
        <label htmlFor="import-file">The file</label>
        <input
          ref={input}
          id="import-file"
          type="file"
          accept=".csv,.xlsx,text/csv"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setStage({ kind: 'idle' });
          }}
        />
      </div>
      <p>
        <button type="button" className="button" onClick={() => run('dry-run')} disabled={stage.kind === 'sending'}>
          Check the file
        </button>{' '}
        {stage.kind === 'checked' && stage.report.errors === 0 && stage.report.added + stage.report.changed > 0 ? (
          <button type="button" className="button" onClick={() => run('apply')}>
            Import {stage.report.added + stage.report.changed} figures
          </button>
        ) : null}
      </p>
      {stage.kind === 'sending' ? (
        <div role="status" className="progress">
          <label htmlFor="import-progress">
            {stage.what} {file?.name}: {stage.percent < 100 ? `sending, ${stage.percent}%` : 'checking every row'}
          </label>
          <progress id="import-progress" max={100} value={stage.percent} />
        </div>
      ) : null}
      {stage.kind === 'failed' ? (
        <div role="alert" className="error-summary">
          <h2>The file was not imported</h2>
          <p>{stage.message}</p>
        </div>
      ) : null}
      {stage.kind === 'applied' ? (
        <p role="status" className="success" data-testid="import-done">
          Imported: {stage.report.added} added, {stage.report.changed} changed, {stage.report.unchanged} unchanged. The dashboard shows them now.
        </p>
      ) : null}
      {stage.kind === 'checked' ? <ImportReportView report={stage.report} /> : null}
    </>
  );
}

function ImportReportView({ report }: { report: ImportReport }) {
  const errors = report.outcomes.filter((o) => o.action === 'error');
  const writes = report.outcomes.filter((o) => o.action === 'add' || o.action === 'change');
  return (
    <section aria-labelledby="report-heading" data-testid="import-report">
      <h2 id="report-heading">What the file would do</h2>
      <p role="status">
        {report.rows} rows: {report.added} to add, {report.changed} to change, {report.unchanged} already recorded, {report.skipped} with no amount (skipped), {report.errors} with errors.
        {report.errors > 0 ? ' Correct the errors and check the file again; nothing is imported while any row has one.' : ''}
        {report.outcomes.some((o) => o.action !== 'error' && o.splitsWhole)
          ? ' Some rows are for lines whose year is recorded for the function as a whole: importing them first splits those figures between the forces by the year’s shares, so nothing counts twice.'
          : ''}
      </p>
      {errors.length > 0 ? (
        <table className="data-table compact" data-testid="import-errors">
          <caption>Rows with errors</caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Column</th>
              <th scope="col">What is wrong</th>
            </tr>
          </thead>
          <tbody>
            {errors.flatMap((o) =>
              o.action === 'error'
                ? o.errors.map((e, i) => (
                    <tr key={`${o.row}-${i}`}>
                      <th scope="row">{o.row}</th>
                      <td>{e.column}</td>
                      <td>{e.message}</td>
                    </tr>
                  ))
                : [],
            )}
          </tbody>
        </table>
      ) : null}
      {writes.length > 0 ? (
        <table className="data-table compact" data-testid="import-writes">
          <caption>Rows that would add or change a figure{writes.length > 200 ? ' (the first 200)' : ''}</caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Line</th>
              <th scope="col">Period</th>
              <th scope="col">For</th>
              <th scope="col">What</th>
              <th scope="col" className="numeric">
                Amount
              </th>
            </tr>
          </thead>
          <tbody>
            {writes.slice(0, 200).map((o) =>
              o.action === 'error' ? null : (
                <tr key={o.row}>
                  <th scope="row">{o.row}</th>
                  <td>{o.line}</td>
                  <td>{o.period}</td>
                  <td>{o.force ?? 'whole function'}</td>
                  <td>
                    {o.action === 'add' ? `add the ${o.measure}` : `change the ${o.measure} from ${formatMoney(o.fromPence ?? 0)}`}
                  </td>
                  <td className="numeric">{formatMoney(o.toPence)}</td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
