#!/usr/bin/env node
/*
 * imajin-rubric-parity [module] [--json]
 * Runs the shipped parity vectors against `module` (a JS file exporting `scoreFrame` and optionally
 * `aggregateVideo` and `rubricFingerprint`, as named or default-object exports), or against this
 * package's own implementation when no module is given. Exit code 0 = parity, 1 = mismatch,
 * 2 = usage or loading error.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { aggregateVideo } from '../aggregate.js';
import { RUBRIC } from '../generated/rubric.js';
import { scoreFrame } from '../interpret.js';
import { type ParityImplementation, runParityVectors } from './run.js';

const USAGE = 'usage: imajin-rubric-parity [path/to/implementation.js] [--json]';

async function loadImplementation(path: string | undefined): Promise<ParityImplementation> {
  if (path === undefined) {
    return {
      scoreFrame: (raw) => scoreFrame(raw),
      aggregateVideo,
      rubricFingerprint: RUBRIC.fingerprint,
    };
  }
  const mod = (await import(pathToFileURL(resolve(path)).href)) as Record<string, unknown>;
  const source = (typeof mod.scoreFrame === 'function' ? mod : mod.default) as
    | Partial<ParityImplementation>
    | undefined;
  if (typeof source?.scoreFrame !== 'function') {
    throw new Error(`${path} exports no scoreFrame function (named or on its default export)`);
  }
  return source as ParityImplementation;
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const json = argv.includes('--json');
  const paths = argv.filter((a) => !a.startsWith('-'));
  if (paths.length > 1) {
    console.error(USAGE);
    return 2;
  }
  const impl = await loadImplementation(paths[0]);
  const report = await runParityVectors(impl);
  if (json) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    for (const f of report.failures) console.error(`FAIL ${f.case}: ${f.problem}`);
    for (const s of report.skipped) console.error(`skip ${s}`);
    const what = paths[0] ?? '@imajin/rubric itself';
    console.log(
      `${report.ok ? 'ok' : 'MISMATCH'}: ${report.passed}/${report.total} parity cases pass for ${what} (rubric ${report.rubric_fingerprint})`,
    );
  }
  return report.ok ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`imajin-rubric-parity: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 2;
  },
);
