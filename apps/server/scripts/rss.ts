// The load, chaos and memory scripts watch the server processes' resident memory.
import { readFileSync } from 'node:fs';

/** A process's resident set size in bytes, from /proc (Linux); 0 when it has none or exited. */
export function rssOf(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0; // exited
  }
}
