import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

export interface NumberedLine {
  /** 1-based line number in the file. */
  number: number;
  text: string;
}

/**
 * The lines of a text file, read chunk by chunk: the file is never one string, and the next
 * chunk is read only when the caller asks for more lines (a backfill's JSONL can carry a base64
 * poster on every line). Blank lines are skipped; a last line without a newline is yielded.
 */
export async function* readLines(
  path: string,
  o: { highWaterMark?: number } = {},
): AsyncGenerator<NumberedLine> {
  const stream = createReadStream(path, { highWaterMark: o.highWaterMark ?? 256 * 1024 });
  const decoder = new StringDecoder('utf8');
  // Pieces of the current, unfinished line: joined once, so a long line costs O(its length).
  let pending: string[] = [];
  let number = 0;
  const take = function* (text: string): Generator<NumberedLine> {
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      pending.push(text.slice(start, nl));
      const line = pending.join('');
      pending = [];
      number++;
      if (line.trim() !== '') yield { number, text: line };
      start = nl + 1;
    }
    if (start < text.length) pending.push(text.slice(start));
  };
  for await (const chunk of stream) yield* take(decoder.write(chunk as Buffer));
  yield* take(decoder.end());
  const last = pending.join('');
  if (last.trim() !== '') yield { number: number + 1, text: last };
}
