import type { ScorerConfig } from '../types.js';
import { UsageError } from './errors.js';

/** `--scorer` / `--model-boss-url` after commander merged SCORER / MODEL_BOSS_URL into them. */
export interface ScorerFlags {
  scorer?: string;
  modelBossUrl?: string;
}

/** The embedded `local` scorer unless model-boss is asked for; model-boss needs its URL. */
export function chooseScorer(flags: ScorerFlags): ScorerConfig {
  const kind = (flags.scorer ?? 'local').trim();
  if (kind === 'local') return { kind: 'local' };
  if (kind !== 'model-boss') {
    throw new UsageError(`unknown scorer "${kind}" (expected local or model-boss)`);
  }
  const url = (flags.modelBossUrl ?? '').trim();
  if (url === '') {
    throw new UsageError('--scorer model-boss needs --model-boss-url URL (or MODEL_BOSS_URL)');
  }
  if (!URL.canParse(url)) throw new UsageError(`not a URL: ${url}`);
  return { kind: 'model-boss', url };
}
