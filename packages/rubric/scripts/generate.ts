/*
 * Writes @imajin/rubric's generated files from src/rubric.source.ts:
 *   src/generated/rubric.ts, rubric.json, rubric.schema.json, parity/vectors.json.
 *   tsx scripts/generate.ts          regenerate in place
 *   tsx scripts/generate.ts --check  regenerate into a temp dir, compare, fail on any difference
 * Also refuses a content change (new fingerprint) that keeps the old version number.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GENERATED_FILES, type GeneratedFile, renderAll } from './render.js';

const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
const REGENERATE = 'pnpm --filter @imajin/rubric generate';

function readCommitted(file: string): string | null {
  const path = join(PACKAGE_DIR, file);
  return existsSync(path) ? readFileSync(path, 'utf8') : null;
}

/** A content change under an unchanged version would let two different rubrics share a name. */
function versionProblem(fresh: Record<GeneratedFile, string>): string | null {
  const committed = readCommitted('rubric.json');
  if (committed === null) return null;
  const before = JSON.parse(committed) as { version?: string; fingerprint?: string };
  const after = JSON.parse(fresh['rubric.json']) as { version: string; fingerprint: string };
  if (before.fingerprint !== after.fingerprint && before.version === after.version) {
    return `the rubric's content changed (fingerprint ${before.fingerprint} → ${after.fingerprint}) but its version is still ${after.version}: bump \`version\` in src/rubric.source.ts (and the package version) before regenerating`;
  }
  return null;
}

function showDiff(committedPath: string, freshPath: string, file: string): string {
  const diff = spawnSync(
    'diff',
    [
      '-u',
      '--label',
      `${file} (committed)`,
      '--label',
      `${file} (regenerated)`,
      committedPath,
      freshPath,
    ],
    {
      encoding: 'utf8',
    },
  );
  return diff.stdout || `(no diff tool output; ${file} differs)`;
}

function check(fresh: Record<GeneratedFile, string>): number {
  const tmp = mkdtempSync(join(tmpdir(), 'imajin-rubric-check-'));
  try {
    const stale: string[] = [];
    for (const file of GENERATED_FILES) {
      const freshPath = join(tmp, file);
      mkdirSync(dirname(freshPath), { recursive: true });
      writeFileSync(freshPath, fresh[file]);
      const committed = readCommitted(file);
      if (committed === fresh[file]) continue;
      stale.push(file);
      if (committed === null) console.error(`--- ${file}: missing (not generated yet)`);
      else process.stderr.write(showDiff(join(PACKAGE_DIR, file), freshPath, file));
    }
    if (stale.length === 0) {
      console.log(
        `@imajin/rubric: generated files are up to date (${GENERATED_FILES.length} files)`,
      );
      return 0;
    }
    console.error(
      `\n@imajin/rubric: generated files are out of date with src/rubric.source.ts: ${stale.join(', ')}\n` +
        `Run \`${REGENERATE}\` and commit the result; never edit generated files by hand.`,
    );
    const versionHint = versionProblem(fresh);
    if (versionHint) console.error(`Also: ${versionHint}.`);
    return 1;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function write(fresh: Record<GeneratedFile, string>): number {
  const problem = versionProblem(fresh);
  if (problem) {
    console.error(`@imajin/rubric: refusing to generate: ${problem}.`);
    return 1;
  }
  for (const file of GENERATED_FILES) {
    const path = join(PACKAGE_DIR, file);
    mkdirSync(dirname(path), { recursive: true });
    const changed = readCommitted(file) !== fresh[file];
    if (changed) writeFileSync(path, fresh[file]);
    console.log(`${changed ? 'wrote    ' : 'unchanged'} ${file}`);
  }
  return 0;
}

const fresh = renderAll();
process.exitCode = process.argv.includes('--check') ? check(fresh) : write(fresh);
