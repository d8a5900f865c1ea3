/** Plain CSV for the data pack: comma-separated, LF line ends, quoted only where needed. */
export function csvLine(values: readonly (string | number | null)[]): string {
  return values
    .map((value) => {
      if (value === null) return '';
      const s = String(value);
      return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(',');
}

export function csvText(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  return [csvLine(header), ...rows.map(csvLine)].join('\n') + '\n';
}
