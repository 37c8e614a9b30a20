/** The byte order mark that makes Excel read a CSV file as UTF-8 (and so show Chinese). */
export const UTF8_BOM = '\uFEFF';

/** One CSV field (RFC 4180): quoted when it holds a comma, a quote, a line break or edge spaces; quotes doubled. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header row and data rows as CSV text, lines ended by CRLF, without the BOM. */
export function buildCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** What a CSV download holds: the BOM, then the text. */
export function csvFileText(csv: string): string {
  return UTF8_BOM + csv;
}

/** Saves text as a CSV file through a Blob link (no navigation, nothing inline). */
export function downloadCsv(fileName: string, csv: string): void {
  const blob = new Blob([csvFileText(csv)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
