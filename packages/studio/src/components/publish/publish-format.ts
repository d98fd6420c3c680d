import type { Platform, PreflightCheck, PublishJob } from '../../api/types.js';

export const PLATFORMS: readonly Platform[] = ['linkedin', 'instagram'];
export const PLATFORM_LABEL: Record<Platform, string> = { linkedin: 'LinkedIn', instagram: 'Instagram' };
/** The longest post text each platform takes, in characters (code points, as the platforms count). */
export const TEXT_LIMIT: Record<Platform, number> = { linkedin: 3000, instagram: 2200 };
export const INSTAGRAM_MAX_HASHTAGS = 30;

/** Characters as the platforms count them: an emoji is one, not two UTF-16 units. */
export function textLength(text: string): number {
  return [...text].length;
}

/** What is wrong with the post text for a platform, in the server's words; undefined when nothing is. */
export function textProblem(text: string, platform: Platform): string | undefined {
  const limit = TEXT_LIMIT[platform];
  const length = textLength(text);
  if (length > limit) return `the ${PLATFORM_LABEL[platform]} text is ${length} characters; it takes at most ${limit}: cut ${length - limit}`;
  if (platform === 'instagram') {
    const tags = text.match(/(^|\s)#[\p{L}\p{N}_]+/gu)?.length ?? 0;
    if (tags > INSTAGRAM_MAX_HASHTAGS) return `the Instagram text has ${tags} hashtags; Instagram takes at most ${INSTAGRAM_MAX_HASHTAGS}`;
  }
  return undefined;
}

/**
 * The checks for one platform, the text's own check made from what is typed now (the server's was
 * made from the suggested caption), failed ones first.
 */
export function platformChecks(checks: readonly PreflightCheck[], platform: Platform, text: string): PreflightCheck[] {
  const id = `${platform}-caption`;
  const problem = textProblem(text, platform);
  const own: PreflightCheck = problem
    ? { platform, scope: 'both', id, ok: false, message: problem, fix: 'shorten the post text' }
    : { platform, scope: 'both', id, ok: true, message: `the text is ${textLength(text).toLocaleString('en-US')} characters` };
  const mine = [...checks.filter((c) => c.platform === platform && c.id !== id), own];
  return [...mine.filter((c) => !c.ok), ...mine.filter((c) => c.ok)];
}

/** A failed check Publish cannot get past: everything but what only posting by hand in the app needs. */
export function blocksPublishing(check: PreflightCheck): boolean {
  return !check.ok && check.scope !== 'app';
}

/** `YYYY-MM-DDTHH:mm` (a datetime-local value) as local time; undefined when it is not one. */
export function parseLocal(value: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map((n) => Number(n ?? 0));
  const date = new Date(y, mo - 1, d, h, mi, s);
  // 2026-02-31 rolls over into March: not a time the user picked.
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) return undefined;
  return date;
}

/** An ISO 8601 time with the user's zone offset, `2026-12-02T10:30:00+01:00`, as the server asks. */
export function isoWithOffset(date: Date): string {
  const pad = (n: number) => String(Math.trunc(Math.abs(n))).padStart(2, '0');
  const offset = -date.getTimezoneOffset();
  const zone = `${offset >= 0 ? '+' : '-'}${pad(offset / 60)}:${pad(offset % 60)}`;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}${zone}`;
}

/** A date as a datetime-local input shows it: local time, to the minute. */
export function localInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The time a new schedule starts at: the next full hour at least 30 minutes away. */
export function suggestedTime(now: Date): Date {
  const at = new Date(now.getTime() + 30 * 60_000);
  at.setMinutes(0, 0, 0);
  at.setHours(at.getHours() + 1);
  return at;
}

/** A job that is moving now: taken, retrying, or scheduled and due. */
export function isLive(job: PublishJob, now: number): boolean {
  return job.state === 'running' || job.state === 'retrying' || (job.state === 'scheduled' && Date.parse(job.dueAt) <= now);
}

/** Milliseconds until the jobs should be looked at again: about every second while one moves, else when the next is due. */
export function nextLook(jobs: readonly PublishJob[], now: number): number | undefined {
  if (jobs.some((j) => isLive(j, now))) return 1000;
  const due = jobs.filter((j) => j.state === 'scheduled').map((j) => Date.parse(j.dueAt) - now);
  if (due.length === 0) return undefined;
  // A long wait is cut into minutes, so a sleeping laptop that wakes past the time looks soon after.
  return Math.min(60_000, Math.max(250, Math.min(...due) + 250));
}

/**
 * When, in words: `Today 2:05 PM`, `Tomorrow 9:00 AM`, else `Thu, Dec 3, 9:00 AM` (the year when it
 * is not this one), in the user's own format. In a sentence: `today at 2:05 PM`.
 */
export function whenText(iso: string, now = new Date(), inSentence = false): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const time = date.toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' });
  const day = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const days = Math.round((day(date) - day(now)) / 86_400_000);
  const near = days === 0 ? 'Today' : days === 1 ? 'Tomorrow' : days === -1 ? 'Yesterday' : undefined;
  if (near) return inSentence ? `${near.toLowerCase()} at ${time}` : `${near} ${time}`;
  const options: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' };
  if (date.getFullYear() !== now.getFullYear()) options.year = 'numeric';
  return `${date.toLocaleDateString(undefined, options)}${inSentence ? ' at ' : ', '}${time}`;
}

export const STATE_LABEL: Record<PublishJob['state'], string> = {
  scheduled: 'Scheduled',
  running: 'Publishing',
  retrying: 'Retrying',
  done: 'Published',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/** A key for one submission of the dialog: 128 random bits, in the visible ASCII the server asks for. */
export function newSubmissionKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `studio-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}
