import { describe, expect, it } from 'vitest';
import { isLoopbackHost, normalizeBaseUrl } from '../../../src-main/core/incydr/base-url.js';
import { bypassesProxy, proxyForUrl } from '../../../src-main/core/incydr/proxy.js';

describe('normalizeBaseUrl', () => {
  it('accepts https and adds one trailing slash', () => {
    expect(normalizeBaseUrl('https://api.us.code42.com')).toBe('https://api.us.code42.com/');
    expect(normalizeBaseUrl(' https://gw.example.com/incydr// ')).toBe('https://gw.example.com/incydr/');
  });

  it('accepts plain http only to this machine', () => {
    expect(normalizeBaseUrl('http://127.0.0.1:8042')).toBe('http://127.0.0.1:8042/');
    expect(normalizeBaseUrl('http://127.8.9.10:1')).toBe('http://127.8.9.10:1/');
    expect(normalizeBaseUrl('http://localhost:8042/')).toBe('http://localhost:8042/');
    expect(normalizeBaseUrl('http://[::1]:8042')).toBe('http://[::1]:8042/');
    for (const bad of [
      'http://api.us.code42.com',
      'http://10.0.0.1',
      'http://128.0.0.1',
      'http://127.0.0.1.evil.com',
      'ftp://127.0.0.1',
      'file:///etc/passwd',
      'api.us.code42.com',
      'https://user:pw@api.us.code42.com',
      'https://api.us.code42.com/?x=1',
    ]) {
      expect(() => normalizeBaseUrl(bad), bad).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    }
  });

  it('knows loopback hosts', () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('[::1]')).toBe(true);
    expect(isLoopbackHost('::ffff:7f00:1')).toBe(true);
    expect(isLoopbackHost('app.localhost')).toBe(true);
    expect(isLoopbackHost('localhost.evil.com')).toBe(false);
    expect(isLoopbackHost('::2')).toBe(false);
  });
});

describe('proxyForUrl', () => {
  const api = new URL('https://api.us.code42.com/');

  it('uses HTTPS_PROXY for https and HTTP_PROXY for http, either case', () => {
    expect(proxyForUrl(api, { HTTPS_PROXY: 'http://proxy:3128' })).toBe('http://proxy:3128');
    expect(proxyForUrl(api, { https_proxy: 'http://lower:3128', HTTPS_PROXY: 'http://upper:3128' })).toBe(
      'http://lower:3128',
    );
    expect(proxyForUrl(api, { HTTP_PROXY: 'http://proxy:3128' })).toBeUndefined();
    expect(proxyForUrl(api, {})).toBeUndefined();
  });

  it('never proxies loopback', () => {
    expect(
      proxyForUrl(new URL('http://127.0.0.1:8042/'), { HTTP_PROXY: 'http://proxy:3128' }),
    ).toBeUndefined();
  });

  it('honours NO_PROXY', () => {
    const env = { HTTPS_PROXY: 'http://proxy:3128' };
    expect(proxyForUrl(api, { ...env, NO_PROXY: '*' })).toBeUndefined();
    expect(proxyForUrl(api, { ...env, NO_PROXY: 'example.com, .code42.com' })).toBeUndefined();
    expect(proxyForUrl(api, { ...env, no_proxy: 'code42.com' })).toBeUndefined();
    expect(proxyForUrl(api, { ...env, NO_PROXY: 'other.com' })).toBe('http://proxy:3128');
  });

  it('matches NO_PROXY entries by suffix and port', () => {
    expect(bypassesProxy(api, 'api.us.code42.com:443')).toBe(true);
    expect(bypassesProxy(api, 'api.us.code42.com:8443')).toBe(false);
    expect(bypassesProxy(api, '*.code42.com')).toBe(true);
    expect(bypassesProxy(api, 'us.code42')).toBe(false);
    expect(bypassesProxy(api, 'xcode42.com')).toBe(false);
    expect(bypassesProxy(new URL('https://[2001:db8::1]/'), '2001:db8::1')).toBe(true);
    expect(bypassesProxy(new URL('https://[2001:db8::1]:8443/'), '[2001:db8::1]:8443')).toBe(true);
  });
});
