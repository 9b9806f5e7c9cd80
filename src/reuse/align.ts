/**
 * Passage alignment between two articles: sentences of one are matched to sentences of the other by
 * IDF-weighted overlap of stemmed content words, which survives synonym swaps in a few words, reordered
 * clauses and dropped quote marks. Words inside direct quotes are left out first: two outlets quoting the
 * same speaker share those words without either copying the other.
 *
 * A rewrite changes many words of some sentences; what still shows it is a rewrite is that those sentences
 * stand where the copied ones stand. So a clear match anchors anywhere, a weaker one only next to an
 * anchor and in the same order in both texts: two independent reports of one event share a lead and a
 * key figure, not a sequence of sentences. A sentence cut in two (or two joined) joins its neighbour's pair
 * when the other side's sentence holds most of its words.
 */
import { wordDiff } from '../compare/diff.ts';
import { contentWords, Idf, isFunctionWord } from '../compare/words.ts';
import { type Article, type Passage, quoteParts, type Span } from '../model/index.ts';

/** Sentences this similar are aligned wherever they stand. */
const ANCHOR = 0.5;
/** Sentences this similar are aligned only beside an aligned pair, in the same order in both texts. */
const NEIGHBOUR = 0.3;
/** Sentences with fewer content words are too short to align by themselves. */
const MIN_WORDS = 4;
/** Weighted share of a short sentence's words that its neighbour's counterpart must hold for it to join. */
const JOIN = 0.6;
/** Weighted share of a quote's words the other article must have for the quote to count as shared. */
const SHARED_QUOTE = 0.5;

interface Unit {
  span: Span;
  words: string[];
  distinct: Set<string>;
  /** Names and numbers, normalised like the words. */
  facts: string[];
  /** The content words of each direct quote in the sentence. */
  quoted: string[][];
}

// Text hard-wrapped at a fixed width (plain-text digests, e-mailed copy) comes out of cleaning as one line
// per paragraph, so its sentences are cut at every line end. A piece that does not end like a sentence
// and is followed by one that cannot start one is the same sentence.
const ENDS_SENTENCE = /[.!?\u2026:;"'\u201d\u2019)\]]$/u;
const CONTINUES = /^[\p{Ll}\p{N}]/u;
const LAST_WORD = /([\p{L}\p{N}]+)\W*$/u;

function wrapped(text: string, prev: Span, next: Span): boolean {
  const gap = text.slice(prev.end, next.start);
  if (!gap.includes('\n') || gap.trim()) return false;
  const before = text.slice(prev.start, prev.end);
  if (ENDS_SENTENCE.test(before)) return false;
  if (CONTINUES.test(text.slice(next.start, next.end)) || /[,\u2013-]$/.test(before)) return true;
  // "…from\nDunmere": a line may end on a preposition or article before a name; a headline does not.
  const last = LAST_WORD.exec(before)?.[1];
  return last !== undefined && isFunctionWord(last);
}

interface Prepared {
  text: string;
  sentences: Span[];
  quotes: Article['annotations']['quotes'];
  units: Unit[];
  vocabulary: Set<string>;
}

/**
 * An article's sentences and words, kept while its text and layers are the same objects: detectReuse
 * aligns each article with hundreds of others.
 */
const preparedArticles = new WeakMap<Article, Prepared>();

function prepare(article: Article): Prepared {
  const { sentences, quotes } = article.annotations;
  const cached = preparedArticles.get(article);
  if (cached && cached.text === article.text && cached.sentences === sentences && cached.quotes === quotes)
    return cached;
  const us = units(article);
  const prepared = { text: article.text, sentences, quotes, units: us, vocabulary: vocabulary(us) };
  preparedArticles.set(article, prepared);
  return prepared;
}

function units(article: Article): Unit[] {
  const spans: Span[] = [];
  for (const s of article.annotations.sentences) {
    const last = spans[spans.length - 1];
    if (last && wrapped(article.text, last, s)) last.end = s.end;
    else spans.push({ start: s.start, end: s.end });
  }
  // The pieces of a split quote, not its hull: the attribution between them is the outlet's own words.
  const quotes = article.annotations.quotes.filter((q) => q.direct).flatMap(quoteParts);
  return spans.map((span) => {
    let text = article.text.slice(span.start, span.end);
    const quoted: string[][] = [];
    for (const q of quotes) {
      if (q.end <= span.start || q.start >= span.end) continue;
      const from = Math.max(q.start, span.start) - span.start;
      const to = Math.min(q.end, span.end) - span.start;
      quoted.push(contentWords(text.slice(from, to)));
      text = text.slice(0, from) + ' '.repeat(to - from) + text.slice(to);
    }
    const words = contentWords(text);
    return { span, words, distinct: new Set(words), facts: factsOf(text), quoted };
  });
}

const NUMBER = /^\p{N}+/u;
const CAPITALISED = /^\p{Lu}/u;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\u2019']*/gu;

/** A figure's digits without the unit run into it: "23" of "23km", as "23" of "23-kilometre". */
const figure = (w: string) => NUMBER.exec(w)?.[0];

/**
 * The names and numbers of a sentence: figures, spelt or in digits, and capitalised words past the first.
 * An independent report or a follow-up brings names and figures of its own; a rewrite, however many words
 * it changes, keeps the original's.
 */
function factsOf(text: string): string[] {
  const out: string[] = [];
  for (const w of contentWords(text)) {
    const digits = figure(w);
    if (digits) out.push(digits);
  }
  let first = true;
  for (const [token] of text.matchAll(WORD)) {
    if (!first && CAPITALISED.test(token) && !isFunctionWord(token)) out.push(...contentWords(token));
    first = false;
  }
  return out;
}

/** Every word of an article, quoted or not, with the figures in them: what another's facts are looked up in. */
function vocabulary(us: Unit[]): Set<string> {
  const out = new Set<string>();
  for (const u of us)
    for (const w of [...u.words, ...u.quoted.flat()]) {
      out.add(w);
      const digits = figure(w);
      if (digits) out.add(digits);
    }
  return out;
}

const weight = (w: string, idf: Idf) => Math.max(idf.weight(w), 0.1);

/** Sum of the weights of a sentence's distinct words. */
function mass(words: Set<string>, idf: Idf): number {
  let total = 0;
  for (const w of words) total += weight(w, idf);
  return total;
}

/** Weighted Dice of two sets of words whose masses are known. */
function dice(a: Set<string>, massA: number, b: Set<string>, massB: number, idf: Idf): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let inter = 0;
  for (const w of small) if (large.has(w)) inter += weight(w, idf);
  return massA + massB ? (2 * inter) / (massA + massB) : 0;
}

function weightedDice(a: string[], b: string[], idf: Idf): number {
  const sa = new Set(a);
  const sb = new Set(b);
  return dice(sa, mass(sa, idf), sb, mass(sb, idf), idf);
}

/** Weighted share of `part`'s words that `whole` holds. */
function containment(part: string[], whole: Set<string>, idf: Idf): number {
  let inter = 0;
  let total = 0;
  for (const w of new Set(part)) {
    const x = weight(w, idf);
    total += x;
    if (whole.has(w)) inter += x;
  }
  return total ? inter / total : 0;
}

/** Units a0..a1 of one article aligned with units b0..b1 of the other. */
interface Link {
  a0: number;
  a1: number;
  b0: number;
  b1: number;
  score: number;
}

function alignUnits(ua: Unit[], ub: Unit[], idf: Idf): Link[] {
  const massA = ua.map((u) => mass(u.distinct, idf));
  const massB = ub.map((u) => mass(u.distinct, idf));
  const candidates: { ia: number; ib: number; score: number }[] = [];
  for (let ia = 0; ia < ua.length; ia++) {
    if (ua[ia]!.words.length < MIN_WORDS) continue;
    for (let ib = 0; ib < ub.length; ib++) {
      if (ub[ib]!.words.length < MIN_WORDS) continue;
      const [x, y] = [massA[ia]!, massB[ib]!];
      // Dice cannot pass twice the smaller mass over the sum: most pairs of a long article end here.
      if ((2 * Math.min(x, y)) / (x + y) < NEIGHBOUR) continue;
      const score = dice(ua[ia]!.distinct, x, ub[ib]!.distinct, y, idf);
      if (score >= NEIGHBOUR) candidates.push({ ia, ib, score });
    }
  }
  // Best first, so each sentence goes to its closest counterpart rather than the first one read.
  candidates.sort((x, y) => y.score - x.score || x.ib - y.ib || x.ia - y.ia);
  const links: Link[] = [];
  const linkA = new Int32Array(ua.length).fill(-1);
  const linkB = new Int32Array(ub.length).fill(-1);
  const take = (ia: number, ib: number, score: number) => {
    linkA[ia] = linkB[ib] = links.length;
    links.push({ a0: ia, a1: ia, b0: ib, b1: ib, score });
  };
  const free = (ia: number, ib: number) => linkA[ia] === -1 && linkB[ib] === -1;
  for (const c of candidates) if (c.score >= ANCHOR && free(c.ia, c.ib)) take(c.ia, c.ib, c.score);
  // One or two sentences back or ahead in both texts: a dropped or added sentence between two aligned
  // ones leaves the order intact.
  const besideLink = (ia: number, ib: number) => {
    for (let d = 1; d <= 2; d++)
      for (let e = 1; e <= 2; e++) {
        const before = ia - d >= 0 && ib - e >= 0 ? linkA[ia - d]! : -1;
        if (before >= 0 && before === linkB[ib - e]) return true;
        const after = ia + d < ua.length && ib + e < ub.length ? linkA[ia + d]! : -1;
        if (after >= 0 && after === linkB[ib + e]) return true;
      }
    return false;
  };
  for (let grew = true; grew; ) {
    grew = false;
    for (const c of candidates)
      if (free(c.ia, c.ib) && besideLink(c.ia, c.ib)) {
        take(c.ia, c.ib, c.score);
        grew = true;
      }
  }
  const wordsOf = (us: Unit[], from: number, to: number) => us.slice(from, to + 1).flatMap((u) => u.words);
  // A split sentence: the unaligned piece next to an aligned one joins it when the other side holds it.
  const join = (link: Link, side: 'a' | 'b', at: number): boolean => {
    const [own, other, linked] = side === 'a' ? [ua, ub, linkA] : [ub, ua, linkB];
    if (at < 0 || at >= own.length || linked[at] !== -1 || own[at]!.words.length < 2) return false;
    const counterpart = side === 'a' ? wordsOf(other, link.b0, link.b1) : wordsOf(other, link.a0, link.a1);
    if (containment(own[at]!.words, new Set(counterpart), idf) < JOIN) return false;
    linked[at] = links.indexOf(link);
    if (side === 'a') {
      link.a0 = Math.min(link.a0, at);
      link.a1 = Math.max(link.a1, at);
    } else {
      link.b0 = Math.min(link.b0, at);
      link.b1 = Math.max(link.b1, at);
    }
    link.score = weightedDice(wordsOf(ua, link.a0, link.a1), wordsOf(ub, link.b0, link.b1), idf);
    return true;
  };
  for (let grew = true; grew; ) {
    grew = false;
    for (const link of links)
      for (const [side, at] of [
        ['a', link.a0 - 1],
        ['a', link.a1 + 1],
        ['b', link.b0 - 1],
        ['b', link.b1 + 1],
      ] as const)
        if (join(link, side, at)) grew = true;
  }
  return links.sort((x, y) => x.b0 - y.b0);
}

/** How much of one article the alignment accounts for. */
export interface ArticleCoverage {
  /**
   * Share of the article's own words in aligned sentences. Its own words are the content words outside
   * direct quotes, and the words of quotes the other article does not have: a shared quote is no sign of
   * copying, but quotes the other lacks are content this article has on its own.
   */
  share: number;
  /** Its own words in aligned sentences. */
  words: number;
  /** Names and numbers outside direct quotes, each counted once. */
  facts: number;
  /** How many of those the other article also has, quoted or not. */
  sharedFacts: number;
}

export interface Alignment {
  passages: Passage[];
  /** The larger of the two articles' `share`. */
  coverage: number;
  a: ArticleCoverage;
  b: ArticleCoverage;
}

export function alignArticles(a: Article, b: Article, idf?: Idf): Alignment {
  const pa = prepare(a);
  const pb = prepare(b);
  const ua = pa.units;
  const ub = pb.units;
  const weights = idf ?? new Idf();
  if (!idf) for (const u of [...ua, ...ub]) weights.add(u.words);
  const links = alignUnits(ua, ub, weights);
  // Consecutive aligned sentences in both articles make one passage.
  const merged: (Link & { n: number })[] = [];
  for (const link of links) {
    const last = merged[merged.length - 1];
    if (last && link.a0 === last.a1 + 1 && link.b0 === last.b1 + 1) {
      last.score = (last.score * last.n + link.score) / (last.n + 1);
      last.n++;
      last.a1 = link.a1;
      last.b1 = link.b1;
    } else merged.push({ ...link, n: 1 });
  }
  const slice = (article: Article, us: Unit[], from: number, to: number) => {
    const start = us[from]!.span.start;
    const end = us[to]!.span.end;
    return { start, end, text: article.text.slice(start, end) };
  };
  const passages: Passage[] = merged.map((m) => {
    const inA = slice(a, ua, m.a0, m.a1);
    const inB = slice(b, ub, m.b0, m.b1);
    return {
      a: inA,
      b: inB,
      similarity: Math.round(m.score * 1000) / 1000,
      diff: wordDiff(inA.text, inB.text),
    };
  });
  const covered = (us: Unit[], side: 'a' | 'b', other: Set<string>): ArticleCoverage => {
    const aligned = new Uint8Array(us.length);
    for (const l of links)
      for (let i = side === 'a' ? l.a0 : l.b0; i <= (side === 'a' ? l.a1 : l.b1); i++) aligned[i] = 1;
    let total = 0;
    let words = 0;
    const facts = new Set<string>();
    us.forEach((u, i) => {
      total += u.words.length;
      // The other's words anywhere, quoted or not: a quote it turned into reported speech is shared too.
      for (const q of u.quoted) if (containment(q, other, weights) < SHARED_QUOTE) total += q.length;
      if (aligned[i]) words += u.words.length;
      for (const f of u.facts) facts.add(f);
    });
    let sharedFacts = 0;
    for (const f of facts) if (other.has(f)) sharedFacts++;
    return { share: total ? words / total : 0, words, facts: facts.size, sharedFacts };
  };
  const ca = covered(ua, 'a', pb.vocabulary);
  const cb = covered(ub, 'b', pa.vocabulary);
  return { passages, coverage: Math.max(ca.share, cb.share), a: ca, b: cb };
}
