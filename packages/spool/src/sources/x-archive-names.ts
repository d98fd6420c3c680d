/**
 * The names and openings of an X archive's tweets files, in every layout X has shipped, for every
 * place that has to tell one from other input (the name of a file, a folder, a zip's entries, a
 * file's first bytes). No I/O, so the detection in the browser uses it too.
 *
 * - Since 2019: `data/tweets.js` (earlier `data/tweet.js`), split into `tweets-part1.js`… (or
 *   `tweet-part1.js`…) when large, opening with `window.YTD.tweets.part0 = [`.
 * - 2012 to 2018: one file a month, `data/js/tweets/2013_01.js`, opening with
 *   `Grailbird.data.tweets_2013_01 = [`, the account in `data/js/user_details.js`.
 */

/** `tweets.js`, the older `tweet.js`, and the `-partN` files a large archive is split into. */
export const TWEETS_FILE = /^tweets?(-part\d+)?\.js$/;

/** A month of the first archives, in their `js/tweets/` folder. */
export const MONTH_FILE = /^\d{4}_\d{2}\.js$/;

/** Where the first archives keep their months, from the archive's `data/` folder. */
export const MONTHS_FOLDER = 'js/tweets';

/** Whether a path (with / or \) names a tweets file of either layout. */
export function isTweetsPath(path: string): boolean {
  const parts = path.toLowerCase().split(/[\\/]/);
  const name = parts.at(-1) ?? '';
  if (TWEETS_FILE.test(name)) return true;
  return MONTH_FILE.test(name) && parts.slice(-3, -1).join('/') === MONTHS_FOLDER;
}

/** The opening of an archive data file: `window.YTD.tweets.part0 =`, `Grailbird.data.tweets_2013_01 =`. */
export function looksLikeArchiveData(text: string): boolean {
  return /^\uFEFF?\s*(?:window\.YTD\.\w+\.part\d+|Grailbird\.data\.\w+)\s*=/.test(text);
}
