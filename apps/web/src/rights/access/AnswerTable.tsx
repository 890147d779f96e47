import type { ReactNode } from 'react';
import { formatDateTime } from '../../ui/format';

export interface AnswerColumn<T> {
  label: string;
  cell: (row: T) => ReactNode;
}

/**
 * One section's rows as a table whose rows become small cards at phone width (`.card-table`); the
 * first column heads each row.
 */
export function AnswerTable<T>({
  caption,
  columns,
  rows,
  empty,
}: {
  caption: string;
  columns: readonly AnswerColumn<T>[];
  rows: readonly T[];
  empty: string;
}) {
  if (rows.length === 0) return <p className="muted">{empty}</p>;
  return (
    <table className="card-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.label} scope="col">
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          // Rows of a snapshot never change order; the index is a stable key.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <tr key={index}>
            {columns.map((column, i) =>
              i === 0 ? (
                <th key={column.label} scope="row" data-label={column.label}>
                  <span>{column.cell(row)}</span>
                </th>
              ) : (
                <td key={column.label} data-label={column.label}>
                  <span>{column.cell(row)}</span>
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A time as the reader's local date and time, or a dash when it is not known. */
export function When({ at }: { at: string | null }) {
  return at ? <time dateTime={at}>{formatDateTime(at)}</time> : <span className="muted">—</span>;
}
