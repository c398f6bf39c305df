// Our public packages as a user gets them: `pnpm pack` each (prepack builds it) and `npm install`
// the tarballs into a scratch project in the OS temp dir, outside the workspace, with plain npm.
import { type SpawnSyncOptions, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The environment without pnpm's npm_* variables, so plain npm behaves as on a user's machine. */
export function plainEnv(): NodeJS.ProcessEnv {
  const keep = /^npm_config_(registry|cache|userconfig|.*proxy)$/i;
  return Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) || keep.test(k)),
  );
}

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command in the plain environment; a failure to start throws, an exit status does not. */
export function run(cmd: string, args: string[], opts: SpawnSyncOptions = {}): RunResult {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: plainEnv(), ...opts });
  if (r.error) throw r.error;
  return { status: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/** As run(), but any exit status other than 0 throws with both outputs; returns stdout. */
export function mustRun(cmd: string, args: string[], opts: SpawnSyncOptions = {}): string {
  const r = run(cmd, args, opts);
  if (r.status !== 0)
    throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

export interface PackedConsumer {
  /** The scratch project (`<tmp>/consumer`) with the tarballs installed. */
  consumer: string;
  /** Each package's tarball, by the key it was given under. */
  tarballs: Record<string, string>;
  /** Removes the temp dir with the tarballs and the project. */
  remove(): void;
}

/**
 * Packs each package directory of `packages` ({ key: dir }, in order: dependencies first), then
 * `npm install`s all the tarballs into a new ESM project in a temp dir named `prefix…`.
 */
export function installPacked(prefix: string, packages: Record<string, string>): PackedConsumer {
  const tmp = mkdtempSync(join(tmpdir(), prefix));
  const tarballs: Record<string, string> = {};
  for (const [key, dir] of Object.entries(packages)) {
    const out = join(tmp, `pack-${key}`);
    mkdirSync(out);
    mustRun('pnpm', ['pack', '--pack-destination', out], { cwd: dir });
    const name = readdirSync(out).find((f) => f.endsWith('.tgz'));
    if (!name) throw new Error(`pnpm pack wrote no tarball for ${key} (${dir})`);
    tarballs[key] = join(out, name);
  }
  const consumer = join(tmp, 'consumer');
  mkdirSync(consumer);
  writeFileSync(
    join(consumer, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  );
  mustRun(
    'npm',
    ['install', '--no-audit', '--no-fund', '--loglevel=error', ...Object.values(tarballs)],
    { cwd: consumer },
  );
  return { consumer, tarballs, remove: () => rmSync(tmp, { recursive: true, force: true }) };
}

/**
 * Type-checks `file` in the `consumer` project as a strict user project would (NodeNext, no
 * @types packages, the shipped .d.ts not skipped) with the workspace's tsc; `lib` when the
 * default libs will not do. Writes the project's tsconfig.json.
 */
export function typecheckConsumer(consumer: string, file: string, lib?: string[]): RunResult {
  writeFileSync(
    join(consumer, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        target: 'ES2022',
        ...(lib ? { lib } : {}),
        strict: true,
        noEmit: true,
        types: [],
        skipLibCheck: false,
      },
      files: [file],
    }),
  );
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  return run('node', [tsc, '-p', 'tsconfig.json'], { cwd: consumer });
}
