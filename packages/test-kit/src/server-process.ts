// Runs the built server (apps/server/dist/main.js, whose path the caller gives: the kit does not
// depend on the server) as a real process on 127.0.0.1, the way `pnpm start` does. Reads its
// JSON log lines (the 'listening' line carries the port) and waits until /readyz answers 200.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** Every log line so far, parsed (non-JSON lines kept as {msg}). */
  logs: Record<string, unknown>[];
  /** Sends `signal` (SIGKILL for a crash) and resolves with the exit code or the signal's name. */
  stop(signal?: NodeJS.Signals): Promise<number | string | null>;
}

export interface ServerProcessOptions {
  /** The built entry point: apps/server/dist/main.js. */
  main: string;
  /** The server's environment (on top of loopback, port 0, info logs, 4 decode threads). */
  env: Record<string, string>;
  /** e.g. ['--worker-only'] for a worker process. */
  args?: string[];
  /** How long to wait for the 'listening' line (default 30 s). */
  startTimeoutMs?: number;
}

export async function startServerProcess(o: ServerProcessOptions): Promise<ServerProcess> {
  if (!existsSync(o.main))
    throw new Error(`${o.main} is missing: run \`pnpm --filter @imajin/server build\` first`);
  const child = spawn(process.execPath, [o.main, ...(o.args ?? [])], {
    // UV_THREADPOOL_SIZE matches DECODE_THREADS so main.js does not re-run itself: the pid we
    // hold is the server, which a SIGKILL test relies on.
    env: {
      PATH: process.env.PATH ?? '',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
      DECODE_THREADS: '4',
      UV_THREADPOOL_SIZE: '4',
      ...o.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  const exited = new Promise<number | string | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal)),
  );
  let buffered = '';
  const onData = (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    let nl = buffered.indexOf('\n');
    while (nl >= 0) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      try {
        logs.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        logs.push({ msg: line });
      }
      nl = buffered.indexOf('\n');
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const dump = () => logs.map((l) => JSON.stringify(l)).join('\n');
  const listening = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not start:\n${dump()}`)),
      o.startTimeoutMs ?? 30_000,
    );
    const check = setInterval(() => {
      const line = logs.find((l) => l.msg === 'listening');
      if (line) {
        clearInterval(check);
        clearTimeout(timer);
        resolve(Number(line.port));
      }
    }, 20);
    void exited.then((code) => {
      clearInterval(check);
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening:\n${dump()}`));
    });
  });
  let port: number;
  try {
    port = await listening;
  } catch (err) {
    child.kill('SIGKILL'); // a server that did not start must not outlive the test
    throw err;
  }
  // Ready means Redis answers too (the tests that restart Redis start it first).
  for (let i = 0; i < 300; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    child,
    logs,
    stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** The warning and error lines of these processes, to print when a test fails. */
export function troubleLines(...procs: (ServerProcess | undefined)[]): string {
  return procs
    .flatMap((p) => p?.logs ?? [])
    .filter((l) => l.level === 'error' || l.level === 'warn' || l.level === undefined)
    .map((l) => JSON.stringify(l))
    .join('\n');
}
