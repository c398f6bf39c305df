// Lazy loaders for the heavy workspace packages. Each command imports only what it needs, so
// `scenes` and `estimate` never pull in the scoring model (nsfwjs/tfjs) and start fast.

export type Decoder = typeof import('@imajin/decoder-native');
export type Pipeline = typeof import('@imajin/pipeline');

export function loadDecoder(): Promise<Decoder> {
  return import('@imajin/decoder-native');
}

export function loadPipeline(): Promise<Pipeline> {
  return import('@imajin/pipeline');
}
