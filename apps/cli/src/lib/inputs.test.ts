import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectInputs, isVideoPath, parseList, walkVideos } from './inputs.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'imajin-inputs-'));
  await mkdir(join(dir, 'b', 'deep'), { recursive: true });
  await mkdir(join(dir, 'a'));
  for (const f of ['z.mp4', 'a/clip.MOV', 'b/deep/x.webm', 'b/notes.txt', 'b/y.3gp', 'b/pic.jpg']) {
    await writeFile(join(dir, f), '');
  }
  await writeFile(
    join(dir, 'list.txt'),
    '# my videos\nz.mp4\n\n  a/clip.MOV  \n/abs/elsewhere.mkv\nz.mp4\n',
  );
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('inputs', () => {
  it('knows video extensions, case-insensitively', () => {
    expect(
      ['a.mp4', 'b.MOV', 'c.m4v', 'd.mkv', 'e.webm', 'f.avi', 'g.3gp'].every(isVideoPath),
    ).toBe(true);
    expect(isVideoPath('h.jpg')).toBe(false);
  });

  it('walks folders recursively, videos only, sorted', async () => {
    const found = await walkVideos(dir);
    expect(found.map((p) => p.slice(dir.length + 1))).toEqual([
      'a/clip.MOV',
      'b/deep/x.webm',
      'b/y.3gp',
      'z.mp4',
    ]);
  });

  it('reads a list relative to its own folder, skipping blanks and comments', () => {
    expect(parseList('# c\n\nx.mp4\n /abs/y.mp4 \r\n', '/data/list.txt')).toEqual([
      '/data/x.mp4',
      '/abs/y.mp4',
    ]);
  });

  it('expands folders, lists and files, each path once, in order', async () => {
    const got = await collectInputs([
      join(dir, 'list.txt'),
      join(dir, 'b'),
      join(dir, 'missing.mp4'),
    ]);
    expect(got).toEqual([
      join(dir, 'z.mp4'),
      join(dir, 'a/clip.MOV'),
      '/abs/elsewhere.mkv',
      join(dir, 'b/deep/x.webm'),
      join(dir, 'b/y.3gp'),
      join(dir, 'missing.mp4'),
    ]);
  });

  it('refuses a list file that does not exist', async () => {
    await expect(collectInputs([join(dir, 'nope.txt')])).rejects.toThrow(/list file not found/);
  });
});
