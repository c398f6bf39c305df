// `video_base64` → bytes. Node's decoder silently skips characters outside the alphabet, so
// validity is checked by length: a clean string decodes to exactly ⌊unpadded × 3 / 4⌋ bytes.
import { BadRequestError } from '../errors/bad-request-error.js';

const DATA_URL = /^data:[\w.+-]+\/[\w.+-]+(?:;[\w.+-]+=[\w.+-]+)*;base64,/;

export function decodeVideoBase64(text: string): Buffer {
  let s = text;
  const prefix = DATA_URL.exec(s.slice(0, 256));
  if (prefix) s = s.slice(prefix[0].length);
  if (/\s/.test(s)) s = s.replace(/\s+/g, ''); // MIME-style line wrapping
  if (s.length === 0)
    throw new BadRequestError('video_base64 is empty: send the video file’s bytes, base64-encoded');
  const padding = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0;
  const unpadded = s.length - padding;
  const lengthOk = padding === 0 ? unpadded % 4 !== 1 : s.length % 4 === 0;
  const bytes = Buffer.from(s, 'base64');
  if (!lengthOk || bytes.length !== Math.floor((unpadded * 3) / 4)) {
    throw new BadRequestError('video_base64 is not valid base64');
  }
  return bytes;
}
