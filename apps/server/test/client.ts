// Raw HTTP to the server, for what @imajin/client does not do on purpose: the base64 JSON body,
// and the load and memory scripts' own fixed-pace polling. Tests that act as the ingester use
// the client (test/e2e.ts: ingesterClient).
import type { JobEnvelope } from '@imajin/wire';

export async function postJson(
  base: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
) {
  return fetch(base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

export async function postRaw(base: string, path: string, video: Uint8Array, type = 'video/mp4') {
  return fetch(base + path, { method: 'POST', headers: { 'content-type': type }, body: video });
}

/** Polls until the job is done or failed; `seen` collects every status observed. */
export async function poll(
  base: string,
  jobId: string,
  timeoutMs = 60_000,
  seen: string[] = [],
): Promise<JobEnvelope> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(`${base}/classify-video/${jobId}`);
    if (res.status !== 200)
      throw new Error(`GET ${jobId} answered ${res.status}: ${await res.text()}`);
    const env = (await res.json()) as JobEnvelope;
    seen.push(env.status);
    if (env.status === 'done' || env.status === 'failed') return env;
    if (Date.now() > deadline)
      throw new Error(`job ${jobId} still ${env.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
