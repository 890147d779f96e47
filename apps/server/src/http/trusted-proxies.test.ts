import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { testEnv } from '../test-support/test-app';
import { parseTrustedProxies, resolveClientAddress, trustedProxyMatcher } from './trusted-proxies';

describe('trusted proxies', () => {
  const trusted = trustedProxyMatcher(parseTrustedProxies('10.0.0.0/8, 127.0.0.1, fd00::/8'));

  it('uses the socket address when nothing is trusted (the default)', () => {
    const none = trustedProxyMatcher([]);
    expect(resolveClientAddress('127.0.0.1', '192.0.2.1', none)).toBe('127.0.0.1');
    expect(resolveClientAddress(undefined, '192.0.2.1', none)).toBe('unknown');
    expect(loadConfig(testEnv).auth.trustedProxies).toEqual([]);
  });

  it('takes the nearest untrusted hop behind trusted proxies, and never a client-chosen one further left', () => {
    expect(resolveClientAddress('10.1.2.3', '192.0.2.1', trusted)).toBe('192.0.2.1');
    expect(resolveClientAddress('::ffff:127.0.0.1', '6.6.6.6, 192.0.2.1, 10.9.9.9', trusted)).toBe(
      '192.0.2.1',
    );
    expect(resolveClientAddress('fd00::1', 'garbage, 10.0.0.2', trusted)).toBe('fd00::1');
    expect(resolveClientAddress('10.1.2.3', undefined, trusted)).toBe('10.1.2.3');
    expect(resolveClientAddress('192.0.2.9', '10.0.0.1', trusted)).toBe('192.0.2.9');
  });

  it('refuses a TRUSTED_PROXIES entry that is not an address or range, naming it', () => {
    expect(() => loadConfig({ ...testEnv, TRUSTED_PROXIES: '10.0.0.0/8, proxy.example' })).toThrow(
      /TRUSTED_PROXIES: proxy.example is not an IP address or CIDR range/,
    );
    expect(() => parseTrustedProxies('10.0.0.0/33')).toThrow();
  });
});
