/**
 * Passage alignment between two articles: each sentence of one is matched to its most similar sentence
 * of the other by IDF-weighted overlap of stemmed content words, which survives synonym swaps in a few
 * words, reordered clauses and dropped quote marks. Words inside direct quotes are left out first: two
 * outlets quoting the same speaker share those words without either copying the other.
 */
import { wordDiff } from '../compare/diff.ts';
import { contentWords, Idf } from '../compare/words.ts';
import { type Article, type Passage, quoteParts, type Span } from '../model/index.ts';

const ALIGNED = 0.5;

interface Sent {
  span: Span;
  words: string[];
}

function sentencesOutsideQuotes(article: Article): Sent[] {
  // The pieces of a split quote, not its hull: the attribution between them is the outlet's own words.
  const quotes = article.annotations.quotes.filter((q) => q.direct).flatMap(quoteParts);
  return article.annotations.sentences.map((span) => {
    let text = article.text.slice(span.start, span.end);
    for (const q of quotes) {
      if (q.end <= span.start || q.start >= span.end) continue;
      const from = Math.max(q.start, span.start) - span.start;
      const to = Math.min(q.end, span.end) - span.start;
      text = text.slice(0, from) + ' '.repeat(to - from) + text.slice(to);
    }
    return { span, words: contentWords(text) };
  });
}

function weightedDice(a: string[], b: string[], idf: Idf): number {
  const sa = new Set(a);
  const sb = new Set(b);
  let inter = 0;
  let total = 0;
  for (const w of sa) {
    const x = Math.max(idf.weight(w), 0.1);
    total += x;
    if (sb.has(w)) inter += 2 * x;
  }
  for (const w of sb) total += Math.max(idf.weight(w), 0.1);
  return total ? inter / total : 0;
}

export interface Alignment {
  passages: Passage[];
  /** Share of the shorter article's text covered by aligned sentences. */
  coverage: number;
}

export function alignArticles(a: Article, b: Article, idf?: Idf): Alignment {
  const sa = sentencesOutsideQuotes(a);
  const sb = sentencesOutsideQuotes(b);
  const weights = idf ?? new Idf();
  if (!idf) for (const s of [...sa, ...sb]) weights.add(s.words);
  const pairs: { ia: number; ib: number; score: number }[] = [];
  const usedA = new Set<number>();
  for (let ib = 0; ib < sb.length; ib++) {
    if (sb[ib]!.words.length < 4) continue;
    let best = -1;
    let bestScore = ALIGNED;
    for (let ia = 0; ia < sa.length; ia++) {
      if (usedA.has(ia) || sa[ia]!.words.length < 4) continue;
      const score = weightedDice(sa[ia]!.words, sb[ib]!.words, weights);
      if (score > bestScore) {
        best = ia;
        bestScore = score;
      }
    }
    if (best >= 0) {
      usedA.add(best);
      pairs.push({ ia: best, ib, score: bestScore });
    }
  }
  // Consecutive aligned sentences in both articles make one passage.
  const passages: Passage[] = [];
  for (const p of pairs) {
    const last = passages[passages.length - 1] as
      | (Passage & { lastA: number; lastB: number; n: number })
      | undefined;
    const spanA = sa[p.ia]!.span;
    const spanB = sb[p.ib]!.span;
    if (last && p.ia === last.lastA + 1 && p.ib === last.lastB + 1) {
      last.a = { start: last.a.start, end: spanA.end, text: a.text.slice(last.a.start, spanA.end) };
      last.b = { start: last.b.start, end: spanB.end, text: b.text.slice(last.b.start, spanB.end) };
      last.similarity = (last.similarity * last.n + p.score) / (last.n + 1);
      last.n++;
      last.lastA = p.ia;
      last.lastB = p.ib;
    } else
      passages.push({
        a: { ...spanA, text: a.text.slice(spanA.start, spanA.end) },
        b: { ...spanB, text: b.text.slice(spanB.start, spanB.end) },
        similarity: p.score,
        lastA: p.ia,
        lastB: p.ib,
        n: 1,
      } as Passage & { lastA: number; lastB: number; n: number });
  }
  const clean: Passage[] = passages.map((p) => ({
    a: p.a,
    b: p.b,
    similarity: Math.round(p.similarity * 1000) / 1000,
    diff: wordDiff(p.a.text, p.b.text),
  }));
  const covered = (article: Article, spans: Span[]) =>
    spans.reduce((n, s) => n + s.end - s.start, 0) / Math.max(article.text.length, 1);
  const coverage = Math.min(
    Math.max(
      covered(
        a,
        clean.map((p) => p.a),
      ),
      covered(
        b,
        clean.map((p) => p.b),
      ),
    ),
    1,
  );
  return { passages: clean, coverage };
}
