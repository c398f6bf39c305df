// The options a job runs with: what the dedupe key, the queue and the pipeline see (the request's
// keyframes and scorers with their defaults applied; docs/http-api.md).
export interface JobOptions {
  keyframes: number | null;
  scorers: string[];
}
