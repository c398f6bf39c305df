// @imajin/test-kit: the helpers every package's tests share (private, never shipped).
export {
  type ClipOptions,
  clipBytes,
  garbageFile,
  makeClip,
  type Shot,
  scratchDir,
  truncatedCopy,
} from './clips.js';
export { ffmpeg, ffmpegTo, rng } from './ffmpeg.js';
export {
  type BossMode,
  type ModelBossStandIn,
  scoresForColour,
  startModelBoss,
} from './model-boss.js';
export {
  installPacked,
  mustRun,
  type PackedConsumer,
  plainEnv,
  type RunResult,
  run,
  typecheckConsumer,
} from './pack.js';
export { freePort } from './ports.js';
export { type OwnRedis, ownRedis } from './redis-server.js';
export { type RubricId, sampleResult } from './sample-result.js';
export { scriptArgs } from './script-args.js';
export {
  type ServerProcess,
  type ServerProcessOptions,
  startServerProcess,
  troubleLines,
} from './server-process.js';
