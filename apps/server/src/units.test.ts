import { describe, expect, it } from 'vitest';
import { formatBytes, parseBytes, parseSeconds } from './units.js';

describe('units', () => {
  it('parses sizes in bytes, decimal and binary units', () => {
    expect(parseBytes('1048576')).toBe(1048576);
    expect(parseBytes('50MB')).toBe(50_000_000);
    expect(parseBytes('50 MiB')).toBe(50 * 1024 * 1024);
    expect(parseBytes('1.5kib')).toBe(1536);
    expect(parseBytes('12 parsecs')).toBeUndefined();
    expect(parseBytes('-5')).toBeUndefined();
  });

  it('parses durations', () => {
    expect(parseSeconds('30')).toBe(30);
    expect(parseSeconds('500ms')).toBe(0.5);
    expect(parseSeconds('30m')).toBe(1800);
    expect(parseSeconds('24h')).toBe(86400);
    expect(parseSeconds('soon')).toBeUndefined();
  });

  it('formats sizes for messages', () => {
    expect(formatBytes(50 * 1024 * 1024)).toBe('50 MiB');
    expect(formatBytes(1000)).toBe('1000 bytes');
  });
});
