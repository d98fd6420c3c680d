import { describe, expect, it } from 'vitest';
import { blockedAddressReason, V4_BLOCKED, V6_BLOCKED, V6_NAMED, type AddressRange } from '../../src/sources/fetch-guard-address.js';

describe('blockedAddressReason', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.0.10', 'private'],
    ['169.254.169.254', 'metadata'],
    ['169.254.1.1', 'link-local'],
    ['100.64.0.1', 'CGNAT'],
    ['100.127.255.255', 'CGNAT'],
    ['0.0.0.0', 'this network'],
    ['0.1.2.3', 'this network'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fc00::1', 'unique local'],
    ['fd12:3456::1', 'unique local'],
    ['fe80::1%eth0', 'link-local'],
    ['febf::1', 'link-local'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:7f00:1', 'IPv4-mapped loopback'],
    ['::ffff:169.254.169.254', 'metadata'],
    ['::ffff:10.0.0.1', 'private'],
    ['64:ff9b::a9fe:a9fe', 'NAT64 cloud metadata'],
    ['2002:c0a8:0101::1', '6to4 private'],
    ['[::1]', 'loopback'],
    ['192.0.2.10', 'documentation'],
    ['198.18.0.1', 'benchmarking'],
  ])('%s is refused (%s)', (address, word) => {
    expect(blockedAddressReason(address)).toContain(word);
  });

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '100.128.0.1', '169.255.0.1', '2606:4700::1111', '::ffff:8.8.8.8'])(
    '%s is public',
    (address) => {
      expect(blockedAddressReason(address)).toBeUndefined();
    },
  );

  it.each([
    ['::ffff:0:127.0.0.1', 'IPv4-translated loopback'],
    ['::ffff:0:7f00:1', 'IPv4-translated loopback'],
    ['64:ff9b:1::1', 'local-use NAT64'],
    ['64:ff9b:1:ffff::a9fe:a9fe', 'local-use NAT64'],
    ['2001::1', 'Teredo'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'Teredo'],
    ['100::1', 'discard'],
    ['100::ffff:ffff:ffff:ffff', 'discard'],
    ['::127.0.0.1', 'reserved'],
    ['::8.8.8.8', 'reserved'],
    ['4000::1', 'reserved'],
    ['3fff:1::1', 'documentation'],
    ['5f00::1', 'SRv6'],
    ['192.88.99.1', '6to4 relay'],
  ])('%s, which slipped through before, is refused (%s)', (address, word) => {
    expect(blockedAddressReason(address)).toContain(word);
  });

  /** The first and last address of a block, written out. */
  function ends(range: AddressRange): [string, string] {
    const [base, bitsText] = range.cidr.split('/');
    const bits = Number(bitsText);
    if (!base.includes(':')) {
      const value = base.split('.').reduce((n, p) => n * 256 + Number(p), 0);
      const size = 2 ** (32 - bits);
      const v4 = (n: number) => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
      return [v4(value), v4(value + size - 1)];
    }
    const groups = base.includes('::') ? (() => {
      const [l, r] = base.split('::');
      const left = l ? l.split(':') : [];
      const right = r ? r.split(':') : [];
      return [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
    })() : base.split(':');
    let value = groups.reduce((n, g) => (n << 16n) | BigInt(parseInt(g, 16)), 0n);
    const hostBits = BigInt(128 - bits);
    value = (value >> hostBits) << hostBits;
    const last = value | ((1n << hostBits) - 1n);
    const v6 = (n: bigint) => Array.from({ length: 8 }, (_, i) => ((n >> BigInt(112 - 16 * i)) & 0xffffn).toString(16)).join(':');
    return [v6(value), v6(last)];
  }

  it.each([...V4_BLOCKED, ...V6_BLOCKED, ...V6_NAMED].map((r) => [r.cidr, r] as const))('refuses all of %s, first to last address', (_cidr, range) => {
    const [first, last] = ends(range);
    expect(blockedAddressReason(first), first).toBeDefined();
    expect(blockedAddressReason(last), last).toBeDefined();
  });

  it.each(['2001:200::1', '2a00:1450:4001:80b::200e', '2620:4f:8000::1', '1.0.0.1', '192.31.196.1', '223.255.255.254', '64:ff9b::808:808', '2002:0808:0808::1'])(
    '%s, next to the blocked ranges, is public',
    (address) => {
      expect(blockedAddressReason(address)).toBeUndefined();
    },
  );

  it('refuses things that are not addresses', () => {
    expect(blockedAddressReason('localhost')).toBe('not an IP address');
  });
});
