// node scripts/contact-sheet.mjs <dir-of-pngs> <out.png> [cols] [thumbWidth]
import sharp from 'sharp';
import { readdirSync } from 'node:fs';
import path from 'node:path';
const [dir, out, colsArg, wArg] = process.argv.slice(2);
const files = readdirSync(dir).filter((f) => f.endsWith('.png')).sort();
const cols = Number(colsArg ?? 6), tw = Number(wArg ?? 270), gap = 12;
const metas = await Promise.all(files.map((f) => sharp(path.join(dir, f)).metadata()));
const th = Math.round(tw * (metas[0].height / metas[0].width));
const rows = Math.ceil(files.length / cols);
const W = cols * tw + (cols + 1) * gap, H = rows * th + (rows + 1) * gap;
const comps = await Promise.all(files.map(async (f, i) => ({ input: await sharp(path.join(dir, f)).resize(tw, th).png().toBuffer(), left: gap + (i % cols) * (tw + gap), top: gap + Math.floor(i / cols) * (th + gap) })));
await sharp({ create: { width: W, height: H, channels: 3, background: '#808080' } }).composite(comps).png().toFile(out);
console.log(out, files.length, 'pages', W + 'x' + H);
