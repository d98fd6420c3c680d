import { describe, expect, it } from 'vitest';
import { markdownToDocument } from '../../src/sources/markdown.js';
import { extractMath } from '../../src/sources/markdown-math.js';
import { importHtml } from '../../src/sources/html-article.js';
import { decodeHtml } from '../../src/sources/html-article-fetch.js';
import { htmlToBlocks } from '../../src/sources/inline-html.js';
import { blockText, type Block, type SpoolDocument } from '../../src/model/document.js';

const blocks = (doc: SpoolDocument): Block[] => doc.posts.flatMap((p) => p.blocks);
const texts = (doc: SpoolDocument): string[] => blocks(doc).map(blockText);
const md = (text: string) => markdownToDocument(text, {}, 'post.md').document;
const filler = 'This paragraph is long enough for the article extractor to keep it as part of the page’s main content. '.repeat(2);
const page = async (body: string, head = '') =>
  (await importHtml({ html: `<!doctype html><html ${head}><head><title>Page</title></head><body><article><h1>Title</h1><p>${filler}</p>${body}<p>${filler}</p></article></body></html>` })).document;

describe('Markdown comes through whole', () => {
  it('reads a table as a table, a slide’s worth of rows at a time under its header', () => {
    const rows = Array.from({ length: 8 }, (_, i) => `| 20${10 + i} | Paper ${i + 1} | **Idea** ${i + 1} |`).join('\n');
    const doc = md(`Intro sentence for the table.\n\n| Year | Paper | Idea |\n|---:|---|:---:|\n${rows}\n`);
    const tables = blocks(doc).filter((b) => b.type === 'table');
    expect(tables).toHaveLength(2);
    expect(tables.map((t) => t.cells!.length)).toEqual([5, 5]);
    for (const t of tables) expect(t.cells![0].map((c) => c.map((s) => s.text).join(''))).toEqual(['Year', 'Paper', 'Idea']);
    expect(tables[1].cells![4].map((c) => c.map((s) => s.text).join(''))).toEqual(['2017', 'Paper 8', 'Idea 8']);
    expect(tables[0].cells![1][2][0]).toEqual({ text: 'Idea', bold: true });
    expect(tables[0].cellAlign).toEqual(['right', 'left', 'center']);
    // Read as text, row by row: nothing flattens to a line of dots.
    expect(blockText(tables[0]).split('\n')[1]).toBe('2010 · Paper 1 · Idea 1');
  });

  it('numbers footnotes in the text and gathers the notes at the end', () => {
    const doc = md('Softmax[^soft] is smooth.[^2] And `[^soft]` in code stays.\n\n[^soft]: The normalized exponential,\n    named by Bridle.\n[^2]: A *second* note.\n');
    const all = texts(doc);
    expect(all[0]).toBe('Softmax¹ is smooth.² And [^soft] in code stays.');
    expect(all.join('\n')).not.toMatch(/\[\^\w+\]:/);
    const notes = blocks(doc).filter((b) => b.type === 'listItem');
    expect(notes.map((b) => [b.ordinal, blockText(b)])).toEqual([[1, 'The normalized exponential, named by Bridle.'], [2, 'A second note.']]);
    expect(all).toContain('Notes');
  });

  it('typesets TeX: a display formula as a math block, an inline one as text with italic variables', () => {
    const doc = md('Divide by $T$ first: $softmax(z/T)$, and $5 and $10 stay prices.\n\n$$q_i = \\frac{\\exp(z_i/T)}{\\sum_j \\exp(z_j/T)}$$\n\nAfter.\n');
    const [para, math] = blocks(doc);
    expect(blockText(para).replace(/\u00a0/g, ' ')).toBe('Divide by T first: softmax(z/T), and $5 and $10 stay prices.');
    expect(para.spans.filter((s) => s.italic).map((s) => s.text)).toEqual(['T', 'z', 'T']);
    expect(math.type).toBe('math');
    expect(math.tex).toBe('q_i = \\frac{\\exp(z_i/T)}{\\sum_j \\exp(z_j/T)}');
    // Its spans read it as text, for whatever shows a block's words (alt text, titles, search).
    expect(blockText(math)).toBe('qᵢ = (exp(zᵢ/T))/(∑ⱼ exp(zⱼ/T))');
    // Underscores and backslashes inside a formula are never read as emphasis or escapes.
    expect(texts(md('Sum $a_i * b_i$ and $c_j * d_j$.\n'))[0].replace(/\u00a0/g, ' ')).toBe('Sum aᵢ * bᵢ and cⱼ * dⱼ.');
  });

  it('never pairs $$ across a blank line, and leaves text with private-use characters as written', () => {
    const doc = md('We made $$ from it.\n\n## A heading\n\n- a list item\n\n$$E=mc^2$$\n');
    expect(blocks(doc).map((b) => b.type)).toEqual(['paragraph', 'heading', 'listItem', 'math']);
    expect(texts(md('Icon \ue000 and $x$ here.\n'))[0]).toBe('Icon \ue000 and $x$ here.');
  });

  it('keeps formulas past the last placeholder as their TeX, never deleted', () => {
    const { body, formulas } = extractMath(Array.from({ length: 2050 }, (_, i) => `$x_${i}$`).join(' '));
    expect(formulas).toHaveLength(2048);
    expect(body.endsWith('$x_2048$ $x_2049$')).toBe(true);
  });

  it('turns emoji shortcodes into emoji, outside code', () => {
    expect(texts(md('We ship :rocket: today, :not_an_emoji: stays, and `:tada:` is code.\n'))[0]).toBe('We ship 🚀 today, :not_an_emoji: stays, and :tada: is code.');
  });

  it('keeps pictures written as HTML, with their alt text', () => {
    const doc = md('Intro line.\n\n<img src="diagrams/one.png" alt="The teacher and the student" width="600">\n\nText <img src="two.png" alt="Two"> inline.\n\n<p align="center"><img src="three.png"></p>\n');
    expect(doc.posts.flatMap((p) => p.media)).toEqual([
      { type: 'image', src: 'diagrams/one.png', alt: 'The teacher and the student' },
      { type: 'image', src: 'two.png', alt: 'Two' },
      { type: 'image', src: 'three.png' },
    ]);
    expect(texts(doc)).toContain('Text inline.');
  });

  it('makes a one-slide carousel of a document that is only a heading', () => {
    const doc = md('# Only a heading\n');
    expect(doc.title).toBe('Only a heading');
    expect(texts(doc)).toEqual(['Only a heading']);
  });

  it('keeps a leading block between rules that is not front matter as text', () => {
    const doc = md('---\nA sentence of prose, not metadata.\n---\n\nBody text.\n');
    expect([doc.title, ...texts(doc)].join('\n')).toContain('A sentence of prose, not metadata.');
    expect(md('---\ntitle: Real\nlang: he\ndir: rtl\n---\n\nגוף הטקסט.\n')).toMatchObject({ title: 'Real', lang: 'he', dir: 'rtl' });
  });

  it('shows named and numeric references as the characters they stand for', () => {
    expect(texts(md('Ď is &Dcaron;, &#x1F600; is 😀, and &#x110000; is out of range.\n'))[0]).toBe('Ď is Ď, 😀 is 😀, and \uFFFD is out of range.');
  });
});

describe('HTML comes through whole', () => {
  it('keeps the line breaks a <br> makes inside <pre><code>', async () => {
    const doc = await page('<pre><code class="language-js">const a = 1;<br>const b = 2;<br/>  return a + b;</code></pre>');
    const code = blocks(doc).find((b) => b.type === 'code')!;
    expect(blockText(code)).toBe('const a = 1;\nconst b = 2;\n  return a + b;');
  });

  it('reads MathML: in a sentence as text, on its own line as a formula', async () => {
    const doc = await page(`<p>When <math><mi>a</mi><mo>≠</mo><mn>0</mn></math>, there are two solutions to <math><mi>a</mi><msup><mi>x</mi><mn>2</mn></msup><mo>+</mo><mi>b</mi><mi>x</mi><mo>+</mo><mi>c</mi><mo>=</mo><mn>0</mn></math> and they are</p>
      <math display="block"><semantics><mrow><mi>x</mi><mo>=</mo><mfrac><mi>b</mi><mn>2</mn></mfrac></mrow><annotation encoding="application/x-tex">x = \\frac{-b \\pm \\sqrt{b^2-4ac}}{2a}</annotation></semantics></math>
      <math display="block"><mi>y</mi><mo>=</mo><mfrac><mn>1</mn><mi>x</mi></mfrac></math>`);
    expect(texts(doc)).toContain('When a ≠ 0, there are two solutions to ax²+bx+c=0 and they are');
    const math = blocks(doc).filter((b) => b.type === 'math').map((b) => b.tex);
    expect(math).toEqual(['x = \\frac{-b \\pm \\sqrt{b^2-4ac}}{2a}', 'y=\\frac{1}{x}']);
  });

  it('reads MathML in a post’s own markup (a thread file, a Mastodon post) as text too', () => {
    const [block] = htmlToBlocks('When <math><mi>a</mi><mo>≠</mo><mn>0</mn></math>, solve <math><mi>a</mi><msup><mi>x</mi><mn>2</mn></msup><mo>+</mo><mi>c</mi><mo>=</mo><mn>0</mn></math> now.');
    expect(blockText(block)).toBe('When a ≠ 0, solve ax²+c=0 now.');
    expect(block.spans.filter((s) => s.italic).map((s) => s.text)).toEqual(['a', 'ax', 'c']);
  });

  it('keeps text written straight into a list, outside any <li>', async () => {
    const doc = await page('<ul>Loose words in the list<li>An item</li></ul>');
    expect(texts(doc)).toEqual(expect.arrayContaining(['Loose words in the list', 'An item']));
  });

  it('reads a table as a table', async () => {
    const doc = await page('<table><caption>Results</caption><thead><tr><th>Model</th><th align="right">Accuracy</th></tr></thead><tbody><tr><td>Teacher</td><td>97%</td></tr><tr><td>Student</td><td>95%</td></tr></tbody></table>');
    const table = blocks(doc).find((b) => b.type === 'table')!;
    expect(table.cells!.map((r) => r.map((c) => c.map((s) => s.text).join('')))).toEqual([['Model', 'Accuracy'], ['Teacher', '97%'], ['Student', '95%']]);
    expect(texts(doc)).toContain('Results');
  });

  it('takes the page’s declared language and direction', async () => {
    expect(await page('', 'lang="he" dir="rtl"')).toMatchObject({ lang: 'he', dir: 'rtl' });
    const plain = await page('');
    expect(plain.lang).toBeUndefined();
    expect(plain.dir).toBeUndefined();
  });

  it('trusts UTF-8 bytes over a stale charset declaration', () => {
    const html = '<html><head><meta charset="gb2312"></head><body><p>知识蒸馏 — “quotes”</p></body></html>';
    expect(decodeHtml(new TextEncoder().encode(html))).toContain('知识蒸馏 — “quotes”');
    // A page really in GB 2312 is still read as one.
    const gbBytes = [214, 170, 202, 182, 213, 244, 193, 243, 202, 199, 210, 187, 214, 214, 196, 163, 208, 205, 209, 185, 203, 245, 183, 189, 183, 168];
    const gb = Uint8Array.from([...new TextEncoder().encode('<meta charset="gb2312"><p>'), ...gbBytes, ...new TextEncoder().encode('</p>')]);
    expect(decodeHtml(gb)).toContain('知识蒸馏是一种模型压缩方法');
    // Two characters of GB 2312 that happen to be valid UTF-8 too are read as declared.
    const short = Uint8Array.from([...new TextEncoder().encode('<meta charset="gb2312"><p>'), ...gbBytes.slice(0, 4), ...new TextEncoder().encode('</p>')]);
    expect(decodeHtml(short)).toContain('知识');
  });
});
