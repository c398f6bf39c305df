// Any video a caller holds, as a raw upload body (never base64): bytes, a Blob, a web or Node
// stream, or a file path (Node, read as it is sent).

/** What `classify`, `classifySync` and `submit` take. */
export type VideoInput =
  | Uint8Array
  | ArrayBuffer
  | Blob
  | ReadableStream<Uint8Array>
  | AsyncIterable<Uint8Array>
  | string;

export interface UploadBody {
  body: NonNullable<RequestInit['body']>;
  contentType: string;
  /** False for a stream: it can be sent once, so a failed attempt cannot be retried. */
  replayable: boolean;
  /** Streams need `duplex: 'half'` in fetch. */
  streamed: boolean;
}

const OCTETS = 'application/octet-stream';

export async function uploadBody(video: VideoInput): Promise<UploadBody> {
  if (typeof video === 'string') {
    // Node ≥ 19.8: a Blob backed by the file, read as fetch sends it; the size is known up front.
    const { openAsBlob } = await import('node:fs');
    return {
      body: await openAsBlob(video),
      contentType: OCTETS,
      replayable: true,
      streamed: false,
    };
  }
  if (video instanceof Uint8Array || video instanceof ArrayBuffer) {
    return {
      body: video as NonNullable<RequestInit['body']>,
      contentType: OCTETS,
      replayable: true,
      streamed: false,
    };
  }
  if (typeof Blob !== 'undefined' && video instanceof Blob) {
    const type = video.type.startsWith('video/') ? video.type : OCTETS;
    return { body: video, contentType: type, replayable: true, streamed: false };
  }
  if (typeof ReadableStream !== 'undefined' && video instanceof ReadableStream) {
    return { body: video, contentType: OCTETS, replayable: false, streamed: true };
  }
  if (video && typeof (video as AsyncIterable<Uint8Array>)[Symbol.asyncIterator] === 'function') {
    // A Node Readable (fs.createReadStream, a request) or any async iterable of bytes.
    const stream = ReadableStream.from(video as AsyncIterable<Uint8Array>);
    return {
      body: stream as NonNullable<RequestInit['body']>,
      contentType: OCTETS,
      replayable: false,
      streamed: true,
    };
  }
  throw new TypeError(
    'video must be a Uint8Array/Buffer, an ArrayBuffer, a Blob, a ReadableStream, an async iterable of bytes or a file path',
  );
}
