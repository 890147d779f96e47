/**
 * Which address a request comes from. The socket's address, unless the socket is a reverse proxy the
 * operator named in TRUSTED_PROXIES: then the nearest X-Forwarded-For entry that is not itself a
 * trusted proxy. SECURITY: with no trusted proxies (the default) X-Forwarded-For is ignored, so nobody
 * can spread attempts over made-up addresses; behind an unnamed proxy every caller shares its address.
 */
import { BlockList, isIP } from 'node:net';

/** `10.0.0.1, 10.1.0.0/16, ::1` into checked entries; throws naming the first bad one. */
export function parseTrustedProxies(text: string): string[] {
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address = '', prefix] = entry.split('/');
    const family = isIP(address);
    const bits = family === 6 ? 128 : 32;
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= bits);
    if (!family || !prefixOk) throw new Error(`${entry} is not an IP address or CIDR range`);
  }
  return entries;
}

/** A matcher for the configured proxies (IPv4-mapped IPv6 addresses count as their IPv4 address). */
export function trustedProxyMatcher(entries: readonly string[]): (address: string) => boolean {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', prefix] = entry.split('/');
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return (address) => {
    const plain = unmapped(address);
    const family = isIP(plain);
    return family !== 0 && list.check(plain, family === 6 ? 'ipv6' : 'ipv4');
  };
}

/** The caller's address given the socket's address and the X-Forwarded-For header, if any. */
export function resolveClientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | undefined,
  isTrustedProxy: (address: string) => boolean,
): string {
  const socket = socketAddress ? unmapped(socketAddress) : 'unknown';
  if (!socketAddress || !isTrustedProxy(socketAddress) || !forwardedFor) return socket;
  // Right to left: each hop was added by the proxy before it; the first untrusted one is the caller.
  const hops = forwardedFor
    .split(',')
    .map((hop) => unmapped(hop.trim()))
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i] ?? '';
    if (!isIP(hop)) return socket;
    if (!isTrustedProxy(hop)) return hop;
  }
  return hops[0] ?? socket;
}

function unmapped(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}
