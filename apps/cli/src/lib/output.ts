/** Writes to stdout and waits until it is flushed (so an exit right after loses nothing). */
export function writeStdout(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(text, (err) => (err ? reject(err) : resolve()));
  });
}

export function writeJsonLine(value: unknown): Promise<void> {
  return writeStdout(`${JSON.stringify(value)}\n`);
}

/** `--json` with one input prints one pretty document; several inputs print JSONL. */
export function jsonDocument(value: unknown, pretty: boolean): string {
  return `${pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value)}\n`;
}

export function logErr(line: string): void {
  process.stderr.write(`${line}\n`);
}
