// Picks a scorer backend from config, wiring the rubric's model id and labels into model-boss.

import { labels, RUBRIC } from '@imajin/rubric';
import { createLocalScorer } from './local.js';
import { createModelBossScorer } from './model-boss.js';
import type { Scorer, ScorerLogger } from './scorer.js';

export type ScorerConfig =
  | { kind: 'local'; workers?: number }
  | {
      kind: 'model-boss';
      url: string;
      timeoutMs?: number;
      maxInFlight?: number;
      retries?: number;
      retryBaseMs?: number;
      logger?: ScorerLogger;
    };

export function createScorer(config: ScorerConfig): Scorer {
  if (config.kind === 'local') return createLocalScorer(config);
  if (config.kind === 'model-boss') {
    return createModelBossScorer({ ...config, model: RUBRIC.model, labels: labels() });
  }
  throw new TypeError(`unknown scorer kind ${JSON.stringify((config as { kind: unknown }).kind)}`);
}
