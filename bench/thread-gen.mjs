// A long synthetic thread for benchmarks: varied lengths, marks, lists, headings, emoji.
const WORDS = 'the student model learns from soft targets produced by a larger teacher network at higher temperature so that relative confidence among wrong answers carries useful signal for generalisation'.split(' ');

function sentence(seed, n) {
  const words = Array.from({ length: n }, (_, i) => WORDS[(seed * 7 + i * 3) % WORDS.length]);
  words[0] = words[0][0].toUpperCase() + words[0].slice(1);
  return `${words.join(' ')}.`;
}

export function generateThread(count) {
  const author = { name: 'Bench Author', handle: 'bench' };
  const posts = [];
  for (let i = 0; i < count; i++) {
    let html;
    if (i > 0 && i % 25 === 0) html = `## Part ${i / 25}: ${sentence(i, 5)}`;
    else if (i % 11 === 5) html = `1. ${sentence(i, 18)}`;
    else {
      const n = 1 + (i % 4);
      html = Array.from({ length: n }, (_, k) => sentence(i + k, 10 + ((i + k) % 14))).join(' ');
      if (i % 3 === 0) html = html.replace('soft targets', '<b>soft targets</b>');
      if (i % 5 === 0) html += ' 🚀';
    }
    posts.push({ id: String(i + 1), author, html });
  }
  return { title: `Generated ${count}-post thread`, posts };
}
