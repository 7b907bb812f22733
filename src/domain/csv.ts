/** A cell a spreadsheet would run as a formula: neutralised with a leading apostrophe. */
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: string | number | boolean | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\n\r;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Excel splits a CSV it opens by the list separator of the system's region: a semicolon where the
 * decimal mark is a comma (Turkey), a comma elsewhere. LibreOffice and Google Sheets detect either.
 */
export type CsvSeparator = "," | ";";

export function csvSeparatorFor(locale: string): CsvSeparator {
  return locale === "tr" ? ";" : ",";
}

/**
 * RFC 4180 CSV with CRLF line ends, starting with a UTF-8 byte order mark so that Excel opens
 * Turkish letters correctly.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | boolean | null)[])[], separator: CsvSeparator = ","): string {
  return "\uFEFF" + [header, ...rows].map((row) => row.map(cell).join(separator)).join("\r\n") + "\r\n";
}
