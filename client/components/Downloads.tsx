/** Download links for a view's figures, with the view's filters: .xlsx (a sheet a table) and CSV. */
export function Downloads({ path, query, what }: { path: string; query: Record<string, string | undefined>; what: string }) {
  const href = (format: string) => {
    const params = new URLSearchParams({ format });
    for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
    return `${path}?${params}`;
  };
  return (
    <p className="downloads">
      Download {what}:{' '}
      <a href={href('xlsx')} download>
        Excel (.xlsx)
      </a>{' '}
      or{' '}
      <a href={href('csv')} download>
        CSV
      </a>
      .
    </p>
  );
}
