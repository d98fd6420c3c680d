import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DesignInput } from '../design/resolve.js';
import { brandKitSchema } from '../design/brand-schema.js';
import { SpoolInputError } from '../errors/input-error.js';
import { parseJsonText } from '../model/json-text.js';
import { zodIssuesToInputIssues } from '../errors/schema-issues.js';

/** Reads a brand kit JSON file; avatar and logo paths are resolved against the kit's folder. */
export async function readBrandFile(file: string): Promise<NonNullable<DesignInput['brand']>> {
  return (await readBrandKit(file)).brand;
}

/** A brand kit file as design input: its brand, and its own colours when it names all three. */
export async function readBrandKit(file: string): Promise<{ brand: NonNullable<DesignInput['brand']>; colors?: DesignInput['colors'] }> {
  const place = path.basename(file);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new SpoolInputError(place, `cannot read brand kit: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  const parsed = brandKitSchema.safeParse(parseJsonText(text, place));
  if (!parsed.success) throw new SpoolInputError(place, zodIssuesToInputIssues(parsed.error.issues));
  const kit = parsed.data;
  const dir = path.dirname(path.resolve(file));
  const local = (src?: string) => (src && !/^(data:|https?:)/.test(src) ? path.resolve(dir, src) : src);
  const brand = {
    name: kit.name,
    handle: kit.handle?.replace(/^@/, ''),
    avatar: local(kit.avatar),
    logo: local(kit.logo),
    website: kit.website,
    accent: kit.accent ?? kit.colors?.accent,
    show: kit.show,
  };
  const c = kit.colors;
  const colors = c?.background && c.text && (c.accent ?? kit.accent) ? { background: c.background, text: c.text, accent: (c.accent ?? kit.accent)!, ...(c.backgroundTo ? { backgroundTo: c.backgroundTo } : {}) } : undefined;
  return colors ? { brand, colors } : { brand };
}
