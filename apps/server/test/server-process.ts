// The built server (dist/main.js) as a real process, through the test kit's helper: tests and
// the load, chaos and memory scripts start it the way `pnpm start` does.
import { fileURLToPath } from 'node:url';
import { type ServerProcess, startServerProcess } from '@imajin/test-kit';

export const SERVER_MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));

/** Starts dist/main.js with `env`; `args: ['--worker-only']` for a worker process. */
export function startServer(
  env: Record<string, string>,
  args: string[] = [],
): Promise<ServerProcess> {
  return startServerProcess({ main: SERVER_MAIN, env, args });
}
