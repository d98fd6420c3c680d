/**
 * Errors the user can fix by changing their input. Shells map this class to exit code 2 (and HTTP 400),
 * everything else is a bug or an environment failure.
 */

/** One problem at one place inside the input; `path` is empty when the input as a whole is wrong. */
export interface InputIssue {
  path: string;
  message: string;
}

export class SpoolInputError extends Error {
  /** The file, URL or label the input came from, e.g. `kd.json` or `stdin`. */
  readonly place: string;
  readonly issues: InputIssue[];
  /** What a CLI should exit with; kept here so every shell agrees. */
  readonly exitCode = 2 as const;

  constructor(place: string, issues: InputIssue[] | string) {
    const list = typeof issues === 'string' ? [{ path: '', message: issues }] : issues;
    super(formatInputIssues(place, list));
    this.name = 'SpoolInputError';
    this.place = place;
    this.issues = list;
  }
}

/** `kd.json: posts[3].author.handle: required`, one line per issue. */
export function formatInputIssues(place: string, issues: readonly InputIssue[]): string {
  if (issues.length === 0) return `${place}: invalid input`;
  return issues
    .map((issue) => [place, issue.path, issue.message].filter((part) => part !== '').join(': '))
    .join('\n');
}

/**
 * A value the input chose, quoted for a message: a long one is cut, so a message never buries
 * itself under what it quotes.
 */
export function quoteInput(value: string, max = 40): string {
  const chars = [...value];
  return JSON.stringify(chars.length > max ? `${chars.slice(0, max).join('')}…` : value);
}

export function isSpoolInputError(err: unknown): err is SpoolInputError {
  return err instanceof SpoolInputError;
}
