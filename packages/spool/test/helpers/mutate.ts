import fc from 'fast-check';

/**
 * Hostile variations of a valid input for property tests: a valid value with one part replaced by
 * something of the wrong type, size or shape, or a valid text with bytes cut, repeated or swapped.
 */

type Json = unknown;

/** Every path to a value inside `value`, the root included. */
function paths(value: Json, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...at, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...at, k], out);
  return out;
}

function setAt(root: Json, path: (string | number)[], replacement: Json | typeof REMOVE): Json {
  if (path.length === 0) return replacement === REMOVE ? undefined : replacement;
  const copy = structuredClone(root) as Record<string | number, Json>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  const last = path[path.length - 1];
  if (replacement === REMOVE) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = replacement;
  return copy;
}

const REMOVE = Symbol('remove');

/** Values that break assumptions: wrong types, extremes, odd strings, deep nesting. */
export const hostileValue: fc.Arbitrary<Json | typeof REMOVE> = fc.oneof(
  fc.constant(REMOVE),
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, -1, 0, 1e308, -1e308, 2 ** 53 + 1, '', '\u0000', '../../etc/passwd', 'file:///etc/passwd', 'http://169.254.169.254/', '<script>alert(1)</script>', '\uD800', [], {}, true),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constant('x'.repeat(120_000)),
  fc.constant(Array.from({ length: 50 }, () => ({}))),
);

/** `value` with one to three of its parts replaced or removed. */
export function mutatedJson(value: Json): fc.Arbitrary<Json> {
  const all = paths(value);
  return fc.array(fc.tuple(fc.nat(all.length - 1), hostileValue), { minLength: 1, maxLength: 3 }).map((edits) => {
    let out = value;
    for (const [i, replacement] of edits) {
      const current = paths(out);
      out = setAt(out, current[i % current.length], replacement);
    }
    return out;
  });
}

/** `text` with slices cut, repeated, or overwritten with arbitrary characters. */
export function mutatedText(text: string): fc.Arbitrary<string> {
  const edit = fc.tuple(fc.nat(text.length), fc.nat(400), fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom('', '\u0000', '"', '{', ']', '<', '</', '\n\n', '1/', '#')));
  return fc.array(edit, { minLength: 1, maxLength: 6 }).map((edits) => {
    let out = text;
    for (const [at, length, insert] of edits) {
      const start = at % (out.length + 1);
      out = out.slice(0, start) + insert + out.slice(start + length);
    }
    return out;
  });
}
