// Human-friendly sizes and durations for env values: "50MB", "512MiB", "30s", "30m".

const BYTE_UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
};

const SECOND_UNITS: Record<string, number> = { '': 1, ms: 0.001, s: 1, m: 60, h: 3600 };

function parseWithUnits(text: string, units: Record<string, number>): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  if (!match) return undefined;
  const factor = units[(match[2] ?? '').toLowerCase()];
  if (factor === undefined) return undefined;
  return Number(match[1]) * factor;
}

/** Bytes from "1048576", "50MB" (decimal) or "50MiB" (binary); undefined when unreadable. */
export function parseBytes(text: string): number | undefined {
  const n = parseWithUnits(text, BYTE_UNITS);
  return n === undefined ? undefined : Math.floor(n);
}

/** Seconds from "30", "30s", "500ms", "30m" or "24h"; undefined when unreadable. */
export function parseSeconds(text: string): number | undefined {
  return parseWithUnits(text, SECOND_UNITS);
}

/** "52428800" → "50 MiB" for messages. */
export function formatBytes(n: number): string {
  if (n >= 1024 ** 3 && n % 1024 ** 3 === 0) return `${n / 1024 ** 3} GiB`;
  if (n >= 1024 ** 2 && n % 1024 ** 2 === 0) return `${n / 1024 ** 2} MiB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KiB`;
  return `${n} bytes`;
}
