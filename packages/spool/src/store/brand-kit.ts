/**
 * Brand kits as the studio stores them: the brand kit file format plus the fonts the kit brings
 * (bundled ids or uploaded fonts as `custom:<asset id>`), which a brand applies to the typography.
 */
import { z } from 'zod/v3';
import { brandKitSchema } from '../design/brand-schema.js';
import { FONT_FAMILIES } from '../design/fonts.js';
import { SpoolInputError } from '../errors/input-error.js';
import { zodIssuesToInputIssues } from '../errors/schema-issues.js';
import { quoteInput } from '../errors/input-error.js';

const kitFont = z.string().refine(
  (id) => /^custom:[0-9a-f]{24}$/.test(id) || FONT_FAMILIES.some((f) => f.id === id),
  (id) => ({ message: `unknown font ${quoteInput(String(id))} (use custom:<asset id> of an uploaded font, or ${FONT_FAMILIES.map((f) => f.id).join(', ')})` }),
);

export const storedBrandKitSchema = brandKitSchema.extend({
  fonts: z.strictObject({ title: kitFont.optional(), body: kitFont.optional() }).optional(),
});

export type StoredBrandKit = z.output<typeof storedBrandKitSchema>;

export function parseStoredBrandKit(json: unknown, where: string): StoredBrandKit {
  const result = storedBrandKitSchema.safeParse(json);
  if (!result.success) throw new SpoolInputError(where, zodIssuesToInputIssues(result.error.issues));
  return result.data;
}

/** Asset ids of the uploaded fonts a kit uses. */
export function kitFontAssets(kit: StoredBrandKit): string[] {
  return [kit.fonts?.title, kit.fonts?.body].filter((f): f is string => !!f?.startsWith('custom:')).map((f) => f.slice(7));
}
