import { describe, expect, it } from 'vitest';
import { layoutDeck } from '../../src/layout/layout-deck.js';
import { planDeck } from '../../src/plan/plan-deck.js';
import { resolveDesign, type DesignInput } from '../../src/design/resolve.js';
import { THEMES } from '../../src/design/themes.js';
import { codeColours } from '../../src/layout/code-block.js';
import { pageMetrics } from '../../src/layout/page-metrics.js';
import { MARGIN } from '../../src/layout/context.js';
import { highlightCode } from '../../src/formats/highlight.js';
import { defaultTextEngine } from '../../src/node/fonts.js';
import type { Block } from '../../src/model/document.js';
import type { LaidOutPage, PlacedLine } from '../../src/layout/types.js';
import { doc, para, post } from '../helpers/documents.js';
import { linesOutside } from '../helpers/inspect.js';

const engine = defaultTextEngine();
const code = (text: string, lang = 'python'): Block => ({ type: 'code', lang, spans: [{ text, code: true }] });
const lay = (blocks: Block[], input: DesignInput = {}) =>
  layoutDeck(planDeck(doc([post('1', [para('Cover')]), post('2', blocks)]), resolveDesign({ plan: { cover: false }, ...input } as DesignInput)), engine, () => undefined, { highlight: highlightCode });

/** The lines set in the mono face on a page: the code. */
function codeLines(page: LaidOutPage): PlacedLine[] {
  return page.elements.flatMap((e) => (e.type === 'text' ? e.lines.filter((l) => l.line.runs.some((r) => /mono/i.test(r.face))) : []));
}
const lineText = (l: PlacedLine) => l.line.runs.map((r) => r.text).join('');
const codePage = (laid: ReturnType<typeof lay>) => laid.pages.find((p) => codeLines(p).length > 0)!;

describe('code composition', () => {
  it('sets the code on an editor card in syntax colours, the lead-in above it', () => {
    const laid = lay([para('Unpack instead of indexing:'), code('name, email = row\nfor key in keys:\n    print(key)  # each')]);
    const page = laid.pages.find((p) => p.layout === 'code')!;
    expect(page).toBeDefined();
    const colours = codeColours(laid.theme);
    expect(page.elements.some((e) => e.type === 'rect' && e.fill === colours.card)).toBe(true);
    const lines = codeLines(page);
    // The label, then each source line on its own line with its indent.
    expect(lines.map(lineText)).toEqual(['python', 'name, email = row', 'for key in keys:', '    print(key)  # each']);
    const colourOf = (text: string) => lines.flatMap((l) => l.line.runs).find((r) => r.text.includes(text))?.color;
    expect(colourOf('for')).toBe(colours.tokens.keyword);
    expect(colourOf('# each')).toBe(colours.tokens.comment);
    expect(colourOf('name')).toBe(colours.tokens.text);
    const lead = page.elements.find((e) => e.type === 'text' && !codeLines({ ...page, elements: [e] }).length);
    expect(lead?.type === 'text' && lead.lines[0].baseline).toBeLessThan(lines[0].baseline);
  });

  it('sets a long line smaller rather than wrapping it, while a readable size keeps it whole', () => {
    const long = 'result = compute_all(alpha, beta, gamma, delta)';
    const lines = codeLines(codePage(lay([code(`${long}\nreturn result`)]))).slice(1);
    expect(lines.map(lineText)).toEqual([long, 'return result']);
    // Smaller than a short snippet is set, which is what made it fit.
    const short = codeLines(codePage(lay([code('return result')]))).slice(1);
    expect(lines[0].line.runs[0].size).toBeLessThan(short[0].line.runs[0].size * 0.8);
  });

  it('wraps a line too long for any readable size, its continuation hanging past the indent', () => {
    const long = `    value = ${Array.from({ length: 24 }, (_, i) => `item_${i}`).join(' + ')}`;
    const lines = codeLines(codePage(lay([code(`def f():\n${long}`)]))).slice(1);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.slice(1).map(lineText).join(' ').replace(/\s+/g, ' ').trim()).toBe(long.replace(/\s+/g, ' ').trim());
    // Every piece of the wrapped line starts further in than its first piece's indent.
    expect(lines[2].x).toBeGreaterThan(lines[1].x);
    const size = lines[1].line.runs[0].size;
    expect(lines[2].x - lines[1].x).toBeGreaterThan(size * 0.6 * 4);
  });

  it('continues code too long for one slide over pages at line ends, no line lost and indents kept', () => {
    const source = Array.from({ length: 90 }, (_, i) => (i % 3 === 0 ? `def step_${i}():` : `    return ${i} * factor`)).join('\n');
    const laid = lay([code(source)], { ratio: 'instagram-square' });
    const pages = laid.pages.filter((p) => p.slideId === codePage(laid).slideId);
    expect(pages.length).toBeGreaterThan(1);
    const shown = pages.flatMap((p) => codeLines(p).map(lineText)).filter((t) => t !== 'python');
    expect(shown).toEqual(source.split('\n'));
    expect(linesOutside(laid, MARGIN)).toEqual([]);
  });

  it('keeps every syntax colour at WCAG AA on its card in every theme and ratio', () => {
    const blocks = [para('A small helper:'), code('const add = (a, b) => a + b; // sum\nexport default { add, name: "add", n: 42 };', 'js')];
    for (const theme of THEMES) {
      for (const ratio of ['linkedin-portrait', 'instagram-story']) {
        const laid = lay(blocks, { theme: theme.id, ratio });
        const page = laid.pages.find((p) => p.layout === 'code')!;
        expect(pageMetrics(page, laid.theme, 1080).lowestContrast, `${theme.id} ${ratio}`).toBeGreaterThanOrEqual(4.5);
      }
    }
  });
});
