/**
 * An object without its undefined fields, so spreading a partial choice over a complete one keeps
 * what was not chosen (`{ ...base, ...definedOnly(patch) }`). The one copy every merge of designs,
 * patches and flags uses.
 */
export function definedOnly<T extends object>(value: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}
