import type { Key, ReactNode } from 'react';

/** One column of a DataTable. */
export interface DataColumn<Row> {
  /** The column header: text, or an element when it is for screen readers only. */
  header: ReactNode;
  /** What a phone-width card calls the cell (`data-label`); the header when that is text. */
  label?: string;
  cell: (row: Row) => ReactNode;
  className?: string;
  /** The column's React key; the label or header text when omitted. */
  key?: string;
}

interface DataTableProps<Row> {
  /** The table's accessible name, for screen readers only. */
  caption?: string;
  /** A column that is `false` is left out (one shown only for some readers). */
  columns: readonly (DataColumn<Row> | false)[];
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => Key;
  /** The first column heads its row (`<th scope="row">`); true unless said otherwise. */
  rowHeaders?: boolean;
  /** Said instead of an empty table; without it an empty table is shown. */
  empty?: string;
  /** The table's classes: `card-table` makes each row a small card at phone width. */
  className?: string;
}

const labelOf = <Row,>(column: DataColumn<Row>): string | undefined =>
  column.label ?? (typeof column.header === 'string' ? column.header : undefined);

/**
 * A table of records: a header row, one row per record, the first cell heading its row. Its rows become
 * small cards at phone width when it is a `.card-table`, each cell showing its column's label.
 */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  rowHeaders = true,
  empty,
  className = 'card-table',
}: DataTableProps<Row>) {
  if (rows.length === 0 && empty !== undefined) return <p className="muted">{empty}</p>;
  const shown = columns.filter((column): column is DataColumn<Row> => column !== false);
  const keyOf = (column: DataColumn<Row>, index: number) => column.key ?? labelOf(column) ?? String(index);
  return (
    <table className={className}>
      {caption !== undefined && <caption className="visually-hidden">{caption}</caption>}
      <thead>
        <tr>
          {shown.map((column, i) => (
            <th key={keyOf(column, i)} scope="col">
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={rowKey(row, index)}>
            {shown.map((column, i) =>
              i === 0 && rowHeaders ? (
                <th
                  key={keyOf(column, i)}
                  scope="row"
                  data-label={labelOf(column)}
                  className={column.className}
                >
                  {column.cell(row)}
                </th>
              ) : (
                <td key={keyOf(column, i)} data-label={labelOf(column)} className={column.className}>
                  {column.cell(row)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
