import { describe, expect, it } from 'vitest';
import type { PreflightCheck, PublishJob } from '../../../src/api/types.js';
import {
  blocksPublishing, isLive, isoWithOffset, localInputValue, nextLook, parseLocal, platformChecks, suggestedTime, textLength, textProblem,
} from '../../../src/components/publish/publish-format.js';
import { bundleNotice } from '../../../src/components/topbar/ExportMenu.js';

const check = (c: Partial<PreflightCheck> & Pick<PreflightCheck, 'id'>): PreflightCheck => ({ platform: 'instagram', scope: 'both', ok: true, message: c.id, ...c });
const job = (j: Partial<PublishJob>): PublishJob => ({
  id: 'j1', platform: 'linkedin', accountId: 'a1', title: 't', caption: 'c', altText: [], state: 'scheduled', dueAt: new Date(0).toISOString(), attempts: 0,
  files: 1, createdAt: new Date(0).toISOString(), updatedAt: new Date(0).toISOString(), posting: false, ...j,
});

describe('the publish dialog’s arithmetic', () => {
  it('counts characters as the platforms do, and says what is over', () => {
    expect(textLength('👋 hi')).toBe(4);
    expect(textProblem('x'.repeat(3000), 'linkedin')).toBeUndefined();
    expect(textProblem('x'.repeat(3001), 'linkedin')).toBe('the LinkedIn text is 3001 characters; it takes at most 3000: cut 1');
    expect(textProblem('x'.repeat(2201), 'instagram')).toMatch(/Instagram text is 2201 characters; it takes at most 2200/);
    expect(textProblem(Array.from({ length: 31 }, (_, i) => `#t${i}`).join(' '), 'instagram')).toMatch(/31 hashtags; Instagram takes at most 30/);
    expect(textProblem(Array.from({ length: 31 }, (_, i) => `#t${i}`).join(' '), 'linkedin')).toBeUndefined();
  });

  it('shows one platform’s checks, the text judged as typed, failed ones first', () => {
    const checks = [
      check({ id: 'instagram-count-app', scope: 'app' }),
      check({ id: 'instagram-count-api', scope: 'api', ok: false, message: '12 slides', fix: 'split' }),
      check({ id: 'instagram-caption', message: 'the text is 5 characters' }),
      check({ id: 'linkedin-pages', platform: 'linkedin' }),
    ];
    const shown = platformChecks(checks, 'instagram', 'y'.repeat(2300));
    expect(shown.map((c) => [c.id, c.ok])).toEqual([['instagram-count-api', false], ['instagram-caption', false], ['instagram-count-app', true]]);
    expect(shown.filter(blocksPublishing)).toHaveLength(2);
    expect(platformChecks(checks, 'instagram', 'short').find((c) => c.id === 'instagram-caption')).toMatchObject({ ok: true, message: 'the text is 5 characters' });
    // What only posting by hand needs does not hold Publish up.
    expect(blocksPublishing(check({ id: 'instagram-count-app', scope: 'app', ok: false }))).toBe(false);
  });

  it('reads a datetime-local value as local time and sends it with the zone offset', () => {
    const at = parseLocal('2026-12-03T09:30')!;
    expect([at.getFullYear(), at.getMonth(), at.getDate(), at.getHours(), at.getMinutes()]).toEqual([2026, 11, 3, 9, 30]);
    expect(localInputValue(at)).toBe('2026-12-03T09:30');
    expect(parseLocal('2026-12-03T09:30:15')!.getSeconds()).toBe(15);
    expect(parseLocal('2026-02-31T09:30')).toBeUndefined();
    expect(parseLocal('')).toBeUndefined();
    const iso = isoWithOffset(at);
    expect(iso).toMatch(/^2026-12-03T09:30:00[+-]\d{2}:\d{2}$/);
    expect(Date.parse(iso)).toBe(at.getTime());
    const start = suggestedTime(new Date(2026, 11, 3, 9, 40));
    expect([start.getHours(), start.getMinutes()]).toEqual([11, 0]);
  });

  it('looks at moving posts about every second, and at a scheduled one when it falls due', () => {
    const now = Date.parse('2026-12-03T09:00:00Z');
    expect(nextLook([job({ state: 'running' })], now)).toBe(1000);
    expect(nextLook([job({ state: 'retrying', dueAt: '2026-12-03T09:00:30Z' })], now)).toBe(1000);
    expect(isLive(job({ state: 'scheduled', dueAt: '2026-12-03T08:59:59Z' }), now)).toBe(true);
    expect(nextLook([job({ state: 'scheduled', dueAt: '2026-12-03T09:00:05Z' })], now)).toBe(5250);
    expect(nextLook([job({ state: 'scheduled', dueAt: '2026-12-04T09:00:00Z' })], now)).toBe(60_000);
    expect(nextLook([job({ state: 'done' }), job({ state: 'failed' }), job({ state: 'cancelled' })], now)).toBeUndefined();
  });
});

describe('the bundle’s notice', () => {
  const report = (checks: PreflightCheck[]) => ({ ok: checks.every((c) => c.ok), linkedin: { ok: true }, instagram: { ok: true, api: true }, checks });

  it('names the failed checks that matter by hand as an error', () => {
    const notice = bundleNotice(report([check({ id: 'linkedin-size', platform: 'linkedin', ok: false, message: '120 MB (LinkedIn takes at most 100 MB)', fix: 'use fewer images' })]), []);
    expect(notice).toEqual({ kind: 'error', message: 'Bundle ready, but a check failed: LinkedIn: 120 MB (LinkedIn takes at most 100 MB) (use fewer images)' });
  });

  it('tells a bundle that only an API would refuse that it is fine by hand', () => {
    const notice = bundleNotice(report([check({ id: 'instagram-count-api', scope: 'api', ok: false, message: '12 slides (publishing through the API takes 2 to 10)', fix: 'split' })]), []);
    expect(notice.kind).toBe('info');
    expect(notice.message).toBe('Bundle ready to post by hand. Publishing it from Spool, Instagram would refuse it: Instagram: 12 slides (publishing through the API takes 2 to 10) (split)');
  });

  it('says what was left out, slides counted from 1, and that all passed otherwise', () => {
    expect(bundleNotice(report([check({ id: 'a' })]), ['slides[1]: image "x" could not be fetched; left out'])).toEqual({ kind: 'error', message: 'Bundle ready, but something was left out: Slide 2: image "x" could not be fetched; left out' });
    expect(bundleNotice(report([check({ id: 'a' })]), [])).toEqual({ kind: 'success', message: 'Bundle ready: every check passed' });
    expect(bundleNotice(undefined, [])).toEqual({ kind: 'success', message: 'Bundle ready' });
  });
});
