import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { name, PdfFile, PdfRaw, pdfDate, serialize, textString } from '../../../src/paint/pdf/pdf-objects.js';

const latin1 = (b: Uint8Array) => Buffer.from(b).toString('latin1');

describe('PDF values', () => {
  it('writes numbers, names, strings, arrays and dictionaries', () => {
    expect(serialize([1, 0.12345, -0, 1e21 / 1e21, true, null])).toBe('[1 0.123 0 1 true null]');
    expect(serialize(name('Type'))).toBe('/Type');
    expect(serialize(name('A B#(x)'))).toBe('/A#20B#23#28x#29');
    expect(serialize({ Type: name('Page'), Skip: undefined, Kids: [new PdfRaw('<00ff>')] })).toBe('<</Type /Page\n/Kids [<00ff>]\n>>');
  });

  it('escapes literal strings and writes other text as UTF-16BE with a byte order mark', () => {
    expect(textString('a (b) \\ c')).toBe('(a \\(b\\) \\\\ c)');
    expect(textString('tab\there')).toBe('(tab\\011here)');
    expect(textString('é')).toBe('<FEFF00e9>');
    expect(textString('🚀')).toBe('<FEFFd83dde80>');
  });

  it('formats dates in UTC', () => {
    expect(pdfDate(new Date(Date.UTC(2026, 0, 2, 3, 4, 5)))).toBe('D:20260102030405Z');
  });
});

describe('PdfFile', () => {
  it('writes objects with a cross-reference table whose offsets point at each object', () => {
    const file = new PdfFile();
    const later = file.alloc();
    const page = file.set({ Type: name('Page'), Parent: later });
    file.set({ Type: name('Pages'), Kids: [page], Count: 1 }, later);
    const stream = file.stream({}, 'x'.repeat(500));
    const root = file.set({ Type: name('Catalog'), Pages: later, Extra: stream });
    const text = latin1(file.finish({ Root: root, ID: ['ab', 'ab'] }));

    expect(text.startsWith('%PDF-1.7\n')).toBe(true);
    const xrefAt = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)![1]);
    expect(text.slice(xrefAt, xrefAt + 4)).toBe('xref');
    const entries = text.slice(xrefAt).split('\n').slice(3, 7);
    entries.forEach((entry, i) => {
      const offset = Number(entry.slice(0, 10));
      expect(text.slice(offset, offset + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`);
    });
    expect(text).toContain('/Root 4 0 R');
    expect(text).toContain('/Size 5');
  });

  it('deflates streams and records their length', () => {
    const file = new PdfFile();
    const ref = file.stream({ Type: name('XObject') }, 'q 1 0 0 1 0 0 cm Q\n'.repeat(50));
    const text = latin1(file.finish({ Root: ref, ID: ['00', '00'] }));
    const length = Number(/\/Length (\d+)/.exec(text)![1]);
    expect(text).toContain('/Filter /FlateDecode');
    const start = text.indexOf('stream\n') + 'stream\n'.length;
    const data = Buffer.from(text.slice(start, start + length), 'latin1');
    expect(inflateSync(data).toString('latin1')).toBe('q 1 0 0 1 0 0 cm Q\n'.repeat(50));
    expect(text.slice(start + length, start + length + 10)).toBe('\nendstream');
  });

  it('refuses to finish with an object allocated but never written', () => {
    const file = new PdfFile();
    file.alloc();
    const root = file.set({});
    expect(() => file.finish({ Root: root, ID: ['00', '00'] })).toThrow(/object 1 was allocated but never written/);
  });
});
