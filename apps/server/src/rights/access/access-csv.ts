/** CSV for the access archive: RFC 4180 quoting, one header row, CRLF line ends. */

export type CsvCell = string | number | boolean | null | undefined;

// SECURITY: a cell starting with = + - @ (or a tab or CR) is a formula to a spreadsheet; names are
// typed by people, so such cells get a leading apostrophe and open as text.
const formulaStart = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && formulaStart.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return `${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
