/**
 * How much a unit of an article deserves a slide: its TextRank centrality, weighted the way an editor
 * reads — the opening sentence of a paragraph and of the article carry more, so do bold phrases,
 * figures and the words of the section's heading; a link, a call to subscribe, a lead-in that
 * points at something missing or a fragment carry little.
 */
import { QUESTION, type Section, type Unit } from './outline.js';

/** More than this many words on a slide is a paragraph, not a point. */
export const SLIDE_MAX_WORDS = 40;

const PROMOTION = /\b(subscribe|newsletter|sign up|signup|follow (?:us|me)|follow to|read the full|full article|click (?:here|the)|top comments|share this|upgrade|join (?:us|our)|learn more|buy now|sponsored)\b/i;
const LINK = /https?:\/\/|www\./i;
/** Sentences that lean on the one before them. */
export const DANGLING = /^["“‘(]?(this|that|these|those|it|its|they|such|so|but|and|also|however|then|here|there|thus|hence|instead)\b/i;
/** Pointing at a figure or passage the slide will not have. */
const DEICTIC = /\b(below|above|the following|shown here|this (?:figure|image|chart|diagram|table|video)|in the (?:figure|image|chart|picture))\b/i;
/** Phrases with which authors announce their point (Edmundson's cue words). */
const CUE = /\b(key idea|main idea|core idea|in (?:one|a) sentence|in short|in summary|to summari[sz]e|in a nutshell|the (?:main|core|key) (?:point|insight|lesson|takeaway)|the trick|the insight|the point is|bottom line|what matters|in other words)\b/i;
/** The author talking about the text rather than its subject. */
const META = /^["“]?(?:so,?\s+)?(?:today,? we|in this (?:article|post|piece|episode|guide|issue)|in the (?:previous|last|next) (?:episode|article|post|issue)|let['’]s (?:explore|dive|look|take|start|see|begin)|we['’]ll (?:explore|discuss|cover|look|see)|we will (?:explore|discuss|cover|look|see)|here['’]s (?:what|the|how|why)|read on|without further ado|(?:now,?\s+)?(?:look|let['’]s look) at)\b/i;
const FIGURE = /\d\s?(%|×|x\b|k\b|M\b|B\b|bn\b)|[$€£¥₹]\s?\d/;

export function unitWeight(unit: Unit, section: Section, focus: ReadonlySet<string>, firstInSection: boolean, terms: readonly string[]): number {
  switch (unit.kind) {
    case 'list':
      return 1.35 * (unit.items.length >= 3 ? 1.1 : 1);
    case 'quote':
      return 1.3;
    case 'code':
      return unit.block.spans[0]?.text.split('\n').length <= 14 ? 1.1 : 0.2;
    case 'sentence': {
      const s = unit.sentence;
      let w = 1;
      if (LINK.test(s.text)) w *= 0.1;
      if (PROMOTION.test(s.text)) w *= 0.15;
      if (s.words < 5) w *= 0.25;
      else if (s.words < 8) w *= 0.65;
      if (s.words > SLIDE_MAX_WORDS) w *= 0.45;
      if (/[:…]\s*$|\.\.\.\s*$/.test(s.text)) w *= 0.3;
      // Leaning on the sentence before is worse when that sentence is in another paragraph.
      if (DANGLING.test(s.text)) w *= s.index === 0 ? 0.55 : 0.75;
      if (QUESTION.test(s.text)) w *= 0.8;
      if (DEICTIC.test(s.text)) w *= 0.4;
      if (META.test(s.text)) w *= 0.35;
      if (CUE.test(s.text)) w *= 1.5;
      // A formula or a line of values reads as code, not as a point.
      if ((s.text.match(/\p{L}{3,}/gu)?.length ?? 0) < s.words * 0.5 || /\s=\s/.test(s.text)) w *= 0.4;
      if (s.spans.some((sp) => sp.bold)) w *= 1.3;
      if (FIGURE.test(s.text)) w *= 1.2;
      if (s.index === 0) w *= 1.2;
      if (firstInSection) w *= 1.1;
      if (section.index === 0 && s.index === 0) w *= 1.1;
      if (focus.size > 0) {
        const shared = terms.filter((t) => focus.has(t)).length;
        w *= 1 + 0.5 * Math.min(1, shared / Math.min(focus.size, 4));
      }
      return w;
    }
  }
}
