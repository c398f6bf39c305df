// The entry point, dist/main.js: `pnpm start` (API + in-process worker) and `pnpm start
// --worker-only`. Step 1 of start-up (here → serve-until-signal.ts → start-roles.ts): reads the
// arguments and the environment, sizes the thread pool, then hands over.
import { loadConfig } from './config.js';
import { ConfigError } from './errors/config-error.js';
import { dieWithParent, rerunWithThreadPool, threadPoolMatches } from './thread-pool.js';

const USAGE = `usage: node apps/server/dist/main.js [--worker-only]
  (no flag)      the HTTP API, with an in-process worker unless IN_PROCESS_WORKER=false
  --worker-only  just a worker (plus /healthz, /readyz and /metrics on PORT)
Configuration comes from the environment: see apps/server/README.md.`;

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const unknown = args.filter((a) => a !== '--worker-only');
if (unknown.length) {
  process.stderr.write(`unknown argument ${unknown.join(' ')}\n${USAGE}\n`);
  process.exit(2);
}
const workerOnly = args.includes('--worker-only');

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  process.stderr.write(`imajin-video server: ${err.message}\n`);
  process.exit(2);
}

if (!threadPoolMatches(config.worker.decodeThreads)) {
  process.exit(await rerunWithThreadPool(config.worker.decodeThreads));
}
dieWithParent();
const { serveUntilSignal } = await import('./serve-until-signal.js');
await serveUntilSignal(config, { api: !workerOnly, worker: workerOnly || config.worker.inProcess });
