// The PDF writer's peer: pdfkit (the writer react-pdf is built on) drawing the same Scenes Spool's
// own writer draws: every rect, path and text run at the same place, in the same embedded fonts.
// pdfkit cannot place glyphs it was handed, so it sets each run's text again with fontkit, which is
// part of what drawing text costs it. Images are left out on both sides: pdfkit reads no SVG emoji.
import PDFDocument from 'pdfkit';

const solid = (paint) => (typeof paint === 'string' ? paint : paint?.stops?.[0]?.color ?? '#000000');

export function withoutImages(scenes) {
  return scenes.map((scene) => ({ ...scene, items: scene.items.filter((item) => item.type !== 'image' && item.type !== 'link') }));
}

export function paintWithPdfkit(scenes, resources) {
  return new Promise((resolve, reject) => {
    const first = scenes[0];
    const doc = new PDFDocument({ size: [first.width, first.height], autoFirstPage: false, compress: true });
    const chunks = [];
    doc.on('data', (c) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    const registered = new Set();
    for (const scene of scenes) {
      doc.addPage({ size: [scene.width, scene.height], margin: 0 });
      for (const item of scene.items) {
        if (item.type === 'rect') {
          const shape = item.radius ? doc.roundedRect(item.x, item.y, item.w, item.h, item.radius) : doc.rect(item.x, item.y, item.w, item.h);
          shape.fillOpacity(item.opacity ?? 1).fill(solid(item.fill));
        } else if (item.type === 'path') {
          doc.path(item.d).fillOpacity(item.opacity ?? 1).fill(solid(item.fill));
        } else if (item.type === 'text') {
          if (!registered.has(item.face)) {
            doc.registerFont(item.face, Buffer.from(resources.face(item.face).bytes));
            registered.add(item.face);
          }
          // pdfkit places text by the top of the line box; the scene gives the baseline.
          doc.font(item.face).fontSize(item.size).fillColor(item.color).fillOpacity(item.opacity ?? 1);
          doc.text(item.text, item.x, item.y, { lineBreak: false, baseline: 'alphabetic' });
        }
      }
    }
    doc.end();
  });
}
