import type { z } from 'zod';
import type { InputIssue } from './errors.js';

/** More than this many problems and the input is likely the wrong file; listing them all would bury the first. */
const MAX_ISSUES = 10;

/** `['posts', 3, 'author', 'handle']` -> `posts[3].author.handle`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** Zod's messages are written for developers; these are short and read well after a path. */
export function shortIssueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (/received undefined$/.test(issue.message)) return 'required';
      return `expected ${typeName(issue.expected)}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `expected ${JSON.stringify(issue.values[0])}`
        : `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small':
      return tooSmall(issue.origin, Number(issue.minimum));
    case 'too_big':
      return `expected at most ${Number(issue.maximum)}${unit(issue.origin, Number(issue.maximum))}`;
    case 'unrecognized_keys':
      return `unknown ${issue.keys.length === 1 ? 'key' : 'keys'} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    case 'invalid_union':
      return 'invalid value';
    case 'invalid_format':
      // A schema's own message ("expected a #rrggbb colour") says more than the format's name.
      return /^Invalid\b/.test(issue.message) ? `expected ${issue.format}` : issue.message;
    default:
      return issue.message;
  }
}

export function zodIssuesToInputIssues(issues: readonly z.core.$ZodIssue[]): InputIssue[] {
  const list = issues.slice(0, MAX_ISSUES).map((issue) => ({
    path: formatIssuePath(issue.path),
    message: shortIssueMessage(issue),
  }));
  if (issues.length > MAX_ISSUES) list.push({ path: '', message: `and ${issues.length - MAX_ISSUES} more problems` });
  return list;
}

function typeName(expected: string): string {
  if (expected === 'int') return 'integer';
  return expected;
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
