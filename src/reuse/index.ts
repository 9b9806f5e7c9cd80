/**
 * Who copied whom. Exact copies (same words), syndicated and near copies (shingle sketches through an
 * LSH index, then confirmed), and paraphrased copies (sentence alignment that ignores shared quotations)
 * — each pair with its aligned passages, word-level diffs and the likely original.
 */
import { contentWords, Idf } from '../compare/words.ts';
import type { Article, Duplicate, DuplicateKind, Reuse } from '../model/index.ts';
import { type ArticleCoverage, alignArticles } from './align.ts';
import { ReuseIndex } from './index-lsh.ts';
import { originalOf } from './lineage.ts';

export { alignArticles } from './align.ts';
export { ReuseIndex } from './index-lsh.ts';
export { originalOf } from './lineage.ts';
export {
  fitStoryWeights,
  StoryIdf,
  type StoryProfile,
  type StorySignals,
  type StoryText,
  storyProfile,
  storyScore,
  storySignals,
  storySimilarity,
  storySimilarityOf,
} from './similarity.ts';
export { estimateJaccard, shingleHashes, signature, tokens } from './sketch.ts';

export interface ReuseOptions {
  /** Estimated shingle Jaccard from which two texts are near copies. */
  threshold?: number;
  /** Share of one article's own words that aligned sentences must hold for it to be a paraphrase. */
  paraphraseCoverage?: number;
  /**
   * The lower share that suffices when that article also brings no names or numbers of its own: a heavy
   * rewrite aligns fewer sentences, but unlike a follow-up or an independent report it adds no facts.
   */
  rewriteCoverage?: number;
}

/** Share of an article's names and numbers the other must have for it to add none of its own. */
const SAME_FACTS = 0.9;
/** Fewer names and numbers than this say nothing about where an article's facts came from. */
const MIN_FACTS = 4;

function copied(c: ArticleCoverage, coverage: number, rewrite: number): boolean {
  if (c.share >= coverage) return true;
  return c.share >= rewrite && c.facts >= MIN_FACTS && c.sharedFacts >= SAME_FACTS * c.facts;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

export function detectReuse(
  articles: Article[],
  options: ReuseOptions = {},
): { duplicates: Duplicate[]; reuse: Reuse[] } {
  const threshold = options.threshold ?? 0.5;
  const paraphraseCoverage = options.paraphraseCoverage ?? 0.7;
  const rewriteCoverage = options.rewriteCoverage ?? 0.5;
  const byId = new Map(articles.map((a) => [a.id, a]));
  // Earliest first, so an original is in the index before its copies.
  const ordered = [...articles].sort(
    (x, y) =>
      (Date.parse(x.meta.published ?? '') || Infinity) - (Date.parse(y.meta.published ?? '') || Infinity),
  );
  const index = new ReuseIndex();
  const found = new Map<string, { a: string; b: string; kind: DuplicateKind; similarity: number }>();
  for (const article of ordered) {
    const { exactOf, candidates } = index.insert(
      ReuseIndex.sketch(article.id, article.text),
      Math.min(threshold, 0.3),
    );
    if (exactOf)
      found.set(pairKey(exactOf, article.id), {
        a: exactOf,
        b: article.id,
        kind: 'exact',
        similarity: 1,
      });
    else
      for (const c of candidates) {
        const kind: DuplicateKind | null =
          c.estimate >= 0.8 ? 'near' : c.estimate >= threshold ? 'syndicated' : null;
        if (kind)
          found.set(pairKey(c.id, article.id), { a: c.id, b: article.id, kind, similarity: c.estimate });
      }
  }
  const source = earliestSources(ordered, found);
  // Paraphrase: pairs that share many weighted content words but few shingles.
  const idf = new Idf();
  // Sets built once: the pre-filter below meets every article hundreds of times.
  const bags = new Map(articles.map((a) => [a.id, new Set(contentWords(a.text))]));
  for (const a of articles)
    for (const s of a.annotations.sentences) idf.add(contentWords(a.text.slice(s.start, s.end)));
  const reuse: Reuse[] = [];
  const limit = Math.min(articles.length, 400);
  for (let i = 0; i < limit; i++)
    for (let j = i + 1; j < limit; j++) {
      const a = articles[i]!;
      const b = articles[j]!;
      // Two copies of one original (a wire story republished by many sites) share what each shares with
      // it: aligned with the original alone, n copies give n pairs of passages rather than n² / 2.
      const shared = source.get(a.id);
      if (shared !== undefined && shared === source.get(b.id)) continue;
      const key = pairKey(a.id, b.id);
      const known = found.get(key);
      if (!known && !sharesVocabulary(bags.get(a.id)!, bags.get(b.id)!)) continue;
      const alignment = alignArticles(a, b, idf);
      const side = [alignment.a, alignment.b]
        .filter((c) => copied(c, paraphraseCoverage, rewriteCoverage))
        .sort((x, y) => y.share - x.share)[0];
      if (!known && !side) {
        if (alignment.passages.length) reuse.push({ a: a.id, b: b.id, passages: alignment.passages });
        continue;
      }
      if (!known)
        found.set(key, {
          a: a.id,
          b: b.id,
          kind: 'paraphrase',
          similarity: side!.share,
        });
      reuse.push({ a: a.id, b: b.id, passages: alignment.passages });
    }
  const duplicates: Duplicate[] = [...found.values()].map((d) => {
    const original = originalOf(byId.get(d.a)!, byId.get(d.b)!).id;
    return { ...d, similarity: Math.round(d.similarity * 1000) / 1000, original };
  });
  return { duplicates, reuse };
}

/**
 * Each copy's earliest source: of the articles before it that it copies word for word or nearly (found
 * through the shingle index), the first. An original has none.
 */
function earliestSources(
  ordered: Article[],
  found: Map<string, { a: string; b: string }>,
): Map<string, string> {
  const position = new Map(ordered.map((a, i) => [a.id, i]));
  const source = new Map<string, string>();
  for (const { a, b } of found.values()) {
    const [earlier, later] = position.get(a)! < position.get(b)! ? [a, b] : [b, a];
    const current = source.get(later);
    if (current === undefined || position.get(earlier)! < position.get(current)!) source.set(later, earlier);
  }
  return source;
}

/** Cheap pre-filter before sentence alignment: 35% of the smaller text's distinct words in common. */
function sharesVocabulary(sa: Set<string>, sb: Set<string>): boolean {
  const [small, large] = sa.size <= sb.size ? [sa, sb] : [sb, sa];
  if (small.size === 0) return false;
  let hit = 0;
  for (const w of small) if (large.has(w)) hit++;
  return hit / small.size >= 0.35;
}
