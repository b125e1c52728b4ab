import { useState, type ReactNode } from 'react';

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
}: {
  caption: ReactNode;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  rowProps?: (row: Row) => Record<string, string>;
  footer?: ReactNode;
  testId?: string;
}) {
  const [sort, setSort] = useState<Sort>(null);
  const sorted = sortRows(rows, columns, sort);
  return (
    <table className="data-table" data-testid={testId}>
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
                    onClick={() =>
                      setSort({ column: column.id, direction: active === 'ascending' ? 'descending' : 'ascending' })
                    }
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
        {sorted.map((row) => (
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
