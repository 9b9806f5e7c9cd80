/**
 * Online story clustering. Each arriving article becomes a TF-IDF vector (title and opening words counted
 * twice, named entities boosted, document frequencies updated as the stream goes, only its strongest terms
 * kept), finds candidate stories through an inverted index over the stories' top terms — so the cost does
 * not grow with the number of live stories — and joins the most similar one above a threshold, else starts
 * a story. A small story is scored by its members' mean similarity to the article (average link), so a
 * loose pair cannot snowball; a grown story by the cosine with its centroid, a profile by then reliable
 * enough to match on. Similarity fades with the time between an article and a story's latest article, but
 * slowly enough that a follow-up a week later still joins. A copy always joins its original's story.
 * When a grown story's centroid comes as close to another's as two tellings of one event, the younger is
 * folded into the older (reported through `takeMerges`). Stories keep only their top terms and are
 * retired after a long silence, so the state stays bounded; decisions never depend on the index's
 * history, so a restored clusterer decides exactly as the one it was saved from.
 *
 * Terms are interned to integer ids (see `vocabulary.ts`): vectors and centroids are parallel typed arrays
 * kept in the order their terms entered, which is the order every sum over them runs in, live and restored
 * alike; saved states still name terms by their strings. Placing an article mostly waits on memory (the
 * state is far larger than the cache), so what it reads is kept together — a term's id, count and
 * document frequency in one table slot, a centroid's ids and weights in one buffer — and scratch arrays
 * are reused rather than allocated per article.
 */
import { contentWords } from '../compare/words.ts';
import type { Article } from '../model/index.ts';
import { grow, IntList, kthLargest, markTop, normOf, type TermVector, Vocabulary } from './vocabulary.ts';

export interface ClusterOptions {
  threshold?: number;
  /** Terms kept per story centroid. */
  topTerms?: number;
  /** Days of silence after which a story is retired from matching. */
  retireAfterDays?: number;
  /** Stories scored in full per article: the most-voted ones. */
  maxCandidates?: number;
  /** The article's strongest terms whose postings vote for candidate stories. */
  probeTerms?: number;
  /** Centroid cosine from which two stories are one (0 turns merging off). */
  mergeThreshold?: number;
  /**
   * Story size up to which an article is scored by its mean similarity to the story's articles (average
   * link); larger stories fade towards the centroid cosine. 0 scores every story by the cosine.
   */
  smallStory?: number;
}

/** A story, its centroid being the vector it extends (read for every candidate, so one hop away). */
interface StoryState extends TermVector {
  id: string;
  /** The creation number ("s12" → 12): the tie-breaker that survives saving and restoring. */
  number: number;
  /** Dense index used by the inverted index and the vote array, so candidate search does no hashing. */
  slot: number;
  title: string;
  /** Euclidean norm of the centroid, kept with it so a comparison costs one pass over the centroid. */
  norm: number;
  count: number;
  last: number | null;
  articles: string[];
}

export interface SerializedClusterer {
  next: number;
  docs: number;
  df: [string, number][];
  stories: {
    id: string;
    title: string;
    centroid: [string, number][];
    count: number;
    last: number | null;
    articles: string[];
  }[];
}

const DAY = 86_400_000;
const BACKGROUND_DOCS = 30;
// Long enough for the whole of most articles; the tail of a very long page adds more noise than signal.
const BODY_CHARS = 10_000;
const REMEMBERED_ARTICLES = 50;
// The opening of an article (its lead: who, what, where) counts again, a title for pages that have none.
const LEAD_CHARS = 400;
// An article's strongest terms: the long tail of a page (boilerplate, asides) blurs more than it tells.
const ARTICLE_TERMS = 100;

type ArticleText = Pick<Article, 'text' | 'meta' | 'annotations'>;

interface TermSink {
  count(term: string, f: number): void;
}

/**
 * Term weights of an article before IDF, reported term by term: title, opening and entity names count
 * more than body words. One walk for `StoryClusterer.terms` and the clusterer's own counting by term id,
 * so the two cannot drift apart.
 */
function countTerms(article: ArticleText, sink: TermSink): void {
  // Indexed loops here: iterating the word lists with for…of allocated on every word.
  const title = contentWords(article.meta.title ?? '');
  for (let i = 0; i < title.length; i++) sink.count(title[i]!, 2);
  // The lead is the body's opening: both are cut at a blank near the lead's end, which no word spans, and
  // the words before it are found once and counted twice, for both. Terms still come first in the order
  // the body and then the lead have them (the lead's end may split a word: its words after the blank are
  // read on their own).
  const text = article.text;
  if (text.length <= LEAD_CHARS) countBodyWords(contentWords(text), 2, sink);
  else {
    const cut = lastBlank(text, LEAD_CHARS);
    countBodyWords(contentWords(text.slice(0, cut)), 2, sink);
    countBodyWords(contentWords(text.slice(cut, BODY_CHARS)), 1, sink);
    countBodyWords(contentWords(text.slice(cut, LEAD_CHARS)), 1, sink);
  }
  for (const e of article.annotations.entities)
    if (e.type !== 'other') sink.count(`@${e.name.toLowerCase()}`, 1 + Math.min(e.mentions.length, 3));
}

/** The last position up to `end` holding a space or a control character (never part of a word), else 0. */
function lastBlank(text: string, end: number): number {
  for (let i = end; i > 0; i--) if (text.charCodeAt(i) <= 32) return i;
  return 0;
}

function countBodyWords(words: readonly string[], f: number, sink: TermSink): void {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const first = w.charCodeAt(0);
    // Bare numbers (years, counts) say little about which story an article belongs to.
    if (first >= 48 && first <= 57 && /^\d+$/.test(w)) continue;
    sink.count(w, f);
  }
}

/** A story's creation number ("s12" → 12): the tie-breaker that survives saving and restoring. */
const storyNumber = (id: string) => Number(id.slice(1));

const emptyVector = (capacity: number): TermVector => ({
  ids: new Int32Array(capacity),
  weights: new Float64Array(capacity),
  size: 0,
});

/** A story record, always built in the one shape that the scoring loop reads (many per article). */
function storyState(
  id: string,
  title: string,
  centroid: TermVector,
  norm: number,
  count: number,
  last: number | null,
  articles: string[],
): StoryState {
  const { ids, weights, size } = centroid;
  return { id, number: storyNumber(id), slot: -1, title, ids, weights, size, norm, count, last, articles };
}

/** Room for a centroid of `size` terms: weights and ids share one buffer, so a comparison reads one block. */
function centroidArrays(size: number): { ids: Int32Array; weights: Float64Array } {
  const buffer = new ArrayBuffer(size * 12);
  return { weights: new Float64Array(buffer, 0, size), ids: new Int32Array(buffer, size * 8, size) };
}

/** Room for `n` entries in a scratch vector (its contents are not kept). */
function reserve(v: TermVector, n: number): TermVector {
  if (v.ids.length < n) {
    v.ids = new Int32Array(Math.max(n, v.ids.length * 2));
    v.weights = new Float64Array(v.ids.length);
  }
  return v;
}

export class StoryClusterer {
  private readonly vocabulary = new Vocabulary();
  private docs = 0;
  private next = 1;
  private stories = new Map<string, StoryState>();
  /** Slots of the stories holding each term among their top terms, by term id. */
  private readonly postings: (number[] | undefined)[] = [];
  private slots: (StoryState | undefined)[] = [];
  private freeSlots: number[] = [];
  /** Votes of the article being placed, by slot; zero between articles. */
  private votes = new Float64Array(1024);
  /** Story numbers by slot, for breaking ties among candidates without visiting the stories. */
  private numbers = new Float64Array(1024);
  private readonly storyOf = new Map<string, string>();
  private merges: { from: string; into: string }[] = [];
  readonly threshold: number;
  private readonly topTerms: number;
  private readonly retireAfter: number;
  private readonly maxCandidates: number;
  private readonly probeTerms: number;
  private readonly mergeThreshold: number;
  private readonly smallStory: number;

  // Scratch, reused for every article so that assignment allocates little beyond the new centroid.
  private readonly article = emptyVector(256);
  private readonly merged = emptyVector(256);
  private keep = new Uint8Array(256);
  private sorted = new Float64Array(256);
  /** An article's term counts and document frequencies, in the order of its terms. */
  private tf = new Float64Array(256);
  private df = new Float64Array(256);
  private readonly touched = new IntList();
  private readonly candidates = new IntList();
  private readonly tied = new IntList();
  /** One vector's weights scattered by term id, for dot products with many centroids; zero between uses. */
  private dense = new Float64Array(1024);
  /**
   * The scattered vector's terms as bits: a few kilobytes that stay in the cache, where most terms of a
   * centroid are not the article's and reading their zeros from `dense` would miss it.
   */
  private present = new Int32Array(32);
  /**
   * Generation marks instead of sets: `stamp` (by term id) marks a centroid's terms while an article is
   * added to it, `seen` (by slot) the stories already compared while looking for a merge.
   */
  private generation = 0;
  private stamp = new Int32Array(1024);
  /** Where each stamped term sits in the centroid being built. */
  private at = new Int32Array(1024);
  private seen = new Int32Array(1024);

  constructor(options: ClusterOptions = {}) {
    this.threshold = options.threshold ?? 0.18;
    this.topTerms = options.topTerms ?? 100;
    this.retireAfter = (options.retireAfterDays ?? 60) * DAY;
    this.maxCandidates = options.maxCandidates ?? 50;
    this.probeTerms = options.probeTerms ?? 12;
    this.mergeThreshold = options.mergeThreshold ?? 0.4;
    this.smallStory = options.smallStory ?? 4;
  }

  get liveStories(): number {
    return this.stories.size;
  }

  storyOfArticle(id: string): string | undefined {
    return this.storyOf.get(id);
  }

  takeMerges(): { from: string; into: string }[] {
    const out = this.merges;
    this.merges = [];
    return out;
  }

  /** Term weights of an article before IDF: title, opening and entity names count more than body words. */
  static terms(article: Pick<Article, 'text' | 'meta' | 'annotations'>): Map<string, number> {
    const tf = new Map<string, number>();
    countTerms(article, { count: (w, f) => tf.set(w, (tf.get(w) ?? 0) + f) });
    return tf;
  }

  /** Room in the arrays indexed by term id for every term interned so far. */
  private fitTerms() {
    const n = this.vocabulary.size;
    if (this.dense.length < n) {
      this.dense = grow(this.dense, n);
      this.present = grow(this.present, (this.dense.length >>> 5) + 1);
      this.stamp = grow(this.stamp, n);
      this.at = grow(this.at, n);
    }
    while (this.postings.length < n) this.postings.push(undefined);
  }

  /** Room in the scratch arrays indexed by position for `n` entries. */
  private fitPositions(n: number) {
    if (this.keep.length < n) {
      this.keep = new Uint8Array(Math.max(n, this.keep.length * 2));
      this.sorted = new Float64Array(this.keep.length);
      this.tf = new Float64Array(this.keep.length);
      this.df = new Float64Array(this.keep.length);
    }
  }

  private nextGeneration(): number {
    if (this.generation === 0x7fffffff) {
      this.generation = 0;
      this.stamp.fill(0);
      this.seen.fill(0);
    }
    return ++this.generation;
  }

  /**
   * The article's unit vector, in the reused `this.article` (valid until the next article), after its terms'
   * document frequencies are counted.
   */
  private vectorize(article: ArticleText): TermVector {
    const vocabulary = this.vocabulary;
    countTerms(article, vocabulary);
    this.fitTerms();
    this.docs++;
    const terms = vocabulary.counted;
    this.fitPositions(terms);
    const v = reserve(this.article, terms);
    const { tf, df } = this;
    vocabulary.endDocument(v.ids, tf, df);
    let n = 0;
    for (let i = 0; i < terms; i++) {
      // A background of unseen documents keeps a small collection (one story's coverage, where every
      // article shares the story's words) from declaring the story's own vocabulary uninformative.
      const x = (1 + Math.log(tf[i]!)) * Math.log((this.docs + BACKGROUND_DOCS) / (df[i]! + 0.5));
      if (x > 0) {
        v.ids[n] = v.ids[i]!;
        v.weights[n++] = x;
      }
    }
    v.size = n;
    if (n > ARTICLE_TERMS) {
      markTop(v.weights, n, ARTICLE_TERMS, this.keep, this.sorted);
      let kept = 0;
      for (let i = 0; i < n; i++)
        if (this.keep[i]) {
          v.ids[kept] = v.ids[i]!;
          v.weights[kept++] = v.weights[i]!;
        }
      v.size = kept;
    }
    const norm = normOf(v.weights, v.size) || 1;
    for (let i = 0; i < v.size; i++) v.weights[i]! /= norm;
    return v;
  }

  private post(id: number, slot: number) {
    const list = this.postings[id];
    if (list) list.push(slot);
    else this.postings[id] = [slot];
  }

  private unpost(id: number, slot: number) {
    const list = this.postings[id];
    if (!list) return;
    const at = list.indexOf(slot);
    if (at >= 0) {
      list[at] = list[list.length - 1]!;
      list.pop();
    }
    if (list.length === 0) this.postings[id] = undefined;
  }

  private register(story: StoryState) {
    story.slot = this.freeSlots.pop() ?? this.slots.length;
    this.slots[story.slot] = story;
    if (this.votes.length < this.slots.length) {
      this.votes = grow(this.votes, this.slots.length);
      this.numbers = grow(this.numbers, this.slots.length);
      this.seen = grow(this.seen, this.slots.length);
    }
    this.numbers[story.slot] = story.number;
    this.stories.set(story.id, story);
  }

  private unregister(story: StoryState) {
    for (let i = 0; i < story.size; i++) this.unpost(story.ids[i]!, story.slot);
    this.stories.delete(story.id);
    this.slots[story.slot] = undefined;
    this.freeSlots.push(story.slot);
  }

  /** Puts a vector's weights in `dense` for `denseDot`; `clear` takes them out again. */
  private scatter(v: TermVector) {
    const { dense, present } = this;
    for (let i = 0; i < v.size; i++) {
      const id = v.ids[i]!;
      dense[id] = v.weights[i]!;
      present[id >>> 5]! |= 1 << (id & 31);
    }
  }

  private clear(v: TermVector) {
    const { dense, present } = this;
    for (let i = 0; i < v.size; i++) {
      const id = v.ids[i]!;
      dense[id] = 0;
      present[id >>> 5] = 0;
    }
  }

  /** The dot product of the scattered vector with a centroid over their shared terms, in the centroid's order. */
  private denseDot(centroid: TermVector): number {
    const { dense, present } = this;
    const { ids, weights, size } = centroid;
    let sum = 0;
    for (let i = 0; i < size; i++) {
      const id = ids[i]!;
      if (present[id >>> 5]! & (1 << (id & 31))) sum += weights[i]! * dense[id]!;
    }
    return sum;
  }

  /**
   * The `k` most-voted slots among those touched (in no particular order: the best candidate does not
   * depend on the order they are scored in).
   */
  private topVoted(touched: IntList, k: number): IntList {
    if (touched.size <= k) return touched;
    const n = touched.size;
    this.fitPositions(n);
    const { votes, sorted: scratch, candidates: out, tied } = this;
    const slots = touched.items;
    for (let i = 0; i < n; i++) scratch[i] = votes[slots[i]!]!;
    const floor = kthLargest(scratch, n, k);
    out.size = 0;
    tied.size = 0;
    for (let i = 0; i < n; i++) {
      const slot = slots[i]!;
      if (votes[slot]! > floor) out.push(slot);
      else if (votes[slot] === floor) tied.push(slot);
    }
    // Ties go to the older stories: the order slots were touched in depends on the index's history, and a
    // restored clusterer must decide exactly as the one it was saved from.
    const room = k - out.size;
    const ties = tied.items;
    if (tied.size <= room) {
      for (let i = 0; i < tied.size; i++) out.push(ties[i]!);
      return out;
    }
    const numbers = this.numbers;
    for (let i = 0; i < tied.size; i++) scratch[i] = numbers[ties[i]!]!;
    // The `room` oldest: up to the room-th smallest story number, with ties on it in touched order as a
    // stable sort would leave them (numbers are unique unless a saved state has ids like "s7" and "s07").
    const newest = kthLargest(scratch, tied.size, tied.size - room + 1);
    let equal = room;
    for (let i = 0; i < tied.size; i++) if (numbers[ties[i]!]! < newest) equal--;
    for (let i = 0; i < tied.size; i++) {
      const slot = ties[i]!;
      if (numbers[slot]! < newest || (numbers[slot] === newest && equal-- > 0)) out.push(slot);
    }
    return out;
  }

  /**
   * Similarity of the scattered unit article vector with a story, walking the centroid (the shorter side).
   * The centroid is the sum of the members' unit vectors, so the dot product over the story's size is the
   * members' mean similarity (average link) and over the centroid's norm the cosine. The cosine of a loose
   * story exceeds its members' mean similarity by up to the square root of its size: a loosely joined small
   * story would pull in ever more. So stories up to `smallStory` articles are scored by the mean, and
   * larger ones fade towards the cosine, the profile of many articles being by then a better judge than
   * any one of them.
   */
  private similarity(story: StoryState): number {
    if (!story.norm) return 0;
    const mean = this.smallStory ? Math.min(1, this.smallStory / story.count) : 0;
    return this.denseDot(story) / (story.norm ** (1 - mean) * story.count ** mean);
  }

  private decay(story: StoryState, time: number | null): number {
    if (time === null || story.last === null) return 1;
    const days = Math.abs(time - story.last) / DAY;
    return days <= 3 ? 1 : Math.exp(-(days - 3) / 21);
  }

  /**
   * Adds term weights to a story's centroid, keeps its top terms, and updates the index and the norm. New
   * terms go after the centroid's own, as a `Map` would order them, and the cut keeps that order.
   */
  private addToCentroid(story: StoryState, weights: TermVector) {
    const c: TermVector = story;
    const old = c.size;
    const m = reserve(this.merged, old + weights.size);
    this.fitPositions(old + weights.size);
    const g = this.nextGeneration();
    const { stamp, at } = this;
    for (let i = 0; i < old; i++) {
      const id = c.ids[i]!;
      m.ids[i] = id;
      m.weights[i] = c.weights[i]!;
      stamp[id] = g;
      at[id] = i;
    }
    // A vector holds each term once, so only the centroid's own terms need marking (none, for a new story).
    let n = old;
    for (let i = 0; i < weights.size; i++) {
      const id = weights.ids[i]!;
      if (old && stamp[id] === g) m.weights[at[id]!]! += weights.weights[i]!;
      else {
        m.ids[n] = id;
        m.weights[n++] = weights.weights[i]!;
      }
    }
    const keep = this.keep;
    const size = markTop(m.weights, n, this.topTerms, keep, this.sorted);
    const { ids, weights: kept } = centroidArrays(size);
    let j = 0;
    for (let i = 0; i < n; i++) {
      const id = m.ids[i]!;
      if (keep[i]) {
        ids[j] = id;
        kept[j++] = m.weights[i]!;
        // Only the terms that entered or left the centroid touch the inverted index.
        if (i >= old) this.post(id, story.slot);
      } else if (i < old) this.unpost(id, story.slot);
    }
    story.ids = ids;
    story.weights = kept;
    story.size = size;
    story.norm = normOf(kept, size);
  }

  private absorb(story: StoryState, v: TermVector, time: number | null, articleId: string) {
    this.addToCentroid(story, v);
    story.count++;
    if (time !== null) story.last = Math.max(story.last ?? time, time);
    story.articles.push(articleId);
    this.storyOf.set(articleId, story.id);
    // Only a story's latest articles are remembered (in memory exactly as in the saved state, so that a
    // restored clusterer decides as the original would): an old copy's original may be forgotten.
    if (story.articles.length > REMEMBERED_ARTICLES) this.storyOf.delete(story.articles.shift()!);
  }

  /** Places an article; `copyOf` names an earlier article it copies. Returns its story id. */
  add(article: Pick<Article, 'id' | 'text' | 'meta' | 'annotations'>, copyOf?: string): string {
    const v = this.vectorize(article);
    const published = Date.parse(article.meta.published ?? '');
    const time = Number.isNaN(published) ? null : published;
    const copied = copyOf ? this.storyOf.get(copyOf) : undefined;
    if (copied && this.stories.has(copied)) {
      this.absorb(this.stories.get(copied)!, v, time, article.id);
      return copied;
    }
    // Candidates: stories sharing the article's strongest terms.
    const keep = this.keep;
    markTop(v.weights, v.size, this.probeTerms, keep, this.sorted);
    const votes = this.votes;
    const touched = this.touched;
    for (let i = 0; i < v.size; i++) {
      const list = keep[i] ? this.postings[v.ids[i]!] : undefined;
      if (!list) continue;
      const x = v.weights[i]!;
      for (let j = 0; j < list.length; j++) {
        const slot = list[j]!;
        if (votes[slot] === 0) touched.push(slot);
        votes[slot]! += x;
      }
    }
    let best: StoryState | undefined;
    let bestScore = this.threshold;
    this.scatter(v);
    const candidates = this.topVoted(touched, this.maxCandidates);
    for (let i = 0; i < candidates.size; i++) {
      const story = this.slots[candidates.items[i]!]!;
      const score = this.similarity(story) * this.decay(story, time);
      if (score > bestScore || (score === bestScore && best && story.number < best.number)) {
        best = story;
        bestScore = score;
      }
    }
    this.clear(v);
    for (let i = 0; i < touched.size; i++) votes[touched.items[i]!] = 0;
    touched.size = 0;
    if (!best) {
      best = storyState(`s${this.next++}`, article.meta.title ?? '', emptyVector(0), 0, 0, time, []);
      this.register(best);
    }
    this.absorb(best, v, time, article.id);
    const survivor = best.count > 1 ? this.mergeInto(best) : best;
    if (time !== null) this.retire(time);
    return survivor.id;
  }

  /**
   * Evidence accumulates: once a grown story's centroid is as close to another story's as two tellings
   * of one event are, the other story (the younger one) is folded into it and the merge is reported.
   */
  private mergeInto(story: StoryState): StoryState {
    if (!this.mergeThreshold) return story;
    const c: TermVector = story;
    const keep = this.keep;
    markTop(c.weights, c.size, this.probeTerms, keep, this.sorted);
    const g = this.nextGeneration();
    const seen = this.seen;
    seen[story.slot] = g;
    // The most similar story above the threshold (the older on a tie), whatever order the index holds.
    let partner: StoryState | undefined;
    let partnerSimilarity = this.mergeThreshold;
    this.scatter(c);
    for (let i = 0; i < c.size; i++) {
      const list = keep[i] ? this.postings[c.ids[i]!] : undefined;
      if (!list) continue;
      for (let j = 0; j < list.length; j++) {
        const slot = list[j]!;
        if (seen[slot] === g) continue;
        seen[slot] = g;
        const other = this.slots[slot]!;
        const similarity = story.norm && other.norm ? this.denseDot(other) / (story.norm * other.norm) : 0;
        if (
          similarity > partnerSimilarity ||
          (similarity === partnerSimilarity && (!partner || other.number < partner.number))
        ) {
          partner = other;
          partnerSimilarity = similarity;
        }
      }
    }
    this.clear(c);
    if (!partner) return story;
    const [into, from] = this.storyOrder(story, partner);
    this.fold(from, into);
    return into;
  }

  /** The older story survives a merge (its id is the one already shown to readers). */
  private storyOrder(a: StoryState, b: StoryState): [StoryState, StoryState] {
    return a.number <= b.number ? [a, b] : [b, a];
  }

  private fold(from: StoryState, into: StoryState) {
    this.unregister(from);
    this.addToCentroid(into, from);
    into.count += from.count;
    if (from.last !== null) into.last = Math.max(into.last ?? from.last, from.last);
    for (const a of from.articles) this.storyOf.set(a, into.id);
    into.articles.push(...from.articles);
    while (into.articles.length > REMEMBERED_ARTICLES) this.storyOf.delete(into.articles.shift()!);
    this.merges.push({ from: from.id, into: into.id });
  }

  private retire(now: number) {
    if (this.docs % 500 !== 0) return;
    for (const story of this.stories.values())
      if (story.last !== null && now - story.last > this.retireAfter) this.unregister(story);
  }

  /** A story's centroid as saved: term strings with their weights, in the centroid's order. */
  private centroidEntries(story: StoryState): [string, number][] {
    const { ids, weights, size } = story;
    const names = this.vocabulary.names;
    const out: [string, number][] = [];
    for (let i = 0; i < size; i++) out.push([names[ids[i]!]!, weights[i]!]);
    return out;
  }

  keywords(storyId: string, n = 8): string[] {
    const story = this.stories.get(storyId);
    if (!story) return [];
    return this.centroidEntries(story)
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([w]) => w.replace(/^@/, ''));
  }

  title(storyId: string): string {
    return this.stories.get(storyId)?.title ?? '';
  }

  toJSON(): SerializedClusterer {
    return {
      next: this.next,
      docs: this.docs,
      df: this.vocabulary.dfEntries(),
      stories: [...this.stories.values()].map((s) => ({
        id: s.id,
        title: s.title,
        centroid: this.centroidEntries(s),
        count: s.count,
        last: s.last,
        articles: s.articles.slice(-50),
      })),
    };
  }

  /**
   * A saved centroid by term id. A term listed twice keeps its first place and its last weight, as a `Map`
   * built from the list would; the norm is summed over the list as saved.
   */
  private restoreCentroid(entries: [string, number][]): { centroid: TermVector; norm: number } {
    const m = reserve(this.merged, entries.length);
    for (let i = 0; i < entries.length; i++) m.ids[i] = this.vocabulary.id(entries[i]![0]);
    this.fitTerms();
    const g = this.nextGeneration();
    const { stamp, at } = this;
    let size = 0;
    let squares = 0;
    for (let i = 0; i < entries.length; i++) {
      const id = m.ids[i]!;
      const x = entries[i]![1];
      squares += x * x;
      if (stamp[id] === g) m.weights[at[id]!] = x;
      else {
        stamp[id] = g;
        at[id] = size;
        m.ids[size] = id;
        m.weights[size++] = x;
      }
    }
    const { ids, weights } = centroidArrays(size);
    ids.set(m.ids.subarray(0, size));
    weights.set(m.weights.subarray(0, size));
    // Not Math.hypot, which rounds differently: a restored clusterer must decide as the saved one did.
    return { centroid: { ids, weights, size }, norm: Math.sqrt(squares) };
  }

  static fromJSON(state: SerializedClusterer | null, options: ClusterOptions = {}): StoryClusterer {
    const c = new StoryClusterer(options);
    if (!state) return c;
    c.next = state.next;
    c.docs = state.docs;
    for (const [w, n] of state.df) c.vocabulary.setDf(w, n);
    for (const s of state.stories) {
      const { centroid, norm } = c.restoreCentroid(s.centroid);
      const story = storyState(s.id, s.title, centroid, norm, s.count, s.last, s.articles);
      c.register(story);
      for (let i = 0; i < story.size; i++) c.post(story.ids[i]!, story.slot);
      for (const a of s.articles) c.storyOf.set(a, s.id);
    }
    return c;
  }
}
