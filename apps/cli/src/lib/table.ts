export type Align = 'left' | 'right';

export interface Column {
  header: string;
  align?: Align;
}

/** A plain-text table: header, rule, rows; numbers are best right-aligned by the caller. */
export function renderTable(columns: readonly Column[], rows: readonly string[][]): string[] {
  const widths = columns.map((c, i) =>
    Math.max(c.header.length, ...rows.map((r) => (r[i] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    columns
      .map((c, i) => {
        const cell = cells[i] ?? '';
        const w = widths[i] ?? 0;
        return c.align === 'right' ? cell.padStart(w) : cell.padEnd(w);
      })
      .join('  ')
      .trimEnd();
  return [
    line(columns.map((c) => c.header)),
    widths
      .map((w, i) => (columns[i]?.header ? '─' : ' ').repeat(w))
      .join('  ')
      .trimEnd(),
    ...rows.map(line),
  ];
}

export function fixed(n: number, digits = 2): string {
  return Number.isFinite(n) ? n.toFixed(digits) : String(n);
}

/** Seconds as `1h02m03s`, `2m05s` or `4.2s`. */
export function duration(sec: number): string {
  if (!Number.isFinite(sec)) return String(sec);
  if (sec < 60) return `${sec.toFixed(1)}s`;
  const s = Math.round(sec);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}h${String(m).padStart(2, '0')}m${rest}s` : `${m}m${rest}s`;
}
