/**
 * An import's warnings in a user's words: `posts[15] (@ada): image media/a.jpg dropped: …` becomes
 * "Post 16: …", and the images the upload lacked are gathered into one list the user can act on.
 */
export interface ImportNotes {
  /** Images (and avatars) the source names that did not come with it. */
  missing: { src: string; post: number }[];
  /** Everything else, said per post. */
  others: string[];
}

const MISSING = /^posts\[(\d+)\][^:]*: (?:image|avatar) (.+?) dropped: (?:it was not uploaded|it is not among the files given)/;
const PLACE = /^posts\[(\d+)\](?: \([^)]*\))?: /;

export function importNotes(warnings: readonly string[]): ImportNotes {
  const missing: ImportNotes['missing'] = [];
  // The same note for many posts is said once, naming them all.
  const byMessage = new Map<string, number[]>();
  for (const warning of warnings) {
    const gone = MISSING.exec(warning);
    if (gone) {
      missing.push({ post: Number(gone[1]) + 1, src: gone[2] });
      continue;
    }
    const place = PLACE.exec(warning);
    const message = place ? warning.slice(place[0].length) : warning;
    const posts = byMessage.get(message) ?? [];
    if (place) posts.push(Number(place[1]) + 1);
    byMessage.set(message, posts);
  }
  const others = [...byMessage].map(([message, posts]) => {
    if (posts.length === 0) return message.charAt(0).toUpperCase() + message.slice(1);
    const label = posts.length === 1 ? `Post ${posts[0]}` : `Posts ${posts.slice(0, -1).join(', ')} and ${posts[posts.length - 1]}`;
    return `${label}: ${message}`;
  });
  return { missing, others };
}

/** The name a picked image travels under: its own, or numbered when two picked files share one. */
export function uniqueNames(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const key = name.toLowerCase();
    const count = seen.get(key) ?? 0;
    seen.set(key, count + 1);
    if (count === 0) return name;
    const dot = name.lastIndexOf('.');
    return dot > 0 ? `${name.slice(0, dot)}-${count + 1}${name.slice(dot)}` : `${name}-${count + 1}`;
  });
}
