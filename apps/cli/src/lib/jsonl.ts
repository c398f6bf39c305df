import {
  closeSync,
  createReadStream,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  readSync,
  writeSync,
} from 'node:fs';
import { createInterface } from 'node:readline';

export interface JsonlContents {
  records: unknown[];
  /** Lines that were not valid JSON (a crash mid-write can leave at most the last one). */
  badLines: number;
}

/**
 * Streams a JSONL file line by line to `onRecord` (a file of thousands of results is never
 * held whole); a missing file is empty. Returns the count of lines that were not valid JSON.
 */
export async function scanJsonl(
  path: string,
  onRecord: (record: unknown) => void,
): Promise<number> {
  const input = createReadStream(path, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let badLines = 0;
  try {
    for await (const line of lines) {
      if (line.trim() === '') continue;
      try {
        onRecord(JSON.parse(line));
      } catch {
        badLines++;
      }
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw err;
  } finally {
    lines.close();
    input.destroy();
  }
  return badLines;
}

/** Reads a whole JSONL file into memory (small files); see scanJsonl. */
export async function readJsonl(path: string): Promise<JsonlContents> {
  const records: unknown[] = [];
  const badLines = await scanJsonl(path, (r) => records.push(r));
  return { records, badLines };
}

/**
 * Appends whole JSON lines, each with one write() and an fsync, so that an interrupted run
 * leaves a valid file. On open, an unterminated last line (a crash mid-write) is cut off.
 */
export class JsonlAppender {
  readonly repairedBytes: number;
  private fd: number | null;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'a+');
    this.repairedBytes = cutUnterminatedTail(this.fd);
  }

  append(record: unknown): void {
    if (this.fd === null) throw new Error(`${this.path}: appender is closed`);
    const line = Buffer.from(`${JSON.stringify(record)}\n`, 'utf8');
    let off = 0;
    while (off < line.length) off += writeSync(this.fd, line, off);
    fsyncSync(this.fd);
  }

  close(): void {
    if (this.fd === null) return;
    closeSync(this.fd);
    this.fd = null;
  }
}

/** Truncates the file after its last newline; returns the bytes removed. */
function cutUnterminatedTail(fd: number): number {
  const size = fstatSync(fd).size;
  if (size === 0) return 0;
  const chunk = Buffer.alloc(64 * 1024);
  let end = size;
  while (end > 0) {
    const start = Math.max(0, end - chunk.length);
    const n = readSync(fd, chunk, 0, end - start, start);
    const nl = chunk.subarray(0, n).lastIndexOf(0x0a);
    if (nl >= 0) {
      const keep = start + nl + 1;
      if (keep < size) ftruncateSync(fd, keep);
      return size - keep;
    }
    end = start;
  }
  ftruncateSync(fd, 0);
  return size;
}
