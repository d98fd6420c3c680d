/**
 * Which IP addresses a fetch on a user's behalf may reach. Anything that is not plainly a public
 * unicast address is refused: a URL pasted into Spool (or found in an article's <img>) must never
 * let a server running Spool talk to its own loopback, its LAN or a cloud metadata endpoint.
 */
import { isIP } from 'node:net';

/** Why an address is refused, or undefined when it is public. */
export function blockedAddressReason(address: string): string | undefined {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const kind = isIP(bare);
  if (kind === 4) return blockedV4(parseV4(bare));
  if (kind === 6) return blockedV6(bare);
  return 'not an IP address';
}

function parseV4(text: string): number[] {
  return text.split('.').map((part) => Number(part));
}

interface V4Range {
  base: [number, number, number, number];
  bits: number;
  reason: string;
}

// Order matters: the metadata address is reported by name before its enclosing link-local range.
const V4_RANGES: V4Range[] = [
  { base: [169, 254, 169, 254], bits: 32, reason: 'cloud metadata address' },
  { base: [0, 0, 0, 0], bits: 8, reason: '"this network" address (0.0.0.0/8)' },
  { base: [10, 0, 0, 0], bits: 8, reason: 'private address (10.0.0.0/8)' },
  { base: [100, 64, 0, 0], bits: 10, reason: 'shared CGNAT address (100.64.0.0/10)' },
  { base: [127, 0, 0, 0], bits: 8, reason: 'loopback address' },
  { base: [169, 254, 0, 0], bits: 16, reason: 'link-local address (169.254.0.0/16)' },
  { base: [172, 16, 0, 0], bits: 12, reason: 'private address (172.16.0.0/12)' },
  { base: [192, 0, 0, 0], bits: 24, reason: 'IETF protocol address (192.0.0.0/24)' },
  { base: [192, 0, 2, 0], bits: 24, reason: 'documentation address (192.0.2.0/24)' },
  { base: [192, 168, 0, 0], bits: 16, reason: 'private address (192.168.0.0/16)' },
  { base: [198, 18, 0, 0], bits: 15, reason: 'benchmarking address (198.18.0.0/15)' },
  { base: [198, 51, 100, 0], bits: 24, reason: 'documentation address (198.51.100.0/24)' },
  { base: [203, 0, 113, 0], bits: 24, reason: 'documentation address (203.0.113.0/24)' },
  { base: [224, 0, 0, 0], bits: 4, reason: 'multicast address' },
  { base: [240, 0, 0, 0], bits: 4, reason: 'reserved address (240.0.0.0/4)' },
];

function v4ToInt(octets: readonly number[]): number {
  return ((octets[0] << 24) | (octets[1] << 16) | (octets[2] << 8) | octets[3]) >>> 0;
}

function blockedV4(octets: readonly number[]): string | undefined {
  const value = v4ToInt(octets);
  for (const range of V4_RANGES) {
    const mask = range.bits === 0 ? 0 : (0xffffffff << (32 - range.bits)) >>> 0;
    if ((value & mask) >>> 0 === (v4ToInt(range.base) & mask) >>> 0) return range.reason;
  }
  return undefined;
}

/** Eight 16-bit groups; accepts `::` compression and a trailing dotted quad. */
export function parseV6(text: string): number[] {
  let head = text;
  const tail: number[] = [];
  const quad = /(\d+\.\d+\.\d+\.\d+)$/.exec(head);
  if (quad) {
    const o = parseV4(quad[1]);
    tail.push((o[0] << 8) | o[1], (o[2] << 8) | o[3]);
    head = head.slice(0, -quad[1].length);
    if (head.endsWith(':') && !head.endsWith('::')) head = head.slice(0, -1);
  }
  const toGroups = (s: string): number[] => (s === '' ? [] : s.split(':').map((g) => parseInt(g, 16)));
  const [left, right] = head.includes('::') ? head.split('::') : [head, undefined];
  const leftGroups = toGroups(left);
  if (right === undefined) return [...leftGroups, ...tail];
  const rightGroups = [...toGroups(right), ...tail];
  const zeros = new Array<number>(8 - leftGroups.length - rightGroups.length).fill(0);
  return [...leftGroups, ...zeros, ...rightGroups];
}

function embeddedV4(g: readonly number[], at: number): number[] {
  return [g[at] >> 8, g[at] & 0xff, g[at + 1] >> 8, g[at + 1] & 0xff];
}

function blockedV6(text: string): string | undefined {
  const g = parseV6(text.toLowerCase());
  const zeroUpTo = (n: number): boolean => g.slice(0, n).every((x) => x === 0);
  if (zeroUpTo(8)) return 'unspecified address (::)';
  if (zeroUpTo(7) && g[7] === 1) return 'loopback address';
  // Addresses that carry an IPv4 address inside are judged by that address.
  if (zeroUpTo(5) && g[5] === 0xffff) return mapped(blockedV4(embeddedV4(g, 6)), 'IPv4-mapped');
  if (zeroUpTo(6)) return mapped(blockedV4(embeddedV4(g, 6)), 'IPv4-compatible');
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) {
    return mapped(blockedV4(embeddedV4(g, 6)), 'NAT64');
  }
  if (g[0] === 0x2002) return mapped(blockedV4(embeddedV4(g, 1)), '6to4');
  if ((g[0] & 0xfe00) === 0xfc00) return 'unique local address (fc00::/7)';
  if ((g[0] & 0xffc0) === 0xfe80) return 'link-local address (fe80::/10)';
  if ((g[0] & 0xffc0) === 0xfec0) return 'site-local address (fec0::/10)';
  if ((g[0] & 0xff00) === 0xff00) return 'multicast address';
  if (g[0] === 0x0100 && zeroUpTo(4)) return 'discard address (100::/64)';
  if (g[0] === 0x2001 && g[1] === 0x0db8) return 'documentation address (2001:db8::/32)';
  return undefined;
}

function mapped(inner: string | undefined, how: string): string | undefined {
  return inner === undefined ? undefined : `${how} ${inner}`;
}
