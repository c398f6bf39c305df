// Lazy loaders for the heavy workspace packages. Each command imports only what it needs, so
// `scenes` and `estimate` never pull in the scoring model (nsfwjs/tfjs) and start fast.
import type { DecoderApi, PipelineApi } from './types.js';

export async function loadDecoder(): Promise<DecoderApi> {
  return (await import('@imajin/decoder-native')) as unknown as DecoderApi;
}

export async function loadPipeline(): Promise<PipelineApi> {
  return (await import('@imajin/pipeline')) as unknown as PipelineApi;
}
