/**
 * Front matter at the top of a Markdown file (`---` ... `---`). Only flat `key: value` pairs matter to us
 * (title, author, handle, dek, date), so this reads that subset of YAML instead of pulling in a YAML parser;
 * anything nested or unknown is skipped.
 */

export interface FrontMatter {
  title?: string;
  author?: string;
  handle?: string;
  avatar?: string;
  url?: string;
  /** The dek: `subtitle`, `description`, `summary` or `excerpt`. */
  subtitle?: string;
  date?: string;
  /** `lang`, `language` or `locale`: the language tag. */
  lang?: string;
  /** `dir` or `direction`: `rtl` or `ltr`. */
  dir?: string;
}

const KEYS: Record<string, keyof FrontMatter> = {
  title: 'title',
  author: 'author',
  name: 'author',
  handle: 'handle',
  twitter: 'handle',
  x: 'handle',
  avatar: 'avatar',
  url: 'url',
  canonical_url: 'url',
  subtitle: 'subtitle',
  description: 'subtitle',
  summary: 'subtitle',
  excerpt: 'subtitle',
  dek: 'subtitle',
  date: 'date',
  published: 'date',
  pubdate: 'date',
  lang: 'lang',
  language: 'lang',
  locale: 'lang',
  dir: 'dir',
  direction: 'dir',
};

/** A line front matter may hold: `key: value` (or TOML's `key = value`), a list item or continuation, a comment. */
const FRONT_MATTER_LINE = /^(?:[A-Za-z_][\w-]*\s*[:=](?:\s|$)|[ \t]+\S|-\s|#|\s*$)/;

export function splitFrontMatter(text: string): { data: FrontMatter; body: string } {
  const source = text.replace(/^\uFEFF/, '');
  const open = /^(---|\+\+\+)[ \t]*\r?\n/.exec(source);
  if (!open) return { data: {}, body: source };
  const fence = open[1];
  const rest = source.slice(open[0].length);
  const close = new RegExp(`^${fence === '---' ? '(?:---|\\.\\.\\.)' : '\\+\\+\\+'}[ \\t]*$`, 'm').exec(rest);
  if (!close) return { data: {}, body: source };
  const lines = rest.slice(0, close.index).split(/\r?\n/);
  // `---`, a line of prose, `---` is a rule and a heading, not metadata: it stays in the text.
  if (!lines.every((line) => FRONT_MATTER_LINE.test(line)) || !lines.some((line) => /^[A-Za-z_][\w-]*\s*[:=]/.test(line))) {
    return { data: {}, body: source };
  }
  const data: FrontMatter = {};
  for (const line of lines) {
    // TOML front matter (+++) writes `key = "value"`; YAML writes `key: value`.
    const m = /^([A-Za-z_][\w-]*)\s*[:=]\s*(.*)$/.exec(line);
    if (!m) continue;
    const key = KEYS[m[1].toLowerCase()];
    const raw = m[2].trim();
    const value = /^["']/.test(raw) ? unquote(raw) : raw.replace(/\s+#.*$/, '');
    if (key && value !== '' && data[key] === undefined) data[key] = value;
  }
  const after = rest.slice(close.index + close[0].length).replace(/^\r?\n/, '');
  return { data, body: after };
}

function unquote(value: string): string {
  const m = /^(["'])([\s\S]*)\1$/.exec(value);
  if (!m) return value;
  return m[1] === '"' ? m[2].replace(/\\(["\\])/g, '$1') : m[2].replace(/''/g, "'");
}
