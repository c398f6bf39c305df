// Runs the built CLI (dist/bin.js) as a subprocess, the way users run it.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../dist/bin.js', import.meta.url));

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  env?: Record<string, string | undefined>;
  cwd?: string;
  nodeArgs?: string[];
  /** Called once the process has started (e.g. to send it SIGINT later). */
  onSpawn?: (child: ChildProcess) => void;
}

/** The environment without the scorer variables of the caller's shell, plus `env`. */
function cleanEnv(env: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const base = { ...process.env };
  for (const k of ['SCORER', 'MODEL_BOSS_URL', 'IMAJIN_TOKEN']) delete base[k];
  return { ...base, ...env };
}

export function runCli(args: readonly string[], o: CliOptions = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(o.nodeArgs ?? []), BIN, ...args], {
      cwd: o.cwd,
      env: cleanEnv(o.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    o.onSpawn?.(child);
  });
}
