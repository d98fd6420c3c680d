/**
 * TextRank over sentences (Mihalcea & Tarau, 2004): sentences are nodes, two sentences are joined by
 * the terms they share (normalised by their lengths' logs), and PageRank finds the sentences the rest
 * of the text keeps returning to. Written here because it is twenty lines over our own term bags,
 * and the libraries that offer it bring their own tokenisers and sentence splitters we already have.
 * The graph is built through an inverted index, so a long article costs its shared terms, not n².
 */

const DAMPING = 0.85;
const ITERATIONS = 40;

/** One score per bag of terms; 1 on average. Bags with no shared terms keep the base score. */
export function textRank(bags: readonly (readonly string[])[]): number[] {
  const n = bags.length;
  if (n === 0) return [];
  const ids = new Map<string, number>();
  const postings: number[][] = [];
  const docs: number[][] = bags.map((bag, i) =>
    bag.map((term) => {
      let id = ids.get(term);
      if (id === undefined) {
        id = postings.length;
        ids.set(term, id);
        postings.push([]);
      }
      postings[id].push(i);
      return id;
    }),
  );
  // A term in a large share of a long text's sentences joins nearly all of them and tells none apart
  // (and its postings, squared, would be most of the work): it is left out of the edges.
  const maxShare = Math.max(40, Math.ceil(n * 0.08));
  for (let i = 0; i < n; i++) docs[i] = docs[i].filter((id) => postings[id].length <= maxShare);
  for (let id = 0; id < postings.length; id++) if (postings[id].length > maxShare) postings[id] = [];
  const norm = bags.map((bag) => Math.log(bag.length + 1));
  // Edges i -> j with their weights, found through the postings of i's terms.
  const neighbours: Int32Array[] = [];
  const weights: Float64Array[] = [];
  const overlap = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const touched: number[] = [];
    for (const id of docs[i]) {
      for (const j of postings[id]) {
        if (j === i) continue;
        if (overlap[j] === 0) touched.push(j);
        overlap[j]++;
      }
    }
    const to = new Int32Array(touched.length);
    const w = new Float64Array(touched.length);
    touched.forEach((j, k) => {
      to[k] = j;
      w[k] = overlap[j] / (norm[i] + norm[j] || 1);
      overlap[j] = 0;
    });
    neighbours.push(to);
    weights.push(w);
  }
  const outSum = weights.map((w) => w.reduce((a, b) => a + b, 0));
  let score = new Float64Array(n).fill(1);
  for (let round = 0, change = Infinity; round < ITERATIONS && change > 1e-6 * n; round++) {
    const next = new Float64Array(n).fill(1 - DAMPING);
    for (let i = 0; i < n; i++) {
      if (outSum[i] === 0) continue;
      const share = (DAMPING * score[i]) / outSum[i];
      const to = neighbours[i];
      const w = weights[i];
      for (let k = 0; k < to.length; k++) next[to[k]] += share * w[k];
    }
    change = 0;
    for (let i = 0; i < n; i++) change += Math.abs(next[i] - score[i]);
    score = next;
  }
  const mean = score.reduce((a, b) => a + b, 0) / n;
  return Array.from(score, (s) => s / (mean || 1));
}
