/**
 * The design half of the build tools' arguments: what `spool build`'s design flags say, as fields.
 * Ids and sizes are checked where the CLI's are, by resolveDesign, so a bad value is refused with
 * the same message (`design: theme: unknown theme "x" (try ...)`).
 */
import { z } from 'zod';
import { layoutIdFor } from '../design/layouts.js';
import type { DesignInput } from '../design/resolve.js';
import type { SpoolDocument } from '../model/document.js';
import { linkOutroForArticles as linkOutro, withBrandKit } from '../node/brand-design.js';

const hex = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb');

export const designShape = {
  ratio: z
    .string()
    .optional()
    .describe('Slide size: linkedin-portrait (default), linkedin-square, instagram-portrait, instagram-square, instagram-tall, instagram-landscape, instagram-story, or WxH in pixels (list_designs ratios).'),
  theme: z.string().optional().describe('Preset theme id (list_designs themes).'),
  layout: z.string().optional().describe('auto (default: each slide composed for its content) or a layout id (list_designs layouts).'),
  pattern: z.string().optional().describe('Background pattern id (list_designs patterns).'),
  pattern_color: hex.optional().describe('Pattern colour, #rrggbb (default the theme\'s).'),
  pattern_opacity: z.number().optional().describe('Pattern opacity, 0..1.'),
  colors: z
    .object({
      background: hex.describe('Background, #rrggbb.'),
      text: hex.describe('Text, #rrggbb.'),
      accent: hex.describe('Accent, #rrggbb.'),
      background_to: hex.optional().describe('A second background for a gradient, #rrggbb.'),
    })
    .optional()
    .describe('Your own colours instead of a theme\'s; the other colours are derived and kept at WCAG AA contrast.'),
  cover_style: z.enum(['title', 'image', 'photo']).optional().describe('title (default), image (the first image full-bleed) or photo (the author large).'),
  align: z.enum(['left', 'center']).optional().describe('How content slides set their text (default left).'),
  emphasis: z.enum(['colour', 'highlight']).optional().describe('A bold key phrase in display text: in the accent colour (default) or on a band of it.'),
  progress: z.enum(['number', 'bar', 'dots']).optional().describe('How the footer shows the reader\'s place (default number, 3/12).'),
  title_font: z.string().optional().describe('Title font: sans, serif, display or mono (list_designs fonts).'),
  body_font: z.string().optional().describe('Body font: sans, serif, display or mono.'),
  title_size: z.number().optional().describe('Title size in units of a 432-wide slide (default 36, 16..96).'),
  body_size: z.number().optional().describe('Body size (default 18, 10..48).'),
  chrome_size: z.number().optional().describe('Header and footer size (default 12, 8..24).'),
  brand: z.string().optional().describe('Path to a brand kit JSON file: name, handle, avatar, logo, website, accent, colors, show.'),
  cta: z.array(z.string()).optional().describe('The outro\'s call-to-action lines, up to three; an empty list leaves the outro out.'),
  outro: z.enum(['follow', 'link', 'subscribe']).optional().describe('follow (default), link (the source\'s address and a QR code) or subscribe (the call to action on an accent card).'),
  cover: z.boolean().optional().describe('false for no cover slide.'),
  header: z.boolean().optional().describe('false to hide the brand header.'),
  footer: z.boolean().optional().describe('false to hide the footer.'),
  headings: z.enum(['section', 'title']).optional().describe('section (default): heading posts become section slides; title: they title the next slide.'),
  images: z.enum(['slide', 'attach']).optional().describe('slide (default): image-only posts get their own slide; attach: they join the slide before.'),
};

type Shape = typeof designShape;
export type DesignArgs = { [K in keyof Shape]?: z.output<Shape[K]> };

/** The design the arguments ask for, with the brand kit read in (what the arguments say wins over the kit). */
export async function designFromArgs(args: DesignArgs): Promise<DesignInput> {
  const cta = args.cta;
  const design: DesignInput = {
    ratio: args.ratio,
    theme: args.theme,
    layout: args.layout === undefined ? undefined : layoutIdFor(args.layout),
    typography: { titleSize: args.title_size, bodySize: args.body_size, chromeSize: args.chrome_size, titleFont: args.title_font, bodyFont: args.body_font },
    pattern: { id: args.pattern, color: args.pattern_color, opacity: args.pattern_opacity },
    brand: { show: { header: args.header, footer: args.footer } },
    cta: { enabled: cta?.length === 0 ? false : undefined, lines: cta?.length ? cta : undefined, style: args.outro },
    plan: { cover: args.cover, headings: args.headings, images: args.images },
    progress: args.progress,
    colors: args.colors && {
      background: args.colors.background,
      text: args.colors.text,
      accent: args.colors.accent,
      ...(args.colors.background_to ? { backgroundTo: args.colors.background_to } : {}),
    },
    align: args.align,
    coverStyle: args.cover_style,
    emphasis: args.emphasis,
  };
  return withBrandKit(design, args.brand);
}

/** A condensed article's outro sends readers to the whole piece, unless the arguments chose an outro. */
export function linkOutroForArticles(design: DesignInput, document: SpoolDocument, args: DesignArgs): void {
  linkOutro(design, document, args.outro !== undefined);
}
