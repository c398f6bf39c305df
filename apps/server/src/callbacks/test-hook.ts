// A test hook, inert unless IMAJIN_TEST_HOLD_AFTER_JOB_END=1 (refused with NODE_ENV=production).
// It exists so a test can SIGKILL a worker at one exact moment: after a job's record turned
// final and before its callback was enqueued. When on, the processor logs this message and then
// never returns; the test kills the worker on seeing the line, and checks that another worker
// still delivers the callback (see queue.ts for why it does).
import type { Logger } from '../logger.js';

export const HOLD_MESSAGE = 'test hook: holding after job end';

export async function holdAfterJobEnd(enabled: boolean, log: Logger): Promise<void> {
  if (!enabled) return;
  log.warn(HOLD_MESSAGE);
  await new Promise<never>(() => undefined);
}
