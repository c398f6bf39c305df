export interface HistogramBin {
  value: number;
  count: number;
}

/** Counts of each distinct value, ascending by value (e.g. keyframes per video). */
export function histogram(values: readonly number[]): HistogramBin[] {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([value, count]) => ({ value, count }));
}

/** Text rows `  value │ ████ count`, bars scaled so the largest bin is `width` cells. */
export function renderHistogram(bins: readonly HistogramBin[], width = 40): string[] {
  const max = Math.max(0, ...bins.map((b) => b.count));
  const labelWidth = Math.max(0, ...bins.map((b) => String(b.value).length));
  return bins.map((b) => {
    const cells = max === 0 ? 0 : Math.max(1, Math.round((b.count / max) * width));
    return `${String(b.value).padStart(labelWidth)} │ ${'█'.repeat(cells)} ${b.count}`;
  });
}
