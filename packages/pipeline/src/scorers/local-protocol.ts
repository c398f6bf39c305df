// Messages between the local scorer and its worker threads.

export interface WorkerRequest {
  id: number;
  width: number;
  height: number;
  /** Packed RGB24, transferred. */
  data: ArrayBuffer;
}

export type WorkerReply =
  | { kind: 'ready' }
  | { kind: 'fatal'; message: string }
  | { kind: 'scored'; id: number; classes: Record<string, number>; quality: number }
  | { kind: 'failed'; id: number; message: string };
