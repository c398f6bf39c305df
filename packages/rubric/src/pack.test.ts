/*
 * Proves a consumer outside this workspace can use the published package: `pnpm pack` (which
 * builds first, via prepack), `npm install <tarball>` into a scratch project in the OS temp dir
 * (zod comes from the npm registry or npm's cache), then plain `node` imports the API and the
 * JSON files, the bin runs the parity vectors, and `tsc` type-checks a TS consumer.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  installPacked,
  mustRun,
  type PackedConsumer,
  run,
  typecheckConsumer,
} from '@imajin/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RUBRIC } from './generated/rubric.js';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
let packed: PackedConsumer;
let consumer = '';
let tarball = '';

beforeAll(() => {
  packed = installPacked('imajin-rubric-pack-', { rubric: PACKAGE_DIR });
  consumer = packed.consumer;
  tarball = packed.tarballs.rubric as string;
}, 240_000);

afterAll(() => packed?.remove());

describe('the packed tarball', { timeout: 60_000 }, () => {
  it('holds built JS, .d.ts, rubric.json, the schema and the vectors, and no sources or tests', () => {
    const files = mustRun('tar', ['-tzf', tarball]).trim().split('\n').sort();
    for (const file of [
      'package/package.json',
      'package/README.md',
      'package/dist/index.js',
      'package/dist/index.d.ts',
      'package/dist/generated/rubric.js',
      'package/dist/parity/index.js',
      'package/dist/parity/bin.js',
      'package/rubric.json',
      'package/rubric.schema.json',
      'package/parity/vectors.json',
      'package/parity/reference.py',
    ]) {
      expect(files).toContain(file);
    }
    expect(files.filter((f) => /\.test\.|\.map$|\/src\/|rubric\.source/.test(f))).toEqual([]);
    const manifest = JSON.parse(mustRun('tar', ['-xzOf', tarball, 'package/package.json']));
    expect(manifest.private).toBeUndefined();
    expect(manifest.dependencies.zod).toMatch(/^\^?4\./); // the catalog: reference was resolved
  });

  it('installs with plain npm and works from plain node', () => {
    writeFileSync(
      join(consumer, 'check.mjs'),
      `import { RUBRIC, computeFingerprint, normalizeScores, scoreFrame, labels, RubricInputError } from '@imajin/rubric';
import { runParityVectors } from '@imajin/rubric/parity';
import rubric from '@imajin/rubric/rubric.json' with { type: 'json' };
import schema from '@imajin/rubric/rubric.schema.json' with { type: 'json' };
import vectors from '@imajin/rubric/parity/vectors.json' with { type: 'json' };
let error = null;
try { normalizeScores([0.1, 0.2]); } catch (e) { error = { isTyped: e instanceof RubricInputError, name: e.name, problem: e.problem }; }
const report = await runParityVectors({ scoreFrame });
console.log(JSON.stringify({
  constantFingerprint: RUBRIC.fingerprint, jsonFingerprint: rubric.fingerprint,
  recomputed: computeFingerprint(rubric), vectorsFingerprint: vectors.rubric_fingerprint,
  normalized: normalizeScores([0.375, 0.125, 0, 0, 0.25, 0.75]), labels: labels().length,
  schemaTitle: schema.title, error, parityOk: report.ok, parityPassed: report.passed,
}));
`,
    );
    const out = JSON.parse(mustRun('node', ['check.mjs'], { cwd: consumer }));
    expect(out).toEqual({
      constantFingerprint: RUBRIC.fingerprint,
      jsonFingerprint: RUBRIC.fingerprint,
      recomputed: RUBRIC.fingerprint,
      vectorsFingerprint: RUBRIC.fingerprint,
      normalized: { explicit: 0.75, suggestive: 0.5, quality: 0.25 },
      labels: 6,
      schemaTitle: 'imajin classification rubric',
      error: { isTyped: true, name: 'RubricInputError', problem: 'wrong_count' },
      parityOk: true,
      parityPassed: out.parityPassed,
    });
    expect(out.parityPassed).toBeGreaterThanOrEqual(20);
  });

  it('gives the consumer a parity one-liner that passes a faithful port and fails a drifted one', () => {
    const bin = join(consumer, 'node_modules', '.bin', 'imajin-rubric-parity');
    const port = (cmp: string) => `const T = { explicit: 0.6, suggestive: 0.7 };
export function scoreFrame(raw) {
  if (!Array.isArray(raw) || raw.length !== 6 || raw.some((v) => typeof v !== 'number' || !(v >= 0 && v <= 1))) throw new Error('bad scores');
  const pair = (i) => (raw[i] + raw[i + 1] === 0 ? 0.5 : raw[i] / (raw[i] + raw[i + 1]));
  const [explicit, suggestive, quality] = [pair(0), pair(2), pair(4)];
  const explicitness = explicit ${cmp} T.explicit ? 'explicit' : suggestive ${cmp} T.suggestive ? 'suggestive' : 'sfw';
  return { explicit, suggestive, quality, explicitness };
}
`;
    expect(RUBRIC.thresholds).toEqual({ explicit: 0.6, suggestive: 0.7 }); // the port above mirrors them
    writeFileSync(join(consumer, 'port.mjs'), port('>='));
    writeFileSync(join(consumer, 'drifted.mjs'), port('>'));

    const self = run(bin, [], { cwd: consumer });
    expect(self.status).toBe(0);
    expect(self.stdout).toMatch(/^ok: \d+\/\d+ parity cases pass for @imajin\/rubric itself/);

    const good = run(bin, ['./port.mjs'], { cwd: consumer });
    expect(good.status, good.stderr).toBe(0);
    expect(good.stderr).toMatch(/skip .*\(aggregate\)/); // the port has no aggregateVideo

    const bad = run(bin, ['./drifted.mjs'], { cwd: consumer });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('FAIL explicit exactly at threshold (inclusive): explicitness');
    expect(bad.stdout).toMatch(/^MISMATCH: /);
  });

  it('type-checks a TypeScript consumer against the shipped .d.ts', () => {
    writeFileSync(
      join(consumer, 'check.ts'),
      `import { RUBRIC, scoreFrame, type FrameVerdict, type Explicitness } from '@imajin/rubric';
import { runParityVectors, type ParityReport } from '@imajin/rubric/parity';
const verdict: FrameVerdict = scoreFrame([0.1, 0.1, 0.1, 0.1, 0.1, 0.1]);
const level: Explicitness = verdict.explicitness;
const t: 0.6 = RUBRIC.thresholds.explicit;
const report: Promise<ParityReport> = runParityVectors({ scoreFrame });
// @ts-expect-error the constant is readonly
RUBRIC.thresholds.explicit = 0.9;
export { level, report, t };
`,
    );
    const result = typecheckConsumer(consumer, 'check.ts');
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('the consumer project', () => {
  it('lives outside the workspace', () => {
    expect(consumer.startsWith(tmpdir())).toBe(true);
    expect(
      readFileSync(join(consumer, 'node_modules', '@imajin', 'rubric', 'rubric.json'), 'utf8'),
    ).toBe(readFileSync(join(PACKAGE_DIR, 'rubric.json'), 'utf8'));
  });
});
