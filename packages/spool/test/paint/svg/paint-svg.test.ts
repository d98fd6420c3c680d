import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { paintSvg } from '../../../src/paint/svg/index.js';
import type { Scene, TextItem } from '../../../src/scene/types.js';
import { fixtureFace, resources, sampleScene, shapeLine, SLIDE } from '../fixture-scene.js';

/** resvg's XML parser is strict, so a successful parse means the markup is well-formed. */
function parses(svg: string): boolean {
  new Resvg(svg, { font: { loadSystemFonts: false } });
  return true;
}

const ids = (svg: string) => [...svg.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);

describe('paintSvg', () => {
  it('writes a well-formed SVG sized in pixels with a layout-unit viewBox', () => {
    const svg = paintSvg(sampleScene(), resources);
    expect(parses(svg)).toBe(true);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]* viewBox="0 0 432 540" width="1080" height="1350">/);
  });

  it('escapes untrusted text and never emits it as markup', () => {
    const evil = shapeLine('</g><script>alert("x")</script> \u0000 & \'q\'', 10, 50, 16, '#000');
    const scene: Scene = { ...SLIDE, items: [evil] };
    const svg = paintSvg(scene, resources, { title: '<b>Deck</b> & "co"' });
    expect(parses(svg)).toBe(true);
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('\u0000');
    // The slide's name is its text, escaped (the NUL dropped).
    expect(svg).toContain('role="img" aria-label="&lt;/g&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;  &amp; &#39;q&#39;"');
    expect(svg).toContain('<title>&lt;b&gt;Deck&lt;/b&gt; &amp; &quot;co&quot;</title>');
  });

  it('defines each distinct glyph once per face and draws every visible glyph with <use>', () => {
    const scene = sampleScene();
    const svg = paintSvg(scene, resources);
    const texts = scene.items.filter((i): i is TextItem => i.type === 'text');
    const distinct = new Set<string>();
    let drawn = 0;
    for (const t of texts) {
      const face = fixtureFace(t.face);
      for (const g of t.glyphs) {
        if (!face.glyphPath(g.id).trim()) continue;
        distinct.add(`${t.face}/${g.id}`);
        drawn++;
      }
    }
    const defs = svg.match(/<path id="[^"]+" d="/g) ?? [];
    expect(defs).toHaveLength(distinct.size);
    expect(svg.match(/<use href="#spool-f\d+g\d+"/g)).toHaveLength(drawn);
    expect(new Set(ids(svg)).size).toBe(ids(svg).length);
  });

  it('places glyph runs with the font-unit transform and pen positions from the scene', () => {
    const line = shapeLine('AV', 40, 100, 20, '#123456');
    const svg = paintSvg({ ...SLIDE, items: [line] }, resources);
    const scale = 20 / 2048;
    expect(svg).toContain(`<g transform="translate(40 100) scale(${Math.round(scale * 1e6) / 1e6} -${Math.round(scale * 1e6) / 1e6})">`);
    const x = Math.round((line.glyphs[1].x / scale) * 10) / 10;
    expect(svg).toContain(`x="${x}"`);
    expect(svg).toContain('fill="#123456"');
  });

  it('embeds each image once as a data URI and clips cover and rounded images', () => {
    const base = sampleScene();
    const twice: Scene = {
      ...base,
      items: [...base.items, { type: 'image', key: 'photo', x: 300, y: 400, w: 50, h: 50, fit: 'cover' }],
    };
    const svg = paintSvg(twice, resources);
    expect(parses(svg)).toBe(true);
    expect(svg.match(/href="data:image\/jpeg;base64,/g)).toHaveLength(1);
    expect(svg.match(/href="data:image\/png;base64,/g)).toHaveLength(1);
    expect(svg.match(/href="data:image\/svg\+xml;base64,/g)).toHaveLength(1);
    expect(svg.match(/<clipPath /g)).toHaveLength(3);
    expect(svg).toContain('rx="20"');
    expect(svg.match(/aria-label="[^"]*"/)![0]).toContain('A diagram &quot;quoted&quot; &lt;b&gt;');
    // One accessible name, on the root: nothing inside the picture carries ARIA of its own.
    expect(svg.match(/aria-label=/g)).toHaveLength(1);
  });

  it('writes gradients in user space and rounded, stroked rects', () => {
    const svg = paintSvg(sampleScene(), resources);
    expect(svg).toMatch(/<linearGradient id="spool-lg\d+" gradientUnits="userSpaceOnUse" x1="0" y1="0" x2="432" y2="0">/);
    expect(svg).toContain('<stop offset="1" stop-color="#db2777" stop-opacity="0.5"/>');
    expect(svg).toContain('rx="16" fill="#1f2937" stroke="#374151" stroke-width="1"');
  });

  it('keeps only safe links, and none when links are off', () => {
    const scene: Scene = {
      ...SLIDE,
      items: [
        { type: 'link', x: 0, y: 0, w: 10, h: 10, href: 'https://a.example/?x=1&y="2"' },
        { type: 'link', x: 0, y: 0, w: 10, h: 10, href: 'javascript:alert(1)' },
      ],
    };
    const svg = paintSvg(scene, resources);
    expect(svg).toContain('<a href="https://a.example/?x=1&amp;y=&quot;2&quot;"');
    expect(svg).not.toContain('javascript');
    expect(paintSvg(scene, resources, { links: false })).not.toContain('<a ');
  });

  it('refuses colours that are not colours', () => {
    const scene: Scene = {
      ...SLIDE,
      items: [{ type: 'rect', x: 0, y: 0, w: 10, h: 10, fill: 'red" onload="alert(1)' }],
    };
    const svg = paintSvg(scene, resources);
    expect(svg).not.toContain('onload');
    expect(svg).toContain('fill="#000000"');
  });

  it('uses the id prefix so several SVGs can share a page', () => {
    const a = ids(paintSvg(sampleScene(), resources, { idPrefix: 'slide-1' }));
    const b = ids(paintSvg(sampleScene(), resources, { idPrefix: 'slide 2"><x' }));
    expect(a.every((id) => id.startsWith('slide-1-'))).toBe(true);
    expect(b.every((id) => id.startsWith('slide2x-'))).toBe(true);
    expect(a.some((id) => b.includes(id))).toBe(false);
  });

  it('stays browser-safe: no Node built-ins or Buffer in the SVG painter', () => {
    const dir = fileURLToPath(new URL('../../../src/paint/svg/', import.meta.url));
    for (const file of readdirSync(dir)) {
      const source = readFileSync(dir + file, 'utf8');
      expect(source, file).not.toMatch(/from 'node:|require\(|\bBuffer\b|from 'fs'|process\./);
    }
  });
});
