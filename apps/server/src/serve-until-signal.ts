// Step 2 of start-up (main.ts → here → start-roles.ts): makes the logger, metrics and the
// classify engine, starts the process's roles, and serves until SIGTERM/SIGINT, which stop
// accepting requests, drain the worker (finish running jobs, hand back what does not finish in
// DRAIN_TIMEOUT), close Redis and exit 0.
import type { Config } from './config.js';
import { createPipelineEngine, pipelineRubric } from './engine-pipeline.js';
import { createLogger } from './logger.js';
import { Metrics } from './metrics.js';
import { startRoles } from './start-roles.js';

export async function serveUntilSignal(
  config: Config,
  roles: { api: boolean; worker: boolean },
): Promise<void> {
  const logger = createLogger(config.logLevel);
  if (config.scorerWarning) logger.warn(config.scorerWarning);
  const metrics = new Metrics();
  const engine = createPipelineEngine(config, metrics, logger);
  const running = await startRoles({
    config,
    engine,
    rubric: pipelineRubric(),
    logger,
    metrics,
    ...roles,
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(
      { signal, drain_timeout_ms: config.worker.drainTimeoutMs },
      'shutting down: draining',
    );
    const hardStop = setTimeout(() => {
      logger.error(
        'drain did not finish in time: exiting anyway (running jobs recover as stalled)',
      );
      process.exit(1);
    }, config.worker.drainTimeoutMs + 15_000);
    hardStop.unref();
    try {
      await running.close();
      logger.info('stopped');
      process.exit(0);
    } catch (err) {
      logger.error({ err }, 'error while shutting down');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('unhandledRejection', (err) => logger.error({ err }, 'unhandled rejection'));
}
