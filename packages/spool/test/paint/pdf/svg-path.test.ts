import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pdfNum } from '../../../src/paint/pdf/pdf-color.js';
import { svgPathToPdf } from '../../../src/paint/pdf/svg-path.js';

type Point = [number, number];
type Op = { op: string; args: number[] };

/** The converted operators, parsed back. */
function ops(d: string): Op[] {
  const text = svgPathToPdf(d);
  if (text === '') return [];
  return text.split('\n').map((line) => {
    const parts = line.split(' ');
    const op = parts.pop()!;
    return { op, args: parts.map(Number) };
  });
}

/** Shorthand: operators as `x y m` strings, for exact comparisons. */
const lines = (d: string) => (svgPathToPdf(d) === '' ? [] : svgPathToPdf(d).split('\n'));

/** The end point of every operator (`h` has none). */
const ends = (list: Op[]) => list.filter((o) => o.op !== 'h').map((o) => o.args.slice(-2) as Point);

/** Points along the path's segments, `steps` per segment, subpath starts included. */
function sample(list: Op[], steps = 64): Point[] {
  const points: Point[] = [];
  let p: Point = [0, 0];
  for (const { op, args } of list) {
    if (op === 'm') {
      p = [args[0], args[1]];
      points.push(p);
    } else if (op === 'l') {
      for (let k = 1; k <= steps; k++) points.push([p[0] + ((args[0] - p[0]) * k) / steps, p[1] + ((args[1] - p[1]) * k) / steps]);
      p = [args[0], args[1]];
    } else if (op === 'c') {
      const [x1, y1, x2, y2, x3, y3] = args;
      for (let k = 1; k <= steps; k++) {
        const t = k / steps;
        const u = 1 - t;
        points.push([
          u * u * u * p[0] + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t * t * t * x3,
          u * u * u * p[1] + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * y3,
        ]);
      }
      p = [x3, y3];
    }
  }
  return points;
}

/** Distance from `q` to the sampled path, measured to the chords between samples. */
function distanceToPath(list: Op[], q: Point): number {
  const points = sample(list, 256);
  let best = Infinity;
  for (let k = 1; k < points.length; k++) {
    const [ax, ay] = points[k - 1];
    const [bx, by] = points[k];
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((q[0] - ax) * dx + (q[1] - ay) * dy) / len2));
    best = Math.min(best, Math.hypot(ax + t * dx - q[0], ay + t * dy - q[1]));
  }
  return best;
}

const S = Math.SQRT1_2 * 10; // 7.071…

describe('svgPathToPdf: lines and moves', () => {
  it('writes M, L and Z as m, l and h, one operator per line, without a painting operator', () => {
    expect(svgPathToPdf('M10 20 L30 40 L50 20 Z')).toBe('10 20 m\n30 40 l\n50 20 l\nh');
  });

  it('reads relative m and l from the current point', () => {
    expect(lines('m10 20 l5 5 l-10 0')).toEqual(['10 20 m', '15 25 l', '5 25 l']);
    // A second relative moveto is relative to where the previous segment ended.
    expect(lines('M10 10 L20 10 m5 5 l1 1')).toEqual(['10 10 m', '20 10 l', '25 15 m', '26 16 l']);
  });

  it('reads H, h, V and v as lines keeping the other coordinate', () => {
    expect(lines('M1 2 H10 V20 h-5 v-3')).toEqual(['1 2 m', '10 2 l', '10 20 l', '5 20 l', '5 17 l']);
  });

  it('repeats a command for further arguments, and reads extra moveto pairs as linetos', () => {
    expect(lines('M0 0 1 1 2 2')).toEqual(['0 0 m', '1 1 l', '2 2 l']);
    expect(lines('m1 1 2 2 3 3')).toEqual(['1 1 m', '3 3 l', '6 6 l']);
    expect(lines('M0 0 L1 1 2 2 3 3')).toEqual(['0 0 m', '1 1 l', '2 2 l', '3 3 l']);
    expect(lines('M0 0 h1 2 3 v1 1')).toEqual(['0 0 m', '1 0 l', '3 0 l', '6 0 l', '6 1 l', '6 2 l']);
    expect(lines('M0 0c1 1 2 2 3 3 1 1 2 2 3 3')).toEqual(['0 0 m', '1 1 2 2 3 3 c', '4 4 5 5 6 6 c']);
  });

  it('reads commas and any whitespace between arguments and between repetitions', () => {
    expect(lines('M 0,0 L 1,1, 2,2')).toEqual(['0 0 m', '1 1 l', '2 2 l']);
    expect(lines('\tM\n0\r\n0\fL 1 , 1 ')).toEqual(['0 0 m', '1 1 l']);
    expect(lines('M0 0L1 1L2 2')).toEqual(['0 0 m', '1 1 l', '2 2 l']);
  });

  it('reads the compact number syntax', () => {
    expect(lines('M1.5.5-1-2')).toEqual(['1.5 0.5 m', '-1 -2 l']);
    expect(lines('M.5.5')).toEqual(['0.5 0.5 m']);
    expect(lines('M-.5-.25')).toEqual(['-0.5 -0.25 m']);
    expect(lines('M+1+2')).toEqual(['1 2 m']);
    expect(lines('M1e-3 1E2')).toEqual(['0.001 100 m']);
    expect(lines('M1e+1-2.5e-1')).toEqual(['10 -0.25 m']);
    expect(lines('M5. 6.')).toEqual(['5 6 m']);
    expect(lines('M0.1234567890123456789 1')).toEqual(['0.123 1 m']);
  });

  it('reads numbers however they are spelled and packed, as Number() reads them', () => {
    const spelled = fc
      .tuple(fc.double({ min: -1e7, max: 1e7, noNaN: true }), fc.constantFrom('plain', 'exponent', 'fixed', 'short'))
      .map(([v, form]) => {
        if (form === 'exponent') return v.toExponential();
        if (form === 'fixed') return v.toFixed(6);
        // `.5` and `-.5` rather than `0.5` and `-0.5`.
        if (form === 'short') return String(Math.round(v * 1000) / 1000).replace(/^(-?)0\./, '$1.');
        return String(v);
      });
    /** Joins numbers with a separator only where the grammar needs one. */
    const pack = (words: string[]) =>
      words.reduce((d, w, k) => {
        const prev = words[k - 1] ?? '';
        const glued = k > 0 && (/^[-+]/.test(w) || (w.startsWith('.') && /[.e]/.test(prev)));
        return d + (k === 0 || glued ? '' : ' ') + w;
      }, '');
    fc.assert(
      fc.property(fc.array(fc.tuple(spelled, spelled), { minLength: 1, maxLength: 6 }), (pairs) => {
        const expected = pairs.map(([x, y], k) => `${pdfNum(Number(x))} ${pdfNum(Number(y))} ${k === 0 ? 'm' : 'l'}`).join('\n');
        expect(svgPathToPdf(`M${pack(pairs.flat())}`)).toBe(expected);
        expect(svgPathToPdf(`M ${pairs.flat().join(',')}`)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('rounds to three decimals and never writes -0', () => {
    expect(lines('M1.23456 -0.0004 L-0 0.0005')).toEqual(['1.235 0 m', '0 0.001 l']);
  });

  it('returns the current point to the subpath start after Z, opening a new subpath there', () => {
    // PDF has no implicit moveto after `h`, so one is written where SVG starts the next subpath.
    expect(lines('M10 10 L20 10 L20 20 Z l5 0')).toEqual(['10 10 m', '20 10 l', '20 20 l', 'h', '10 10 m', '15 10 l']);
    expect(lines('M10 10 L20 10 z m5 5 l1 0')).toEqual(['10 10 m', '20 10 l', 'h', '15 15 m', '16 15 l']);
    expect(lines('M10 10 L20 10 Z H30')).toEqual(['10 10 m', '20 10 l', 'h', '10 10 m', '30 10 l']);
    // After a relative moveto, the start is where the moveto went.
    expect(lines('M5 5 m10 0 l0 10 z l1 1')).toEqual(['5 5 m', '15 5 m', '15 15 l', 'h', '15 5 m', '16 6 l']);
  });

  it('writes a second Z in a row once', () => {
    expect(lines('M0 0 L1 0 L1 1 Z Z')).toEqual(['0 0 m', '1 0 l', '1 1 l', 'h']);
  });

  it('draws nothing for empty data or data not starting with a moveto', () => {
    expect(svgPathToPdf('')).toBe('');
    expect(svgPathToPdf('   ')).toBe('');
    expect(svgPathToPdf('L10 10')).toBe('');
    expect(svgPathToPdf('10 10')).toBe('');
    expect(svgPathToPdf('Z')).toBe('');
  });
});

describe('svgPathToPdf: Béziers', () => {
  it('writes C and c as cubics', () => {
    expect(lines('M0 0 C1 2 3 4 5 6')).toEqual(['0 0 m', '1 2 3 4 5 6 c']);
    expect(lines('M10 10 c1 2 3 4 5 6')).toEqual(['10 10 m', '11 12 13 14 15 16 c']);
  });

  it('reflects the previous cubic control point for S and s', () => {
    expect(lines('M0 0 C0 10 10 10 10 0 S20 -10 20 0')).toEqual(['0 0 m', '0 10 10 10 10 0 c', '10 -10 20 -10 20 0 c']);
    expect(lines('M0 0 c0 10 10 10 10 0 s10 -10 10 0')).toEqual(['0 0 m', '0 10 10 10 10 0 c', '10 -10 20 -10 20 0 c']);
    // S after S reflects the second control point of the previous S.
    expect(lines('M0 0 S5 5 10 0 S15 -5 20 0')).toEqual(['0 0 m', '0 0 5 5 10 0 c', '15 -5 15 -5 20 0 c']);
  });

  it('starts S at the current point when the previous segment was not a cubic', () => {
    expect(lines('M0 0 L10 0 S15 5 20 0')).toEqual(['0 0 m', '10 0 l', '10 0 15 5 20 0 c']);
    // A quadratic does not count.
    expect(lines('M0 0 Q5 5 10 0 S15 5 20 0').at(-1)).toBe('10 0 15 5 20 0 c');
  });

  it('raises Q and q to cubics with control points two thirds of the way to the quadratic one', () => {
    expect(lines('M0 0 Q30 30 60 0')).toEqual(['0 0 m', '20 20 40 20 60 0 c']);
    expect(lines('M10 10 q30 30 60 0')).toEqual(['10 10 m', '30 30 50 30 70 10 c']);
  });

  it('reflects the previous quadratic control point for T and t', () => {
    // Q control (30 30) reflects about (60 0) to (90 -30).
    expect(lines('M0 0 Q30 30 60 0 T120 0')).toEqual(['0 0 m', '20 20 40 20 60 0 c', '80 -20 100 -20 120 0 c']);
    expect(lines('M0 0 q30 30 60 0 t60 0')).toEqual(['0 0 m', '20 20 40 20 60 0 c', '80 -20 100 -20 120 0 c']);
    // T after T keeps reflecting: (90 -30) about (120 0) is (150 30).
    expect(lines('M0 0 Q30 30 60 0 T120 0 T180 0').at(-1)).toBe('140 20 160 20 180 0 c');
  });

  it('draws T as a straight curve when the previous segment was not a quadratic', () => {
    // The control point is the current point, so the cubic's arms lie along the chord.
    expect(lines('M0 0 T30 0')).toEqual(['0 0 m', '0 0 10 0 30 0 c']);
    expect(lines('M0 0 C0 10 10 10 10 0 T40 0').at(-1)).toBe('10 0 20 0 40 0 c');
  });
});

describe('svgPathToPdf: arcs', () => {
  it('ends every arc exactly on its end point', () => {
    for (const d of ['M0 0 A10 10 0 0 1 20 0', 'M3.3 4.4 a7 3 33 1 0 12.345 -6.789', 'M0 0 A1 1 0 0 0 17.123 9.877']) {
      const list = ops(d);
      const target = d.startsWith('M3.3') ? [3.3 + 12.345, 4.4 - 6.789] : d.includes('17.123') ? [17.123, 9.877] : [20, 0];
      expect(list.at(-1)!.op).toBe('c');
      expect(list.at(-1)!.args.slice(-2)).toEqual(target.map((v) => Math.round(v * 1000) / 1000));
    }
  });

  it('draws a semicircle through its midpoint, on the side the sweep flag picks', () => {
    // Sweep 1 runs in the positive angle direction: from (0,0) to (20,0) over y < 0 in y-down space.
    const up = ops('M0 0 A10 10 0 0 1 20 0');
    expect(distanceToPath(up, [10, -10])).toBeLessThan(0.01);
    expect(distanceToPath(up, [10 - S, -S])).toBeLessThan(0.01);
    const down = ops('M0 0 A10 10 0 0 0 20 0');
    expect(distanceToPath(down, [10, 10])).toBeLessThan(0.01);
    // Every sample lies on the circle.
    for (const [x, y] of sample(down)) expect(Math.abs(Math.hypot(x - 10, y) - 10)).toBeLessThan(0.01);
  });

  it('splits arcs into cubics of at most 90°', () => {
    const curves = (d: string) => ops(d).filter((o) => o.op === 'c').length;
    expect(curves('M0 0 A10 10 0 0 1 20 0')).toBe(2); // 180°
    expect(curves('M0 0 A10 10 0 0 1 10 10')).toBe(1); // 90°
    expect(curves('M0 0 A10 10 0 1 1 10 10')).toBe(3); // 270°
    expect(curves('M0 0 A10 10 0 0 1 1 0')).toBe(1); // a sliver
    // Segment ends lie on the circle.
    for (const [x, y] of ends(ops('M0 0 A10 10 0 1 1 10 10')).slice(1)) expect(Math.hypot(x - 10, y)).toBeCloseTo(10, 2);
  });

  it('picks the centre and direction from the large-arc and sweep flags', () => {
    // A quarter circle of radius 10 from (0,0) to (10,10): centre (0,10) or (10,0).
    const through = (flags: string, p: Point) => distanceToPath(ops(`M0 0 A10 10 0 ${flags} 10 10`), p);
    expect(through('0 1', [S, 10 - S])).toBeLessThan(0.01); // small arc about (0,10)
    expect(through('0 0', [10 - S, S])).toBeLessThan(0.01); // small arc about (10,0)
    expect(through('1 1', [10, -10])).toBeLessThan(0.01); // large arc about (10,0)
    expect(through('1 1', [10 + S, -S])).toBeLessThan(0.01);
    expect(through('1 0', [-10, 10])).toBeLessThan(0.01); // large arc about (0,10)
    expect(through('1 0', [-S, 10 + S])).toBeLessThan(0.01);
    // And not on the other side.
    expect(through('0 1', [10 - S, S])).toBeGreaterThan(1);
    expect(through('1 0', [10, -10])).toBeGreaterThan(1);
  });

  it('reads flags written without separators', () => {
    expect(svgPathToPdf('M0 0a10 10 0 011 0')).toBe(svgPathToPdf('M0 0 a 10 10 0 0 1 1 0'));
    expect(svgPathToPdf('M0 0a10 10 0 1110 10')).toBe(svgPathToPdf('M0 0 a10 10 0 1 1 10 10'));
    expect(svgPathToPdf('M0 0a10,10,0,1,1,10,10')).toBe(svgPathToPdf('M0 0 a10 10 0 1 1 10 10'));
    expect(svgPathToPdf('M0 0a1 1 0 011 1')).toBe(svgPathToPdf('M0 0 A1 1 0 0 1 1 1'));
  });

  it('reads relative arcs from the current point', () => {
    const absolute = svgPathToPdf('M5 5 L15 5 A10 10 0 0 1 35 5');
    expect(svgPathToPdf('M5 5 L15 5 a10 10 0 0 1 20 0')).toBe(absolute);
  });

  it('scales radii up when they cannot reach the end point', () => {
    // Radius 1 for a 20-wide chord becomes radius 10: the semicircle of the 10-radius arc.
    expect(svgPathToPdf('M0 0 A1 1 0 0 1 20 0')).toBe(svgPathToPdf('M0 0 A10 10 0 0 1 20 0'));
    // An ellipse keeps its ratio: rx 1, ry 2 become 10 and 20.
    const tall = ops('M0 0 A1 2 0 0 1 20 0');
    expect(distanceToPath(tall, [10, -20])).toBeLessThan(0.01);
    for (const [x, y] of sample(tall)) expect(((x - 10) / 10) ** 2 + (y / 20) ** 2).toBeCloseTo(1, 2);
  });

  it('turns the ellipse by the x-axis rotation', () => {
    // Radii 10 (along x turned by 90°, so vertical) and 5: the chord (0,0)-(0,20) is the long axis.
    const list = ops('M0 0 A10 5 90 0 1 0 20');
    expect(distanceToPath(list, [5, 10])).toBeLessThan(0.01);
    for (const [x, y] of sample(list)) expect((x / 5) ** 2 + ((y - 10) / 10) ** 2).toBeCloseTo(1, 2);
    // A whole ellipse with radii 8 and 3 turned by 30° about the origin, as two half arcs between
    // the ends of its long axis: every sample satisfies the turned ellipse's equation.
    const phi = Math.PI / 6;
    const [ex, ey] = [8 * Math.cos(phi), 8 * Math.sin(phi)];
    const whole = ops(`M${ex} ${ey} A8 3 30 0 1 ${-ex} ${-ey} A8 3 30 0 1 ${ex} ${ey}`);
    expect(whole.filter((o) => o.op === 'c')).toHaveLength(4);
    for (const [x, y] of sample(whole)) {
      const u = Math.cos(phi) * x + Math.sin(phi) * y;
      const v = -Math.sin(phi) * x + Math.cos(phi) * y;
      expect((u / 8) ** 2 + (v / 3) ** 2).toBeCloseTo(1, 2);
    }
    // Sweep 1 passes the end of the short axis at +90°.
    expect(distanceToPath(whole, [-3 * Math.sin(phi), 3 * Math.cos(phi)])).toBeLessThan(0.01);
  });

  it('draws a line for a zero radius and nothing for an arc ending where it starts', () => {
    expect(lines('M0 0 A0 5 0 0 1 10 10')).toEqual(['0 0 m', '10 10 l']);
    expect(lines('M0 0 a5 0 0 0 1 10 10')).toEqual(['0 0 m', '10 10 l']);
    expect(lines('M7 7 A5 5 0 1 1 7 7 L8 8')).toEqual(['7 7 m', '8 8 l']);
  });

  it('reads negative radii as their absolute values', () => {
    expect(svgPathToPdf('M0 0 A-10 -10 0 0 1 20 0')).toBe(svgPathToPdf('M0 0 A10 10 0 0 1 20 0'));
  });

  it('closes a full circle drawn as two arcs', () => {
    const list = ops('M0 10 A10 10 0 0 1 20 10 A10 10 0 0 1 0 10 Z');
    expect(list.filter((o) => o.op === 'c')).toHaveLength(4);
    for (const [x, y] of sample(list)) expect(Math.hypot(x - 10, y - 10)).toBeCloseTo(10, 2);
  });
});

describe('svgPathToPdf: malformed data', () => {
  it('stops at the first error and keeps what came before it', () => {
    expect(lines('M0 0 L10 10 L20')).toEqual(['0 0 m', '10 10 l']);
    expect(lines('M0 0 L10 10 X 5 5 L1 1')).toEqual(['0 0 m', '10 10 l']);
    expect(lines('M0 0 L10 10 20')).toEqual(['0 0 m', '10 10 l']);
    expect(lines('M0 0 C1 1 2 2')).toEqual(['0 0 m']);
    expect(lines('M0 0 L1 1 A1 1 0 2 1 5 5')).toEqual(['0 0 m', '1 1 l']); // a flag must be 0 or 1
    expect(lines('M0 0 L1 1 A1 1 0 0')).toEqual(['0 0 m', '1 1 l']);
    // `e` without digits makes the number, and with it the segment it is in, an error, as in Chromium.
    expect(lines('M0 0 L1 1e L2 2')).toEqual(['0 0 m']);
    expect(lines('M0 0 L1 1 Z 5 5')).toEqual(['0 0 m', '1 1 l', 'h']); // Z takes no arguments
    expect(lines('M0 0 L1 1 L')).toEqual(['0 0 m', '1 1 l']);
    expect(lines('M0 0 L1 1 L.')).toEqual(['0 0 m', '1 1 l']);
    expect(lines('M0 0 L1 1 L-')).toEqual(['0 0 m', '1 1 l']);
  });

  it('rejects stray commas', () => {
    expect(lines('M0 0 L1 1,')).toEqual(['0 0 m', '1 1 l']);
    expect(lines('M0 0 L1,,1 L2 2')).toEqual(['0 0 m']);
    expect(lines('M0 0 L1 1, L2 2')).toEqual(['0 0 m', '1 1 l']);
    expect(lines('M0 0 Z, L2 2')).toEqual(['0 0 m', 'h']);
  });

  it('rejects a number too large for a double', () => {
    expect(lines('M0 0 L1 1 L1e999 0')).toEqual(['0 0 m', '1 1 l']);
  });
});

describe('svgPathToPdf: size', () => {
  it('converts a path of thousands of commands in one pass', () => {
    let d = 'M0 0';
    for (let k = 0; k < 3000; k++) d += `l1 ${k % 2 ? -1 : 1}q.5.5 1 0t1 0a.5.5 0 0 1 1 0`;
    const list = ops(d);
    // Per round: 1 line, 1 quadratic, 1 smooth quadratic, and a half-circle arc of two cubics.
    expect(list).toHaveLength(1 + 3000 * 5);
    expect(list.at(-1)!.args.slice(-2)).toEqual([12000, 0]);
  });
});
