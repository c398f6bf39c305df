import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { UsageError } from './errors.js';

export const VIDEO_EXTENSIONS: ReadonlySet<string> = new Set([
  '.mp4',
  '.mov',
  '.m4v',
  '.mkv',
  '.webm',
  '.avi',
  '.3gp',
]);

export function isVideoPath(path: string): boolean {
  return VIDEO_EXTENSIONS.has(extname(path).toLowerCase());
}

/** Every video file under `dir`, recursively, sorted by path (code-point order). */
export async function walkVideos(dir: string): Promise<string[]> {
  const found: string[] = [];
  const visit = async (d: string): Promise<void> => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const s = await stat(path).catch(() => null);
        isDir = s?.isDirectory() ?? false;
        isFile = s?.isFile() ?? false;
      }
      if (isDir) await visit(path);
      else if (isFile && isVideoPath(path)) found.push(path);
    }
  };
  await visit(dir);
  return found.sort(compareCodePoints);
}

/**
 * One path a line; blank lines and `#` comments skipped. Relative paths are taken relative to
 * the list file's folder, so a list travels with the videos it names.
 */
export function parseList(text: string, listPath: string): string[] {
  const base = dirname(listPath);
  const paths: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    paths.push(isAbsolute(line) ? line : join(base, line));
  }
  return paths;
}

/**
 * Expands command-line arguments (folders, `*.txt` lists, video files) into video paths, in
 * order, each once. A path that does not exist is kept: it fails later as that input's error
 * (`not_found`), so one bad path never hides the others. A missing list file is a usage error.
 */
export async function collectInputs(args: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (p: string): void => {
    const key = resolve(p);
    if (seen.has(key)) return;
    seen.add(key);
    out.push(p);
  };
  for (const arg of args) {
    const s = await stat(arg).catch(() => null);
    if (s?.isDirectory()) {
      for (const p of await walkVideos(arg)) add(p);
    } else if (extname(arg).toLowerCase() === '.txt') {
      if (!s) throw new UsageError(`list file not found: ${arg}`);
      for (const p of parseList(await readFile(arg, 'utf8'), arg)) add(p);
    } else {
      add(arg);
    }
  }
  return out;
}

function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
