import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signCallback, verifyCallback } from './callback-signature.js';

const body = JSON.stringify({ job_id: 'a', status: 'done', note: 'naïve ✓' });

describe('callback signatures', () => {
  it('is t=<seconds>,v1=<lowercase hex HMAC-SHA256 of "t.body">', () => {
    const header = signCallback(body, 'whsec-1', 1_700_000_000);
    const want = createHmac('sha256', 'whsec-1').update(`1700000000.${body}`).digest('hex');
    expect(header).toBe(`t=1700000000,v1=${want}`);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
  });

  it('verifies with the signing secret, among others (rotation), over string or bytes', () => {
    const header = signCallback(body, 'new');
    expect(verifyCallback(body, header, 'new')).toBe(true);
    expect(verifyCallback(Buffer.from(body), header, ['old', 'new'])).toBe(true);
  });

  it('fails with a wrong secret, a changed body, or a mangled header', () => {
    const header = signCallback(body, 'right');
    expect(verifyCallback(body, header, 'wrong')).toBe(false);
    expect(verifyCallback(body, header, [])).toBe(false);
    expect(verifyCallback(`${body} `, header, 'right')).toBe(false);
    // One hex digit changed, whatever it was (a fixed '0' left the header intact 1 time in 16).
    const mangled = header.replace(/v1=(.)/, (_, c: string) => `v1=${c === '0' ? '1' : '0'}`);
    expect(mangled).not.toBe(header);
    expect(verifyCallback(body, mangled, 'right')).toBe(false);
    expect(verifyCallback(body, header.toUpperCase(), 'right')).toBe(false);
    expect(verifyCallback(body, undefined, 'right')).toBe(false);
    expect(verifyCallback(body, 'v1=abc', 'right')).toBe(false);
  });

  it('fails outside the tolerance, either way, and passes inside it', () => {
    const header = signCallback(body, 's', 1_000_000);
    expect(verifyCallback(body, header, 's', { nowSec: 1_000_300 })).toBe(true);
    expect(verifyCallback(body, header, 's', { nowSec: 1_000_301 })).toBe(false);
    expect(verifyCallback(body, header, 's', { nowSec: 999_000 })).toBe(false);
    expect(verifyCallback(body, header, 's', { nowSec: 1_000_900, toleranceSec: 900 })).toBe(true);
  });

  it('accepts a header carrying several v1 values when any one matches', () => {
    const t = 1_000_000;
    const a = signCallback(body, 'a', t).split(',')[1];
    const b = signCallback(body, 'b', t).split(',')[1];
    expect(verifyCallback(body, `t=${t},${a},${b}`, 'b', { nowSec: t })).toBe(true);
  });
});
