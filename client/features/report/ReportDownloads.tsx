/** Download links for a report: the PDF for the board pack and the .xlsx with its tables. */
export function ReportDownloads({ path, query = {}, what }: { path: string; query?: Record<string, string>; what: string }) {
  const href = (format: string) => `${path}?${new URLSearchParams({ ...query, format })}`;
  return (
    <p className="downloads">
      Download {what}:{' '}
      <a href={href('pdf')} download>
        PDF for the board pack
      </a>{' '}
      or{' '}
      <a href={href('xlsx')} download>
        Excel (.xlsx)
      </a>
      .
    </p>
  );
}
