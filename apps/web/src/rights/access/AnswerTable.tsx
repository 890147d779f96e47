import type { ReactNode } from 'react';
import { DataTable } from '../../ui/DataTable';
import { formatDateTime } from '../../ui/format';

export interface AnswerColumn<T> {
  label: string;
  cell: (row: T) => ReactNode;
}

/** One section's rows as a DataTable, each cell's words in a span (the answer's card layout). */
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
  return (
    <DataTable
      caption={caption}
      // Rows of a snapshot never change order; the index is a stable key.
      rowKey={(_, index) => index}
      rows={rows}
      empty={empty}
      columns={columns.map((column) => ({
        header: column.label,
        cell: (row: T) => <span>{column.cell(row)}</span>,
      }))}
    />
  );
}

/** A time as the reader's local date and time, or a dash when it is not known. */
export function When({ at }: { at: string | null }) {
  return at ? <time dateTime={at}>{formatDateTime(at)}</time> : <span className="muted">—</span>;
}
