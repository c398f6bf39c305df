import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLines } from './lines.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'imajin-lines-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function linesOf(text: string | Buffer, highWaterMark: number) {
  const path = join(dir, `f-${highWaterMark}-${Math.random()}.jsonl`);
  await writeFile(path, text);
  const out: [number, string][] = [];
  for await (const l of readLines(path, { highWaterMark })) out.push([l.number, l.text]);
  return out;
}

describe('readLines', () => {
  it('yields numbered lines across chunk boundaries, multi-byte characters included', async () => {
    const lines = [
      '{"path":"vidéos/été.mp4"}',
      '{"path":"日本/動画.mov"}',
      `{"b64":"${'A'.repeat(5000)}"}`,
    ];
    for (const hwm of [1, 3, 7, 64, 65536]) {
      expect(await linesOf(`${lines.join('\n')}\n`, hwm)).toEqual(lines.map((l, i) => [i + 1, l]));
    }
  });

  it('skips blank lines but keeps their numbers, and yields a last line without a newline', async () => {
    expect(await linesOf('a\n\n  \nb\r\nc', 2)).toEqual([
      [1, 'a'],
      [4, 'b\r'],
      [5, 'c'],
    ]);
    expect(await linesOf('', 16)).toEqual([]);
  });
});
