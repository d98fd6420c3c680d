import { pageMetrics } from '../layout/page-metrics.js';
import type { BuildFormat, BuildResult } from './build.js';

/**
 * What a build made, as `spool build --json` prints it and the MCP server returns it: the files,
 * the design, and per page its composition and what a designer checks (words, smallest text in
 * pixels at the export size, lowest contrast, widows).
 */
export function buildSummary(result: BuildResult, written: string[], warnings: string[], format: BuildFormat) {
  return {
    format,
    output: written,
    bytes: result.files.reduce((n, f) => n + f.bytes.length, 0),
    slides: result.scenes.length,
    title: result.deck.title,
    design: { ratio: result.deck.design.ratio, theme: result.deck.design.theme, layout: result.deck.design.layout },
    pages: result.laidOut.pages.map((p, i) => ({
      page: i + 1,
      slide: p.slideId,
      kind: p.kind,
      layout: p.layout,
      part: p.part,
      bodySize: Math.round(p.bodySize * 100) / 100,
      ...pageMetrics(p, result.laidOut.theme, result.deck.design.ratio.width),
      images: p.elements.flatMap((e) => (e.type === 'image' ? [{ src: e.src.startsWith('data:') ? 'data:…' : e.src, alt: e.alt ?? null }] : [])),
    })),
    warnings,
    timings: result.timings,
  };
}

export type BuildSummary = ReturnType<typeof buildSummary>;
