// The peer: the same thread drawn by @react-pdf/renderer (text laid out by react-pdf itself,
// one page per post, the same bundled Inter font and page size).
import { createRequire } from 'node:module';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import React from 'react';
import * as ReactPDF from '@react-pdf/renderer';

const require = createRequire(import.meta.url);
const { Document, Page, Text, View, Image, Font, renderToBuffer } = ReactPDF;
const h = React.createElement;
let registered = false;

function register() {
  if (registered) return;
  Font.register({
    family: 'Inter',
    fonts: [
      { src: require.resolve('@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf') },
      { src: require.resolve('@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf'), fontWeight: 700 },
    ],
  });
  // For the scripts row: react-pdf picks no fallback face by itself, so the thread is set in Noto Sans JP.
  Font.register({
    family: 'Noto Sans JP',
    fonts: [
      { src: require.resolve('@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf') },
      { src: require.resolve('@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf'), fontWeight: 700 },
    ],
  });
  registered = true;
}

const strip = (html) => (html ?? '').replace(/<[^>]+>/g, '').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

export async function renderPeer(thread, baseDir, fontFamily = 'Inter') {
  register();
  const pages = thread.posts.map((post, i) =>
    h(Page, { key: i, size: [432, 540], style: { padding: 36, fontFamily, fontSize: 18, backgroundColor: '#FAF7F2' } },
      h(View, { style: { flexDirection: 'row', marginBottom: 20 } },
        h(Text, { style: { fontSize: 12, fontWeight: 700 } }, `${post.author.name} @${post.author.handle}`)),
      h(Text, { style: { lineHeight: 1.45, color: '#1F2328' } }, strip(post.html ?? post.text)),
      ...(post.media ?? []).filter((m) => /\.(jpe?g|png)$/i.test(m.src)).map((m, k) =>
        h(Image, { key: k, src: path.resolve(baseDir, m.src), style: { marginTop: 16, maxHeight: 200, objectFit: 'contain' } })),
      h(Text, { style: { position: 'absolute', bottom: 24, right: 36, fontSize: 12 } }, `${i + 1}/${thread.posts.length}`)),
  );
  return renderToBuffer(h(Document, { title: thread.title ?? 'Thread' }, ...pages));
}

// As a process: node peer-react-pdf.mjs thread.json out.pdf
if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const [input, out] = process.argv.slice(2);
  const thread = JSON.parse(await readFile(input, 'utf8'));
  await writeFile(out, await renderPeer(thread, path.dirname(input)));
}
