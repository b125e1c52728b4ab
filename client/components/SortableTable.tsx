import { useId, useState, type ReactNode } from 'react';

export type Column<Row> = {
  id: string;
  header: string;
  numeric?: boolean;
  /** The column's cell is the row's header (read out with every cell of the row). */
  rowHeader?: boolean;
  /** What to sort by; a column without it cannot be sorted. */
  sortValue?: (row: Row) => number | string | null;
  cell: (row: Row) => ReactNode;
};

type Sort = { column: string; direction: 'ascending' | 'descending' } | null;

/**
 * A table whose columns sort by a button in their header, with aria-sort saying which and how, so
 * a screen reader hears the order and a keyboard can change it.
 */
export function SortableTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  rowProps,
  footer,
  testId,
  pageSize,
  rowsAre = 'rows',
}: {
  caption: ReactNode;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  rowProps?: (row: Row) => Record<string, string>;
  footer?: ReactNode;
  testId?: string;
  /** Rows a page, for tables that can run to hundreds (a national portfolio); every row stays one Show all away. */
  pageSize?: number;
  /** What a row is, for the paging words: "functions". */
  rowsAre?: string;
}) {
  const [sort, setSort] = useState<Sort>(null);
  const [page, setPage] = useState(0);
  const [showAll, setShowAll] = useState(false);
  const pagingId = useId();
  const sorted = sortRows(rows, columns, sort);
  const paged = pageSize !== undefined && !showAll && sorted.length > pageSize;
  const pages = paged ? Math.ceil(sorted.length / pageSize) : 1;
  const current = Math.min(page, pages - 1);
  const visible = paged ? sorted.slice(current * pageSize, (current + 1) * pageSize) : sorted;
  const table = (
    <table className="data-table" data-testid={testId} aria-describedby={pageSize !== undefined && sorted.length > pageSize ? pagingId : undefined}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => {
            const active = sort?.column === column.id ? sort.direction : undefined;
            return (
              <th key={column.id} scope="col" className={column.numeric ? 'numeric' : undefined} aria-sort={active ?? (column.sortValue ? 'none' : undefined)}>
                {column.sortValue ? (
                  <button
                    type="button"
                    className="sort-button"
                    onClick={() => {
                      setSort({ column: column.id, direction: active === 'ascending' ? 'descending' : 'ascending' });
                      // A new order starts from its first page.
                      setPage(0);
                    }}
                  >
                    {column.header}
                    <span className="sort-icon" aria-hidden="true">
                      {active === 'ascending' ? '▲' : active === 'descending' ? '▼' : '↕'}
                    </span>
                  </button>
                ) : (
                  column.header
                )}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {visible.map((row) => (
          <tr key={rowKey(row)} {...(rowProps?.(row) ?? {})}>
            {columns.map((column) =>
              column.rowHeader ? (
                <th key={column.id} scope="row">
                  {column.cell(row)}
                </th>
              ) : (
                <td key={column.id} className={column.numeric ? 'numeric' : undefined}>
                  {column.cell(row)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
      {footer ? <tfoot>{footer}</tfoot> : null}
    </table>
  );
  if (pageSize === undefined || sorted.length <= pageSize) return table;
  const first = current * pageSize + 1;
  const last = Math.min(sorted.length, (current + 1) * pageSize);
  return (
    <>
      {table}
      <nav className="table-paging" aria-label={`Pages of ${rowsAre}`}>
        <p id={pagingId} role="status">
          {paged ? `Showing ${first} to ${last} of ${sorted.length} ${rowsAre}.` : `Showing all ${sorted.length} ${rowsAre}.`}
        </p>
        {paged ? (
          <>
            {/* aria-disabled, not disabled: a button that disables itself under focus drops the focus to the page. */}
            <button type="button" className="button button-secondary" aria-disabled={current === 0} onClick={() => current > 0 && setPage(current - 1)}>
              Previous {pageSize}
            </button>{' '}
            <button type="button" className="button button-secondary" aria-disabled={current >= pages - 1} onClick={() => current < pages - 1 && setPage(current + 1)}>
              Next {Math.min(pageSize, sorted.length - last) || pageSize}
            </button>{' '}
          </>
        ) : null}
        <button type="button" className="link-button" onClick={() => setShowAll(!showAll)}>
          {showAll ? `Show ${pageSize} a page` : `Show all ${sorted.length}`}
        </button>
      </nav>
    </>
  );
}

function sortRows<Row>(rows: readonly Row[], columns: readonly Column<Row>[], sort: Sort): readonly Row[] {
  const column = sort && columns.find((c) => c.id === sort.column);
  if (!sort || !column?.sortValue) return rows;
  const value = column.sortValue;
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    // Rows with nothing to sort by go last either way.
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return (x < y ? -1 : x > y ? 1 : 0) * sign;
  });
}
