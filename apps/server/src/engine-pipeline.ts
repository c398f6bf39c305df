// Production wiring of the Engine seam: @imajin/pipeline's classifyVideo with one scorer per
// process (model-boss or local, from config), the decoder's probe, and scorer call metrics.
import { probe } from '@imajin/decoder-native';
import { classifyVideo, createScorer, type Scorer } from '@imajin/pipeline';
import { RUBRIC } from '@imajin/rubric';
import type { Config } from './config.js';
import type { Engine } from './engine.js';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';
import type { RubricLike } from './rubric-pin.js';

function countedScorer(scorer: Scorer, metrics: Metrics): Scorer {
  return {
    name: scorer.name,
    close: () => scorer.close(),
    async score(frame, signal) {
      metrics.scorerCalls.inc();
      try {
        return await scorer.score(frame, signal);
      } catch (err) {
        const code = (err as { code?: unknown }).code;
        metrics.scorerFailures.inc({
          error_code: typeof code === 'string' ? code.toLowerCase() : 'other',
        });
        throw err;
      }
    },
  };
}

export function createPipelineEngine(config: Config, metrics: Metrics, logger: Logger): Engine {
  const cfg = config.scorer;
  const scorerLog = {
    warn: (m: string) => logger.warn({ scorer: cfg.kind }, m),
    error: (m: string) => logger.error({ scorer: cfg.kind }, m),
  };
  const scorer = countedScorer(
    createScorer(cfg.kind === 'local' ? { kind: 'local' } : { ...cfg, logger: scorerLog }),
    metrics,
  );
  return {
    scorerName: scorer.name,
    async probe(video, signal) {
      const info = await probe(video, signal ? { signal } : {});
      return { durationSec: info.durationSec, frameRate: info.frameRate };
    },
    async classify(video, options, hooks) {
      const result = await classifyVideo(
        video,
        {
          scorer,
          keyframes: options.keyframes,
          band: config.band,
          maxGapSec: config.maxGapSec,
          scorers: options.scorers,
        },
        hooks?.signal ? { signal: hooks.signal } : {},
      );
      const { departures, departures_scored } = result.sampling;
      if (departures_scored < departures) {
        // The band's maximum forced some out: the verdict stands, but say so where people look.
        logger.warn(
          { departures, departures_scored, band: config.band },
          'departures left unscored by the band maximum',
        );
      }
      return result;
    },
    close: () => scorer.close(),
  };
}

export function pipelineRubric(): RubricLike {
  return RUBRIC;
}
