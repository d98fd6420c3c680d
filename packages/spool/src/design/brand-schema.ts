import { z } from 'zod/v3';

export const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a #rrggbb colour');

/** Who a brand kit names and how: the fields a kit file, a stored kit and a deck's design share. */
export const brandIdentityFields = {
  name: z.string().max(80).optional(),
  handle: z.string().max(60).optional(),
  avatar: z.string().optional(),
  logo: z.string().optional(),
  website: z.string().max(120).optional(),
  accent: hexColour.optional(),
};

/** Which header and footer parts show. */
export const brandShowFields = {
  header: z.boolean(), footer: z.boolean(), avatar: z.boolean(), name: z.boolean(), handle: z.boolean(),
  logo: z.boolean(), website: z.boolean(), pageNumbers: z.boolean(), swipeHint: z.boolean(),
};

/** A brand kit as users write it in a JSON file (and the studio stores it): every part optional. */
export const brandKitSchema = z.strictObject({
  ...brandIdentityFields,
  /** The kit's own colours: with background, text and accent all given, a custom theme is made of them. */
  colors: z.strictObject({ accent: hexColour.optional(), background: hexColour.optional(), backgroundTo: hexColour.optional(), text: hexColour.optional() }).optional(),
  show: z.strictObject(brandShowFields).partial().optional(),
});

export type BrandKitFile = z.infer<typeof brandKitSchema>;
