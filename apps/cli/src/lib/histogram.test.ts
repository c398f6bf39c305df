import { describe, expect, it } from 'vitest';
import { histogram, renderHistogram } from './histogram.js';
import { duration, renderTable } from './table.js';

describe('histogram', () => {
  it('counts distinct values in ascending order', () => {
    expect(histogram([5, 3, 5, 16, 3, 3])).toEqual([
      { value: 3, count: 3 },
      { value: 5, count: 2 },
      { value: 16, count: 1 },
    ]);
    expect(histogram([])).toEqual([]);
  });

  it('scales bars to the largest bin and keeps small bins visible', () => {
    const rows = renderHistogram(
      [
        { value: 3, count: 100 },
        { value: 12, count: 1 },
      ],
      10,
    );
    expect(rows).toEqual([' 3 │ ██████████ 100', '12 │ █ 1']);
  });
});

describe('table', () => {
  it('pads columns and right-aligns numbers', () => {
    const lines = renderTable(
      [{ header: 'name' }, { header: 'n', align: 'right' }],
      [
        ['a', '1'],
        ['long', '100'],
      ],
    );
    expect(lines).toEqual(['name    n', '────  ───', 'a       1', 'long  100']);
  });

  it('formats durations', () => {
    expect(duration(4.24)).toBe('4.2s');
    expect(duration(125)).toBe('2m05s');
    expect(duration(3723)).toBe('1h02m03s');
  });
});
