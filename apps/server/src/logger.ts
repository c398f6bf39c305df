// Structured JSON logs (pino). Video and poster bytes must never reach a log line: nothing
// logs bodies or results, and these paths are redacted as a second line of defence.
import { type Logger, pino } from 'pino';

export type { Logger };

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'imajin-video-server', pid: process.pid },
      redact: {
        paths: [
          'video_base64',
          '*.video_base64',
          'poster_b64',
          '*.poster_b64',
          '*.*.poster_b64',
          'result',
          '*.result',
        ],
        censor: '[redacted]',
      },
      formatters: { level: (label) => ({ level: label }) },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
