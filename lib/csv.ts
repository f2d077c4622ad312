import { stringify } from "csv-stringify/sync";

// Exports open in spreadsheets, which run a cell starting with one of these as a formula.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell a spreadsheet will show as text: one that starts like a formula gets a leading apostrophe
 * (the OWASP advice for CSV injection). Numbers are left alone, so negative figures stay numbers.
 */
export function neutraliseCell(value: string | number | null | undefined): string | number {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * RFC 4180 CSV (CRLF line ends, quotes where needed) with a UTF-8 byte order mark, so spreadsheets
 * read accents and non-Latin names correctly; every cell is neutralised first.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  const body = stringify([header.map(neutraliseCell), ...rows.map((row) => row.map(neutraliseCell))], {
    record_delimiter: "\r\n",
    cast: { number: (n) => String(n) },
  });
  return `\uFEFF${body}`;
}
