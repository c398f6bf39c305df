import { describe, expect, it } from 'vitest';
import { decodeBase64Text as decodeVideoBase64 } from './base64-stream.js';

describe('decodeVideoBase64', () => {
  const bytes = Buffer.from([0, 1, 2, 250, 251, 252, 253]);

  it('decodes standard, unpadded, url-safe, data: URL and line-wrapped base64', () => {
    const b64 = bytes.toString('base64');
    expect(decodeVideoBase64(b64).equals(bytes)).toBe(true);
    expect(decodeVideoBase64(b64.replace(/=+$/, '')).equals(bytes)).toBe(true);
    expect(decodeVideoBase64(bytes.toString('base64url')).equals(bytes)).toBe(true);
    expect(decodeVideoBase64(`data:video/mp4;base64,${b64}`).equals(bytes)).toBe(true);
    expect(decodeVideoBase64(`${b64.slice(0, 4)}\n${b64.slice(4)}`).equals(bytes)).toBe(true);
  });

  it('refuses what is not base64, and an empty string', () => {
    for (const bad of ['abc!', 'QQ==QQ==', 'A', 'QUJD=', 'héllo', 'data:video/mp4;base64,']) {
      expect(() => decodeVideoBase64(bad), bad).toThrow(/not valid base64|empty/);
    }
  });
});
