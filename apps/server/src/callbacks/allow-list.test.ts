import { describe, expect, it } from 'vitest';
import { AllowList } from './allow-list.js';

describe('AllowList', () => {
  const list = new AllowList(
    'hooks.example.com, ingest.internal:8443, *.example.org, 10.0.0.7:9000, [fd00::5]:80, 127.0.0.1',
  );
  const ok = (url: string) => list.checkUrl(url).ok;

  it('matches an exact host on any port, or on its listed port only', () => {
    expect(ok('https://hooks.example.com/cb')).toBe(true);
    expect(ok('http://HOOKS.example.com:8080/cb')).toBe(true);
    expect(ok('https://ingest.internal:8443/x')).toBe(true);
    expect(ok('https://ingest.internal/x')).toBe(false); // 443 is not 8443
    expect(ok('https://evil-hooks.example.com/')).toBe(false);
    expect(ok('https://hooks.example.com.evil.net/')).toBe(false);
  });

  it('matches *.domain below the domain only', () => {
    expect(ok('https://a.example.org/')).toBe(true);
    expect(ok('https://a.b.example.org/')).toBe(true);
    expect(ok('https://example.org/')).toBe(false);
    expect(ok('https://badexample.org/')).toBe(false);
  });

  it('matches IP entries, however the URL writes the address', () => {
    expect(ok('http://10.0.0.7:9000/')).toBe(true);
    expect(ok('http://10.0.0.7:9001/')).toBe(false);
    expect(ok('http://[fd00::5]/')).toBe(true);
    expect(ok('http://[fd00:0::5]/')).toBe(true);
    expect(ok('http://127.0.0.1:1234/')).toBe(true);
    expect(ok('http://[::ffff:127.0.0.1]:1234/')).toBe(true);
    expect(ok('http://10.0.0.8:9000/')).toBe(false);
  });

  it('refuses other schemes, credentials, relative and overlong URLs, with a reason', () => {
    expect(list.checkUrl('ftp://hooks.example.com/')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/http or https/),
    });
    expect(list.checkUrl('https://u:p@hooks.example.com/')).toMatchObject({ ok: false });
    expect(list.checkUrl('/relative')).toMatchObject({ ok: false });
    expect(list.checkUrl(`https://hooks.example.com/${'a'.repeat(3000)}`)).toMatchObject({
      ok: false,
    });
    expect(list.checkUrl('https://other.net/')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/other\.net is not on the allowed callback hosts/),
    });
    expect(new AllowList('').checkUrl('https://a.b/')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/CALLBACK_ALLOWED_HOSTS is empty/),
    });
  });

  it('allows a resolved address when public, or when private and listed as an IP', () => {
    expect(list.allowsAddress('93.184.216.34', 443)).toBe(true);
    expect(list.allowsAddress('10.0.0.7', 9000)).toBe(true);
    expect(list.allowsAddress('10.0.0.7', 9001)).toBe(false);
    expect(list.allowsAddress('::ffff:10.0.0.7', 9000)).toBe(true);
    expect(list.allowsAddress('127.0.0.1', 5)).toBe(true);
    expect(list.allowsAddress('::1', 5)).toBe(false);
    expect(list.allowsAddress('169.254.169.254', 80)).toBe(false);
  });

  it('rejects entries that are not hosts', () => {
    expect(() => new AllowList('https://x.com')).toThrow(/not a host name/);
    expect(() => new AllowList('a.com:99999')).toThrow(/bad port/);
  });
});
