/**
 * Which IP addresses a fetch on a user's behalf may reach. Anything that is not plainly a public
 * unicast address is refused: a URL pasted into Spool (or found in an article's <img>) must never
 * let a server running Spool talk to its own loopback, its LAN or a cloud metadata endpoint.
 *
 * The tables are IANA's IPv4 and IPv6 Special-Purpose Address Registries (RFC 6890 and its
 * updates), every block that is not globally reachable, plus multicast and the old site-local
 * range. IPv6 goes further: only global unicast (2000::/3) is public at all, so a range added to
 * the registry outside it later is refused already.
 */
import { isIP } from 'node:net';

/** A block of addresses, as `base/bits`, and what to call it in a message. */
export interface AddressRange {
  cidr: string;
  reason: string;
}

// Order matters: the first range that holds an address names it (the metadata address before link-local).
export const V4_BLOCKED: readonly AddressRange[] = [
  { cidr: '169.254.169.254/32', reason: 'cloud metadata address' },
  { cidr: '0.0.0.0/8', reason: '"this network" address (0.0.0.0/8)' },
  { cidr: '10.0.0.0/8', reason: 'private address (10.0.0.0/8)' },
  { cidr: '100.64.0.0/10', reason: 'shared CGNAT address (100.64.0.0/10)' },
  { cidr: '127.0.0.0/8', reason: 'loopback address' },
  { cidr: '169.254.0.0/16', reason: 'link-local address (169.254.0.0/16)' },
  { cidr: '172.16.0.0/12', reason: 'private address (172.16.0.0/12)' },
  { cidr: '192.0.0.0/24', reason: 'IETF protocol address (192.0.0.0/24)' },
  { cidr: '192.0.2.0/24', reason: 'documentation address (192.0.2.0/24)' },
  { cidr: '192.88.99.0/24', reason: 'deprecated 6to4 relay address (192.88.99.0/24)' },
  { cidr: '192.168.0.0/16', reason: 'private address (192.168.0.0/16)' },
  { cidr: '198.18.0.0/15', reason: 'benchmarking address (198.18.0.0/15)' },
  { cidr: '198.51.100.0/24', reason: 'documentation address (198.51.100.0/24)' },
  { cidr: '203.0.113.0/24', reason: 'documentation address (203.0.113.0/24)' },
  { cidr: '224.0.0.0/4', reason: 'multicast address' },
  { cidr: '240.0.0.0/4', reason: 'reserved address (240.0.0.0/4)' },
];

/** Blocks inside 2000::/3 that are not globally reachable. */
export const V6_BLOCKED: readonly AddressRange[] = [
  { cidr: '2001::/23', reason: 'IETF protocol address (2001::/23, Teredo and others)' },
  { cidr: '2001:db8::/32', reason: 'documentation address (2001:db8::/32)' },
  { cidr: '3fff::/20', reason: 'documentation address (3fff::/20)' },
];

/** Outside 2000::/3: named for the message; anything else there is "reserved". */
export const V6_NAMED: readonly AddressRange[] = [
  { cidr: '::/128', reason: 'unspecified address (::)' },
  { cidr: '::1/128', reason: 'loopback address' },
  { cidr: '64:ff9b:1::/48', reason: 'local-use NAT64 address (64:ff9b:1::/48)' },
  { cidr: '100::/64', reason: 'discard address (100::/64)' },
  { cidr: '100:0:0:1::/64', reason: 'dummy address (100:0:0:1::/64)' },
  { cidr: '5f00::/16', reason: 'SRv6 segment address (5f00::/16)' },
  { cidr: 'fc00::/7', reason: 'unique local address (fc00::/7)' },
  { cidr: 'fe80::/10', reason: 'link-local address (fe80::/10)' },
  { cidr: 'fec0::/10', reason: 'site-local address (fec0::/10)' },
  { cidr: 'ff00::/8', reason: 'multicast address' },
];

/** Forms that carry an IPv4 address inside: judged by that address. `at` is its first bit. */
const V6_CARRIERS: readonly (AddressRange & { at: number })[] = [
  { cidr: '::ffff:0:0/96', reason: 'IPv4-mapped', at: 96 },
  { cidr: '::ffff:0:0:0/96', reason: 'IPv4-translated', at: 96 },
  { cidr: '64:ff9b::/96', reason: 'NAT64', at: 96 },
  { cidr: '2002::/16', reason: '6to4', at: 16 },
];

const GLOBAL_UNICAST = '2000::/3';

/** Why an address is refused, or undefined when it is public. */
export function blockedAddressReason(address: string): string | undefined {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const kind = isIP(bare);
  if (kind === 4) return blockedV4(v4ToBig(bare));
  if (kind === 6) return blockedV6(v6ToBig(bare));
  return 'not an IP address';
}

function blockedV4(value: bigint): string | undefined {
  return V4_BLOCKED.find((range) => inRange(value, range.cidr, 32))?.reason;
}

function blockedV6(value: bigint): string | undefined {
  for (const carrier of V6_CARRIERS) {
    if (!inRange(value, carrier.cidr, 128)) continue;
    const inner = blockedV4((value >> BigInt(128 - carrier.at - 32)) & 0xffffffffn);
    return inner === undefined ? undefined : `${carrier.reason} ${inner}`;
  }
  if (inRange(value, GLOBAL_UNICAST, 128)) return V6_BLOCKED.find((range) => inRange(value, range.cidr, 128))?.reason;
  return V6_NAMED.find((range) => inRange(value, range.cidr, 128))?.reason ?? 'reserved address (outside 2000::/3)';
}

/** Whether `value` lies in `cidr`, for addresses of `width` bits. */
export function inRange(value: bigint, cidr: string, width: 32 | 128): boolean {
  const [base, bitsText] = cidr.split('/');
  const bits = BigInt(bitsText);
  const start = width === 32 ? v4ToBig(base) : v6ToBig(base);
  const shift = BigInt(width) - bits;
  return value >> shift === start >> shift;
}

export function v4ToBig(text: string): bigint {
  return text.split('.').reduce((n, part) => (n << 8n) | BigInt(Number(part) & 0xff), 0n);
}

/** Eight 16-bit groups as one number; accepts `::` compression and a trailing dotted quad. */
export function v6ToBig(text: string): bigint {
  return parseV6(text.toLowerCase()).reduce((n, group) => (n << 16n) | BigInt(group & 0xffff), 0n);
}

/** Eight 16-bit groups; accepts `::` compression and a trailing dotted quad. */
export function parseV6(text: string): number[] {
  let head = text;
  const tail: number[] = [];
  const quad = /(\d+\.\d+\.\d+\.\d+)$/.exec(head);
  if (quad) {
    const o = quad[1].split('.').map(Number);
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
