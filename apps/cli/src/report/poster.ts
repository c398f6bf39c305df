import { readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import sharp from 'sharp';
import type { ReportVideo } from './model.js';

/** A poster as the page shows it: a small JPEG inline, and a link to the full one when on disk. */
export interface Thumbnail {
  dataUri: string;
  width: number;
  height: number;
  /** The full-size JPEG relative to the report's folder (a URL path), when it is a file. */
  href: string | null;
}

/** Thumbnails fit this box: about 2–4 KB each, so a thousand videos stay around 3 MB. */
export const THUMB_BOX = { width: 128, height: 72 } as const;

export interface PosterOptions {
  /** `--posters <dir>`: the backfill's posters folder (`<sha256>.jpg` files). */
  postersDir?: string;
  /** The JSONL's folder: a relative `poster` path in a line is tried against it too. */
  jsonlDir: string;
  /** The report's folder, for the full-size links. */
  outDir: string;
}

export class PosterThumbnails {
  constructor(private readonly o: PosterOptions) {}

  /** Whether a poster could be found for the video at all (a failed one has none). */
  mayHave(v: ReportVideo): boolean {
    return v.status !== 'failed' && (v.poster !== null || (!!this.o.postersDir && !!v.sha256));
  }

  /** The video's thumbnail, or null when it has no poster that can be read. */
  async of(v: ReportVideo): Promise<Thumbnail | null> {
    try {
      const found = await this.posterBytes(v);
      if (!found) return null;
      const { data, info } = await sharp(found.bytes)
        .resize({ ...THUMB_BOX, fit: 'inside', withoutEnlargement: true })
        .jpeg({ quality: 60 })
        .toBuffer({ resolveWithObject: true });
      return {
        dataUri: `data:image/jpeg;base64,${data.toString('base64')}`,
        width: info.width,
        height: info.height,
        href: found.file ? this.href(found.file) : null,
      };
    } catch {
      // Not a picture sharp can read, or a file that went away: the row says "no poster".
      return null;
    }
  }

  private async posterBytes(v: ReportVideo): Promise<{ bytes: Buffer; file?: string } | null> {
    const file = await this.findFile(v);
    if (v.poster?.b64)
      return { bytes: Buffer.from(v.poster.b64, 'base64'), ...(file ? { file } : {}) };
    if (!file) return null;
    return { bytes: await readFile(file), file };
  }

  /** The poster JPEG on disk: `--posters`/<sha256>.jpg, else the line's `poster` path. */
  private async findFile(v: ReportVideo): Promise<string | null> {
    const candidates: string[] = [];
    if (this.o.postersDir && v.sha256) candidates.push(join(this.o.postersDir, `${v.sha256}.jpg`));
    const named = v.poster?.file;
    if (named) {
      if (isAbsolute(named)) candidates.push(named);
      else candidates.push(resolve(named), resolve(this.o.jsonlDir, named));
    }
    for (const c of candidates) {
      const isFile = await stat(c).then(
        (st) => st.isFile(),
        () => false,
      );
      if (isFile) return resolve(c);
    }
    return null;
  }

  private href(file: string): string {
    return relative(this.o.outDir, file).split(sep).map(encodeURIComponent).join('/');
  }
}

export function jsonlDirOf(path: string): string {
  return dirname(resolve(path));
}
