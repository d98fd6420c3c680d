import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { THEMES } from '../design/themes.js';
import { LAYOUTS, PATTERNS } from '../design/layouts.js';
import { RATIOS } from '../design/ratios.js';
import { FONT_FAMILIES } from '../design/fonts.js';
import { defaultDesign } from '../design/defaults.js';
import { BUNDLED_FALLBACKS, BUNDLED_FAMILIES, bundledFacePath, bundledFonts } from '../node/fonts.js';
import { emojiSvg } from '../node/emoji.js';
import { weightOrder } from '../text/font-set.js';
import type { FontWeight } from '../text/types.js';
import { ASSET_ID_PATTERN } from '../store/ids.js';
import type { AssetInfo } from '../store/types.js';
import { describeFont } from './asset-ingest.js';
import { HttpError } from './http-errors.js';
import type { ServerContext } from './options.js';

const require = createRequire(import.meta.url);
const WEIGHTS: readonly FontWeight[] = [400, 500, 600, 700, 800];
const EXTRA_LABELS: Record<string, string> = {
  grotesk: 'Space Grotesk',
  noto: 'Noto Sans',
  'noto-thai': 'Noto Sans Thai',
  'noto-arabic': 'Noto Sans Arabic',
  'noto-hebrew': 'Noto Sans Hebrew',
  'noto-devanagari': 'Noto Sans Devanagari',
  'noto-sc': 'Noto Sans SC',
  'noto-tc': 'Noto Sans TC',
  'noto-jp': 'Noto Sans JP',
  'noto-kr': 'Noto Sans KR',
};
const YEAR = 'public, max-age=31536000, immutable';
/** Bundled files change only with a Spool release, so a month with revalidation is safe. */
const MONTH = 'public, max-age=2592000';

export interface FontFamilyInfo {
  id: string;
  label: string;
  /** False for families used only as fallbacks; the design accepts the others. */
  selectable: boolean;
  faces: { weight: FontWeight; italic: boolean }[];
}

let families: FontFamilyInfo[] | undefined;

/** Every bundled family with the faces that exist on disk. */
export function bundledFamilies(): FontFamilyInfo[] {
  families ??= Object.keys(BUNDLED_FAMILIES).map((id) => {
    const known = FONT_FAMILIES.find((f) => f.id === id);
    const faces = WEIGHTS.flatMap((weight) => [false, true].map((italic) => ({ weight, italic }))).filter(({ weight, italic }) => {
      try {
        require.resolve(bundledFacePath(id, weight, italic)!);
        return true;
      } catch {
        return false;
      }
    });
    return { id, label: known?.label ?? EXTRA_LABELS[id] ?? id, selectable: !!known, faces };
  });
  return families;
}

let emojiKeys: string[] | undefined;

function allEmojiKeys(): string[] {
  const dir = path.dirname(require.resolve('@twemoji/svg/package.json'));
  emojiKeys ??= readdirSync(dir).filter((f) => f.endsWith('.svg')).map((f) => f.slice(0, -4)).sort();
  return emojiKeys;
}

export function registerCatalogRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/api/health', async () => ({ ok: true, version: ctx.version, ...ctx.metrics.health() }));

  // Prometheus's place for it; behind the token like /api when one is set (see security.ts).
  app.get('/metrics', async (_request, reply) => reply.type(ctx.metrics.contentType).send(await ctx.metrics.text()));

  app.get('/api/catalog', async () => ({
    themes: THEMES,
    layouts: LAYOUTS,
    ratios: RATIOS,
    patterns: PATTERNS,
    fonts: bundledFamilies(),
    fontFallbacks: BUNDLED_FALLBACKS,
    defaults: defaultDesign(),
    // Whether Rewrite has a model to ask; which one stays on the server.
    rewrite: ctx.options.model !== undefined,
  }));

  // The uploaded fonts, named as the fonts name themselves, for the studio's font pickers.
  app.get('/api/fonts', async () => ctx.store.assets.fonts().map(uploadedFontEntry));

  app.get<{ Params: { family: string; weight: string; style: string } }>('/api/fonts/:family/:weight/:style', async (request, reply) => {
    const { family, style } = request.params;
    const weight = Number(request.params.weight);
    if (!Number.isInteger(weight) || weight < 1 || weight > 1000) throw new HttpError(400, `weight ${request.params.weight}: expected 100 to 900`);
    if (style !== 'normal' && style !== 'italic') throw new HttpError(400, `style ${style}: expected normal or italic`);
    const wanted = WEIGHTS.reduce((best, w) => (Math.abs(w - weight) < Math.abs(best - weight) ? w : best));
    const italic = style === 'italic';
    if (family.startsWith('custom:')) {
      const id = family.slice(7);
      if (!ASSET_ID_PATTERN.test(id)) throw new HttpError(404, `font ${family} not found`);
      const asset = ctx.store.assets.get(id);
      if (asset.kind !== 'font') throw new HttpError(404, `asset ${id} is not a font`);
      const face = asset.font ?? describeFont(asset.bytes, asset.name);
      return reply
        .type(asset.mime)
        .header('cache-control', YEAR)
        .header('x-spool-face', `${family}-${face.weight}${face.italic ? '-italic' : ''}`)
        .send(Buffer.from(asset.bytes.buffer, asset.bytes.byteOffset, asset.bytes.byteLength));
    }
    if (!(family in BUNDLED_FAMILIES)) throw new HttpError(404, `font family ${JSON.stringify(family)} not found (try ${Object.keys(BUNDLED_FAMILIES).join(', ')})`);
    // The same nearest-face rule as the text engine, and the face actually sent named in a header,
    // so the studio can register it under the key the engine will ask for.
    for (const slant of [italic, !italic]) {
      for (const w of weightOrder(wanted)) {
        const bytes = bundledFonts().faceBytes(family, w, slant);
        if (!bytes) continue;
        return reply
          .type('font/ttf')
          .header('cache-control', MONTH)
          .header('x-spool-face', `${family}-${w}${slant ? '-italic' : ''}`)
          .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      }
    }
    throw new HttpError(404, `font family ${family} has no faces`);
  });

  app.get('/api/emoji', async () => ({ keys: allEmojiKeys() }));

  app.get<{ Params: { file: string } }>('/api/emoji/:file', async (request, reply) => {
    const m = /^([0-9a-f]+(?:-[0-9a-f]+)*)\.svg$/.exec(request.params.file);
    const bytes = m ? emojiSvg(m[1]) : undefined;
    if (!bytes) throw new HttpError(404, `emoji ${request.params.file} not found`);
    return reply.type('image/svg+xml').header('cache-control', YEAR).send(Buffer.from(bytes));
  });
}

const WEIGHT_NAMES: Record<number, string> = { 100: 'Thin', 200: 'Extralight', 300: 'Light', 500: 'Medium', 600: 'Semibold', 700: 'Bold', 800: 'Extrabold', 900: 'Black' };

/** An uploaded font as a picker lists it: "Roboto Slab Bold Italic" (older uploads by their file name). */
export function uploadedFontEntry(asset: AssetInfo): { id: string; label: string; family?: string; weight?: number; italic?: boolean } {
  if (!asset.font) return { id: `custom:${asset.id}`, label: asset.name };
  const { family, weight, italic } = asset.font;
  const style = [WEIGHT_NAMES[weight], italic ? 'Italic' : undefined].filter(Boolean).join(' ');
  return { id: `custom:${asset.id}`, label: style ? `${family} ${style}` : family, family, weight, italic };
}
