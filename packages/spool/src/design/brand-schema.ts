import { z } from 'zod';

const hex = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a #rrggbb colour');

/** A brand kit as users write it in a JSON file (and the studio stores it). */
export const brandKitSchema = z.strictObject({
  name: z.string().max(80).optional(),
  handle: z.string().max(60).optional(),
  avatar: z.string().optional(),
  logo: z.string().optional(),
  website: z.string().max(120).optional(),
  accent: hex.optional(),
  colors: z.strictObject({ accent: hex.optional() }).optional(),
  show: z
    .strictObject({
      header: z.boolean(), footer: z.boolean(), avatar: z.boolean(), name: z.boolean(), handle: z.boolean(),
      logo: z.boolean(), website: z.boolean(), pageNumbers: z.boolean(), swipeHint: z.boolean(),
    })
    .partial()
    .optional(),
});

export type BrandKitFile = z.infer<typeof brandKitSchema>;
