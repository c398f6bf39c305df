// One local-scorer worker thread: NSFWJS MobileNetV2 (weights bundled in the nsfwjs package)
// on TensorFlow.js's WebAssembly backend, which runs one thread per instance in Node; the
// parent runs several of these to use more cores. Nothing is fetched over the network: the
// .wasm binaries are read from @tensorflow/tfjs-backend-wasm's own dist directory.

import { createRequire } from 'node:module';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import type { WorkerReply, WorkerRequest } from './local-protocol.js';
import { frameQuality } from './quality.js';

const port = parentPort;
if (!port) throw new Error('local-worker.ts must run in a worker thread');

async function loadModel() {
  // nsfwjs announces the model it loads on console.info; keep the parent's stdout clean.
  const info = console.info;
  console.info = () => {};
  try {
    const tf = await import('@tensorflow/tfjs');
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    const require = createRequire(import.meta.url);
    const wasmDir = path.join(
      path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')),
      'dist',
    );
    wasm.setWasmPaths(`${wasmDir}${path.sep}`);
    await tf.setBackend('wasm');
    await tf.ready();
    // The core entry point plus one model: `import('nsfwjs')` would register all three.
    const { load } = await import('nsfwjs/core');
    const { MobileNetV2Model } = await import('nsfwjs/models/mobilenet_v2');
    const model = await load('MobileNetV2', { modelDefinitions: [MobileNetV2Model] });
    return { tf, model };
  } finally {
    console.info = info;
  }
}

const loading = loadModel();
loading.then(
  () => port.postMessage({ kind: 'ready' } satisfies WorkerReply),
  (err: unknown) =>
    port.postMessage({
      kind: 'fatal',
      message: String(err instanceof Error ? err.message : err),
    } satisfies WorkerReply),
);

port.on('message', async (req: WorkerRequest) => {
  try {
    const { tf, model } = await loading;
    const pixels = new Uint8Array(req.data);
    const frame = { t: 0, width: req.width, height: req.height, data: pixels };
    const quality = frameQuality(frame);
    const input = tf.tensor3d(pixels, [req.height, req.width, 3], 'int32');
    let predictions: { className: string; probability: number }[];
    try {
      predictions = await model.classify(input, 5);
    } finally {
      input.dispose();
    }
    const classes = Object.fromEntries(predictions.map((p) => [p.className, p.probability]));
    port.postMessage({
      kind: 'scored',
      id: req.id,
      classes,
      quality: quality.quality,
    } satisfies WorkerReply);
  } catch (err) {
    const message = String(err instanceof Error ? err.message : err);
    port.postMessage({ kind: 'failed', id: req.id, message } satisfies WorkerReply);
  }
});
