import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockText, type Block } from '../../src/model/document.js';
import { decodeEntities } from '../../src/formats/markup.js';
import { tokenizeHtml } from '../../src/sources/html-tokens.js';
import { parsePostHtml, safeHref } from '../../src/sources/inline-html.js';
import { parsePostText } from '../../src/sources/line-rules.js';

const texts = (blocks: Block[]) => blocks.map(blockText);

describe('parsePostHtml', () => {
  it('reads bold, italic, code and links as marks', () => {
    const [block] = parsePostHtml('a <b>b <i>bi</i></b> <em>e</em> <code>x&lt;y</code> <a href="https://a.com/p">link</a>');
    expect(block.spans).toEqual([
      { text: 'a ' },
      { text: 'b ', bold: true },
      { text: 'bi', bold: true, italic: true },
      { text: ' ' },
      { text: 'e', italic: true },
      { text: ' ' },
      { text: 'x<y', code: true },
      { text: ' ' },
      { text: 'link', href: 'https://a.com/p' },
    ]);
  });

  it('tolerates misnested, unclosed and stray tags', () => {
    expect(parsePostHtml('<b>bold <i>both</b> italic</i></u></b> tail <b>open')[0].spans).toEqual([
      { text: 'bold ', bold: true },
      { text: 'both', bold: true, italic: true },
      { text: ' italic', italic: true },
      { text: ' tail ' },
      { text: 'open', bold: true },
    ]);
    expect(texts(parsePostHtml('T < 1 and 2 > 1 <3 a <b'))).toEqual(['T < 1 and 2 > 1 <3 a <b']);
  });

  it('decodes named, decimal and hex entities, and leaves unknown ones', () => {
    expect(texts(parsePostHtml('&amp; &mdash; &rsquo;&ldquo;&rdquo; &#8217; &#x2019; &eacute;&yuml; &hellip; &foo; AT&T'))).toEqual([
      '& — ’“” ’ ’ éÿ … &foo; AT&T',
    ]);
    expect(decodeEntities('a&nbsp;b &#150; &#0; &#x110000;')).toBe('a\u00a0b – \uFFFD \uFFFD');
  });

  it('makes empty marks produce nothing', () => {
    expect(parsePostHtml('x<i></i><b></b> y')[0].spans).toEqual([{ text: 'x y' }]);
  });

  it('collapses whitespace but keeps a newline as a line break', () => {
    expect(texts(parsePostHtml('  a \t  b  <b> c </b>  d  '))).toEqual(['a b c d']);
    expect(texts(parsePostHtml('first line\nsecond   line\n\n\nthird'))).toEqual(['first line', 'second line', 'third']);
    expect(texts(parsePostHtml('<p>one</p><p>two<br>three</p><div>four</div>'))).toEqual(['one', 'two', 'three', 'four']);
  });

  it('applies the line rules: headings, numbered and bulleted items, quotes', () => {
    const blocks = parsePostHtml('## Title<br># Top<br>### Deep<br>1. first<br>12) twelfth<br>- dash<br>* star<br>• dot<br>&gt; quoted');
    expect(blocks.map(({ type, level, ordered, ordinal }) => ({ type, level, ordered, ordinal }))).toEqual([
      { type: 'heading', level: 2, ordered: undefined, ordinal: undefined },
      { type: 'heading', level: 1, ordered: undefined, ordinal: undefined },
      { type: 'heading', level: 3, ordered: undefined, ordinal: undefined },
      { type: 'listItem', level: undefined, ordered: true, ordinal: 1 },
      { type: 'listItem', level: undefined, ordered: true, ordinal: 12 },
      { type: 'listItem', level: undefined, ordered: false, ordinal: undefined },
      { type: 'listItem', level: undefined, ordered: false, ordinal: undefined },
      { type: 'listItem', level: undefined, ordered: false, ordinal: undefined },
      { type: 'quote', level: undefined, ordered: undefined, ordinal: undefined },
    ]);
    expect(texts(blocks)).toEqual(['Title', 'Top', 'Deep', 'first', 'twelfth', 'dash', 'star', 'dot', 'quoted']);
    expect(parsePostHtml('<b>## Bold heading</b>')[0]).toEqual({ type: 'heading', level: 2, spans: [{ text: 'Bold heading', bold: true }] });
  });

  it('does not mistake hashtags, years or bare markers for line rules', () => {
    expect(parsePostHtml('#ML is here')[0].type).toBe('paragraph');
    expect(parsePostHtml('2015. A year')[0].type).toBe('paragraph');
    expect(texts(parsePostHtml('##'))).toEqual(['##']);
  });

  it('reads ul/ol lists with start and value', () => {
    const blocks = parsePostHtml('<ul><li>a</li><li>b<ul><li>c</li></ul></li></ul><ol start="4"><li>d<li value="9">e<li>f</ol>after');
    expect(blocks.map((b) => [b.type, b.ordered, b.ordinal, blockText(b)])).toEqual([
      ['listItem', false, undefined, 'a'],
      ['listItem', false, undefined, 'b'],
      ['listItem', false, undefined, 'c'],
      ['listItem', true, 4, 'd'],
      ['listItem', true, 9, 'e'],
      ['listItem', true, 10, 'f'],
      ['paragraph', undefined, undefined, 'after'],
    ]);
  });

  it('keeps link text but drops unsafe hrefs, and moves edge spaces out of links', () => {
    const [block] = parsePostHtml('x<a href=" javascript:alert(1)">bad</a> <a href="//cdn.example.com/a">ok</a><a href="https://a.com"> spaced </a>.');
    expect(block.spans).toEqual([
      { text: 'xbad ' },
      { text: 'ok', href: 'https://cdn.example.com/a' },
      { text: ' ' },
      { text: 'spaced', href: 'https://a.com' },
      { text: ' .' },
    ]);
    expect(safeHref('data:text/html,<b>')).toBeUndefined();
    expect(safeHref('mailto:a@b.com')).toBe('mailto:a@b.com');
    expect(safeHref('www.a.com')).toBe('https://www.a.com');
  });

  it('turns a script payload into inert text', () => {
    const blocks = parsePostHtml(
      'Hi<script>alert(1)</script><img src=x onerror="alert(2)"><style>b{}</style><SCRIPT type=x>evil()</SCRIPT > there<iframe src="https://e.vil">frame</iframe>',
    );
    expect(blocks).toEqual([{ type: 'paragraph', spans: [{ text: 'Hi there' }] }]);
    expect(texts(parsePostHtml('<script>never closed'))).toEqual([]);
    expect(texts(parsePostHtml('<span style="color:red" onclick="x()">kept</span><div class="a">text</div>'))).toEqual(['kept', 'text']);
  });

  it('skips comments and doctype, and finds links in the text', () => {
    const blocks = parsePostHtml('<!DOCTYPE html><!-- note -->See https://a.com/x, @jack and #ML');
    expect(blocks[0].spans.map((s) => [s.text, s.tag])).toEqual([
      ['See ', undefined],
      ['https://a.com/x', 'url'],
      [', ', undefined],
      ['@jack', 'mention'],
      [' and ', undefined],
      ['#ML', 'hashtag'],
    ]);
  });

  it('keeps marks on linkified text', () => {
    expect(parsePostHtml('<b>by @ada</b>')[0].spans).toEqual([
      { text: 'by ', bold: true },
      { text: '@ada', bold: true, href: 'https://x.com/ada', tag: 'mention' },
    ]);
  });

  it('never throws and never lets markup through (property)', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.constantFrom('<b>', '</b>', '<i>', '</i>', '<a href="javascript:x">', '<a href=https://a.com>', '</a>', '<br>', '<p>',
        '</p>', '<li>', '<ul>', '</ul>', '<ol>', '<script>', '</script>', '<style>', '&amp;', '&#x1F600;', '&', '<', '>', '\n',
        '## ', '1. ', '> ', '<!--', '-->', '"', "'", '<img onerror=alert(1)>'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const blocks = parsePostHtml(pieces.join(''));
        for (const block of blocks) {
          expect(block.spans.length).toBeGreaterThan(0);
          for (const span of block.spans) {
            expect(span.text).not.toBe('');
            expect(span.text).not.toMatch(/\n/);
            if (span.href) expect(span.href).toMatch(/^(https?:\/\/|mailto:)/i);
          }
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('tokenizeHtml', () => {
  it('reads quoted, unquoted and bare attributes', () => {
    expect(tokenizeHtml(`<a HREF='x' data-a=1 disabled title="a &amp; b">`)).toEqual([
      { kind: 'open', name: 'a', attrs: { href: 'x', 'data-a': '1', disabled: '', title: 'a & b' }, selfClosing: false },
    ]);
  });
});

describe('parsePostText', () => {
  it('keeps the text as written, one block per line, with the same line rules', () => {
    const blocks = parsePostText('Hello  <b>world</b> &amp;\n\n## Part two\n1. step\n- item\n> said');
    expect(texts(blocks)).toEqual(['Hello  <b>world</b> &amp;', 'Part two', 'step', 'item', 'said']);
    expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'heading', 'listItem', 'listItem', 'quote']);
  });
});

describe('code in posts', () => {
  it('reads <pre> as one code block, its lines and indents as written and its language from the class', () => {
    const blocks = parsePostHtml('Look:<pre><code class="language-js">if (a &lt; b) {\n  <span>return</span> a;\n}</code></pre>Done');
    expect(blocks).toEqual([
      { type: 'paragraph', spans: [{ text: 'Look:' }] },
      { type: 'code', lang: 'js', spans: [{ text: 'if (a < b) {\n  return a;\n}', code: true }] },
      { type: 'paragraph', spans: [{ text: 'Done' }] },
    ]);
  });

  it('keeps the code of a <pre> never closed', () => {
    expect(parsePostHtml('<pre>x = 1\ny = 2')).toEqual([{ type: 'code', spans: [{ text: 'x = 1\ny = 2', code: true }] }]);
  });

  it('reads fenced code in post text without applying the line rules inside it', () => {
    const blocks = parsePostText('Steps:\n```bash\n# install\nnpm ci\n- not a bullet\n```\n1. Then run it');
    expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'code', 'listItem']);
    expect(blocks[1]).toEqual({ type: 'code', lang: 'bash', spans: [{ text: '# install\nnpm ci\n- not a bullet', code: true }] });
  });
});
