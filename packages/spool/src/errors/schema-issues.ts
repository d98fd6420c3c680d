import type { ZodIssue } from 'zod/v3';
import { quoteInput, type InputIssue } from './input-error.js';

/** More than this many problems and the input is likely the wrong file; listing them all would bury the first. */
const MAX_ISSUES = 10;

/** `['posts', 3, 'author', 'handle']` -> `posts[3].author.handle`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${quoteInput(String(key))}]`;
  }
  return out;
}

/** Zod's messages are written for developers; these are short and read well after a path. */
export function shortIssueMessage(issue: ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.received === 'undefined') return 'required';
      return `expected ${issue.expected}`;
    case 'invalid_literal':
      return `expected ${JSON.stringify(issue.expected)}`;
    case 'invalid_enum_value':
      return issue.options.length === 1
        ? `expected ${JSON.stringify(issue.options[0])}`
        : `expected one of ${issue.options.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small':
      return tooSmall(issue.type, Number(issue.minimum));
    case 'too_big':
      return `expected at most ${Number(issue.maximum)}${unit(issue.type, Number(issue.maximum))}`;
    case 'unrecognized_keys':
      return `unknown ${issue.keys.length === 1 ? 'key' : 'keys'} ${listed(issue.keys.map((key) => quoteInput(key)))}`;
    case 'invalid_union':
      return 'invalid value';
    case 'invalid_string':
      // A schema's own message ("expected a #rrggbb colour") says more than the check's name.
      return /^Invalid\b/.test(issue.message) && typeof issue.validation === 'string' ? `expected ${issue.validation}` : issue.message;
    default:
      return issue.message;
  }
}

export function zodIssuesToInputIssues(issues: readonly ZodIssue[]): InputIssue[] {
  const list = issues.slice(0, MAX_ISSUES).map((issue) => ({
    path: formatIssuePath(issue.path),
    message: shortIssueMessage(issue),
  }));
  if (issues.length > MAX_ISSUES) list.push({ path: '', message: `and ${issues.length - MAX_ISSUES} more problems` });
  return list;
}

function listed(names: readonly string[]): string {
  return names.length > 5 ? `${names.slice(0, 5).join(', ')} and ${names.length - 5} more` : names.join(', ');
}

function tooSmall(origin: string, minimum: number): string {
  if (origin === 'string' && minimum === 1) return 'must not be empty';
  if (origin === 'array' && minimum === 1) return 'expected at least 1 item';
  return `expected at least ${minimum}${unit(origin, minimum)}`;
}

function unit(origin: string, n: number): string {
  if (origin === 'array' || origin === 'set') return n === 1 ? ' item' : ' items';
  if (origin === 'string') return n === 1 ? ' character' : ' characters';
  return '';
}
