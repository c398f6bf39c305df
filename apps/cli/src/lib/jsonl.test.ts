import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JsonlAppender, readJsonl } from './jsonl.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'imajin-jsonl-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('jsonl', () => {
  it('reads a missing file as empty', async () => {
    expect(await readJsonl(join(dir, 'none.jsonl'))).toEqual({ records: [], badLines: 0 });
  });

  it('appends whole lines and reads them back', async () => {
    const path = join(dir, 'a.jsonl');
    const w = new JsonlAppender(path);
    w.append({ n: 1, s: 'é\n' });
    w.append({ n: 2 });
    w.close();
    expect(await readFile(path, 'utf8')).toBe('{"n":1,"s":"é\\n"}\n{"n":2}\n');
    expect((await readJsonl(path)).records).toEqual([{ n: 1, s: 'é\n' }, { n: 2 }]);
  });

  it('cuts an unfinished last line when reopened, then appends after the last whole line', async () => {
    const path = join(dir, 'b.jsonl');
    await writeFile(path, '{"n":1}\n{"n":2}\n{"n":3,"res');
    expect(await readJsonl(path)).toEqual({ records: [{ n: 1 }, { n: 2 }], badLines: 1 });
    const w = new JsonlAppender(path);
    expect(w.repairedBytes).toBe('{"n":3,"res'.length);
    w.append({ n: 4 });
    w.close();
    expect(await readFile(path, 'utf8')).toBe('{"n":1}\n{"n":2}\n{"n":4}\n');
  });

  it('drops a file that holds only a partial line', async () => {
    const path = join(dir, 'c.jsonl');
    await appendFile(path, '{"half":');
    const w = new JsonlAppender(path);
    w.append({ ok: true });
    w.close();
    expect(await readFile(path, 'utf8')).toBe('{"ok":true}\n');
  });
});
