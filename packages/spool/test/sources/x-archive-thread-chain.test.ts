import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chainContaining, compareIds, findReplyChains, type ChainItem } from '../../src/sources/x-thread-chain.js';

const item = (id: string, parentId?: string, time = Number(id)): ChainItem => ({ id, parentId, time });

describe('findReplyChains', () => {
  it('orders a shuffled chain from its root', () => {
    const chains = findReplyChains([item('3', '2'), item('1'), item('4', '3'), item('2', '1')]);
    expect(chains).toEqual([{ ids: ['1', '2', '3', '4'], offBranch: [] }]);
  });

  it('follows the longest branch and reports the rest', () => {
    // 2 has two replies: 3 (a dead end, earlier) and 4 (which continues to 5).
    const chains = findReplyChains([item('1'), item('2', '1'), item('3', '2'), item('4', '2'), item('5', '4')]);
    expect(chains).toEqual([{ ids: ['1', '2', '4', '5'], offBranch: ['3'] }]);
  });

  it('prefers the earlier reply when branches are equally long', () => {
    const chains = findReplyChains([item('1'), item('3', '1', 30), item('2', '1', 20)]);
    expect(chains[0]).toEqual({ ids: ['1', '2'], offBranch: ['3'] });
  });

  it('treats a post whose parent is missing as a root, and ignores cycles', () => {
    const chains = findReplyChains([item('5', '4'), item('6', '5'), item('8', '9'), item('9', '8')]);
    expect(chains).toEqual([{ ids: ['5', '6'], offBranch: [] }]);
  });

  it('handles very long threads without recursion', () => {
    const items = Array.from({ length: 20_000 }, (_, i) => item(String(i + 1), i === 0 ? undefined : String(i)));
    const [chain] = findReplyChains(items.reverse());
    expect(chain.ids).toHaveLength(20_000);
    expect(chain.ids[19_999]).toBe('20000');
  });

  it('finds the chain of any member', () => {
    const chains = findReplyChains([item('1'), item('2', '1'), item('10'), item('11', '10')]);
    expect(chainContaining(chains, '11')?.ids).toEqual(['10', '11']);
    expect(chainContaining(chains, '7')).toBeUndefined();
  });

  it('puts every item in exactly one chain, whatever the order', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(30), { minLength: 1, maxLength: 40 }), (parents) => {
        // Parents always point to earlier items, like real replies.
        const items = parents.map((p, i) => item(String(i + 1), i === 0 ? undefined : String((p % i) + 1)));
        const chains = findReplyChains(items);
        const seen = chains.flatMap((c) => [...c.ids, ...c.offBranch]).sort(compareIds);
        expect(seen).toEqual(items.map((x) => x.id));
      }),
    );
  });
});

describe('compareIds', () => {
  it('orders snowflake ids numerically', () => {
    expect(['1800000000000000010', '999', '1800000000000000002'].sort(compareIds)).toEqual([
      '999',
      '1800000000000000002',
      '1800000000000000010',
    ]);
  });
});
