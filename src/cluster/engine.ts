/**
 * Online story clustering. Each arriving article becomes a TF-IDF vector (title and opening words counted
 * twice, named entities boosted, document frequencies updated as the stream goes, only its strongest terms
 * kept), finds candidate stories through an inverted index over the stories' top terms — so the cost does
 * not grow with the number of live stories — and joins the most similar one above a threshold, else starts
 * a story. A small story is scored by its members' mean similarity to the article (average link), so a
 * loose pair cannot snowball; a grown story by the cosine with its centroid, a profile by then reliable
 * enough to match on. Similarity fades with the time between an article and a story's latest article, but
 * slowly enough that a follow-up a week later still joins. A copy always joins its original's story. When a grown story's centroid comes as
 * close to another's as two tellings of one event, the younger is folded into the older (reported through
 * `takeMerges`). Stories keep only their top terms and are retired after a long silence, so the state
 * stays bounded; decisions never depend on the index's history, so a restored clusterer decides exactly
 * as the one it was saved from.
 */
import { contentWords } from '../compare/words.ts';
import type { Article } from '../model/index.ts';

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

interface StoryState {
  id: string;
  /** Dense index used by the inverted index and the vote array, so candidate search does no hashing. */
  slot: number;
  title: string;
  centroid: Map<string, number>;
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

/**
 * The `k` heaviest entries of a term map (ties in insertion order), by a native numeric sort of the
 * weights instead of sorting an array of entry pairs: the clusterer does this for every article.
 */
function topEntries(m: Map<string, number>, k: number): [string, number][] {
  if (m.size <= k) return [...m];
  // Filled by a plain loop: `Float64Array.from` over an iterator goes through the generic protocol.
  const values = new Float64Array(m.size);
  let i = 0;
  for (const x of m.values()) values[i++] = x;
  values.sort();
  const floor = values[values.length - k]!;
  let ties = k;
  for (let j = values.length - 1; j >= 0 && values[j]! > floor; j--) ties--;
  const out: [string, number][] = [];
  for (const [w, x] of m)
    if (x > floor) out.push([w, x]);
    else if (x === floor && ties > 0) {
      out.push([w, x]);
      ties--;
    }
  return out;
}

/** The `k` most-voted slots among those touched, by a native numeric sort of their scores. */
function topVoted(
  votes: Float64Array,
  touched: number[],
  k: number,
  order: (slot: number) => number,
): number[] {
  if (touched.length <= k) return touched;
  const scores = new Float64Array(touched.length);
  for (let i = 0; i < touched.length; i++) scores[i] = votes[touched[i]!]!;
  scores.sort();
  const floor = scores[scores.length - k]!;
  const out: number[] = [];
  const tied: number[] = [];
  for (const slot of touched)
    if (votes[slot]! > floor) out.push(slot);
    else if (votes[slot] === floor) tied.push(slot);
  // Ties go to the older stories: the order slots were touched in depends on the index's history, and a
  // restored clusterer must decide exactly as the one it was saved from.
  tied.sort((a, b) => order(a) - order(b));
  for (const slot of tied) if (out.length < k) out.push(slot);
  return out;
}

/** A centroid's Euclidean norm, summed in the centroid's order (live and restored alike). */
function normOf(centroid: Iterable<[string, number]>): number {
  let squares = 0;
  for (const [, x] of centroid) squares += x * x;
  return Math.sqrt(squares);
}

/** The dot product of term weights with a story's centroid, walking the centroid. */
function dot(weights: Map<string, number>, story: { centroid: Map<string, number> }): number {
  let sum = 0;
  for (const [w, x] of story.centroid) {
    const y = weights.get(w);
    if (y !== undefined) sum += x * y;
  }
  return sum;
}

/** A story's creation number ("s12" → 12): the tie-breaker that survives saving and restoring. */
const storyNumber = (story: { id: string }) => Number(story.id.slice(1));

export class StoryClusterer {
  private df = new Map<string, number>();
  private docs = 0;
  private next = 1;
  private stories = new Map<string, StoryState>();
  private postings = new Map<string, number[]>();
  private slots: (StoryState | undefined)[] = [];
  private freeSlots: number[] = [];
  private votes = new Float64Array(1024);
  private readonly storyOf = new Map<string, string>();
  private merges: { from: string; into: string }[] = [];
  readonly threshold: number;
  private readonly topTerms: number;
  private readonly retireAfter: number;
  private readonly maxCandidates: number;
  private readonly probeTerms: number;
  private readonly mergeThreshold: number;
  private readonly smallStory: number;

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
    // Plain loops rather than a helper closure: this runs for every word of every article.
    for (const w of contentWords(article.meta.title ?? '')) tf.set(w, (tf.get(w) ?? 0) + 2);
    for (const text of [article.text.slice(0, BODY_CHARS), article.text.slice(0, LEAD_CHARS)])
      for (const w of contentWords(text)) {
        const first = w.charCodeAt(0);
        // Bare numbers (years, counts) say little about which story an article belongs to.
        if (first >= 48 && first <= 57 && /^\d+$/.test(w)) continue;
        tf.set(w, (tf.get(w) ?? 0) + 1);
      }
    for (const e of article.annotations.entities)
      if (e.type !== 'other') {
        const key = `@${e.name.toLowerCase()}`;
        tf.set(key, (tf.get(key) ?? 0) + 1 + Math.min(e.mentions.length, 3));
      }
    return tf;
  }

  private vector(tf: Map<string, number>): Map<string, number> {
    let v = new Map<string, number>();
    for (const [w, f] of tf) {
      // A background of unseen documents keeps a small collection (one story's coverage, where every
      // article shares the story's words) from declaring the story's own vocabulary uninformative.
      const idf = Math.log((this.docs + BACKGROUND_DOCS) / ((this.df.get(w) ?? 0) + 0.5));
      const x = (1 + Math.log(f)) * idf;
      if (x > 0) v.set(w, x);
    }
    if (v.size > ARTICLE_TERMS) v = new Map(topEntries(v, ARTICLE_TERMS));
    const norm = normOf(v) || 1;
    for (const [w, x] of v) v.set(w, x / norm);
    return v;
  }

  private index(story: StoryState, add: boolean, terms: Iterable<string> = story.centroid.keys()) {
    for (const w of terms) {
      const list = this.postings.get(w);
      if (add) {
        if (list) list.push(story.slot);
        else this.postings.set(w, [story.slot]);
      } else if (list) {
        const at = list.indexOf(story.slot);
        if (at >= 0) {
          list[at] = list[list.length - 1]!;
          list.pop();
        }
        if (list.length === 0) this.postings.delete(w);
      }
    }
  }

  private register(story: StoryState) {
    story.slot = this.freeSlots.pop() ?? this.slots.length;
    this.slots[story.slot] = story;
    if (this.votes.length < this.slots.length) {
      const grown = new Float64Array(this.votes.length * 2);
      grown.set(this.votes);
      this.votes = grown;
    }
    this.stories.set(story.id, story);
  }

  private unregister(story: StoryState) {
    this.index(story, false);
    this.stories.delete(story.id);
    this.slots[story.slot] = undefined;
    this.freeSlots.push(story.slot);
  }

  /**
   * Similarity of a unit article vector with a story, walking the centroid (the shorter side). The centroid
   * is the sum of the members' unit vectors, so the dot product over the story's size is the members' mean
   * similarity (average link) and over the centroid's norm the cosine. The cosine of a loose story exceeds
   * its members' mean similarity by up to the square root of its size: a loosely joined small story would
   * pull in ever more. So stories up to `smallStory` articles are scored by the mean, and larger ones fade
   * towards the cosine, the profile of many articles being by then a better judge than any one of them.
   */
  private similarity(v: Map<string, number>, story: StoryState): number {
    if (!story.norm) return 0;
    const mean = this.smallStory ? Math.min(1, this.smallStory / story.count) : 0;
    return dot(v, story) / (story.norm ** (1 - mean) * story.count ** mean);
  }

  private decay(story: StoryState, time: number | null): number {
    if (time === null || story.last === null) return 1;
    const days = Math.abs(time - story.last) / DAY;
    return days <= 3 ? 1 : Math.exp(-(days - 3) / 21);
  }

  /** Adds term weights to a story's centroid, keeps its top terms, and updates the index and the norm. */
  private addToCentroid(story: StoryState, weights: Map<string, number>) {
    const before = new Set(story.centroid.keys());
    for (const [w, x] of weights) story.centroid.set(w, (story.centroid.get(w) ?? 0) + x);
    if (story.centroid.size > this.topTerms)
      story.centroid = new Map(topEntries(story.centroid, this.topTerms));
    // Only the terms that entered or left the centroid touch the inverted index.
    this.index(
      story,
      false,
      [...before].filter((w) => !story.centroid.has(w)),
    );
    this.index(
      story,
      true,
      [...story.centroid.keys()].filter((w) => !before.has(w)),
    );
    story.norm = normOf(story.centroid);
  }

  private absorb(story: StoryState, v: Map<string, number>, time: number | null, articleId: string) {
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
    const tf = StoryClusterer.terms(article);
    this.docs++;
    for (const w of tf.keys()) this.df.set(w, (this.df.get(w) ?? 0) + 1);
    const v = this.vector(tf);
    const published = Date.parse(article.meta.published ?? '');
    const time = Number.isNaN(published) ? null : published;
    const copied = copyOf ? this.storyOf.get(copyOf) : undefined;
    if (copied && this.stories.has(copied)) {
      this.absorb(this.stories.get(copied)!, v, time, article.id);
      return copied;
    }
    // Candidates: stories sharing the article's strongest terms.
    const strongest = topEntries(v, this.probeTerms);
    const votes = this.votes;
    const touched: number[] = [];
    for (const [w, x] of strongest)
      for (const slot of this.postings.get(w) ?? []) {
        if (votes[slot] === 0) touched.push(slot);
        votes[slot]! += x;
      }
    let best: StoryState | undefined;
    let bestScore = this.threshold;
    for (const slot of topVoted(votes, touched, this.maxCandidates, (x) => storyNumber(this.slots[x]!))) {
      const story = this.slots[slot]!;
      const score = this.similarity(v, story) * this.decay(story, time);
      if (score > bestScore || (score === bestScore && best && storyNumber(story) < storyNumber(best))) {
        best = story;
        bestScore = score;
      }
    }
    for (const slot of touched) votes[slot] = 0;
    if (!best) {
      best = {
        id: `s${this.next++}`,
        title: article.meta.title ?? '',
        slot: -1,
        centroid: new Map(),
        norm: 0,
        count: 0,
        last: time,
        articles: [],
      };
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
    const strongest = topEntries(story.centroid, this.probeTerms);
    const seen = new Set<number>([story.slot]);
    // The most similar story above the threshold (the older on a tie), whatever order the index holds.
    let partner: StoryState | undefined;
    let partnerSimilarity = this.mergeThreshold;
    for (const [w] of strongest)
      for (const slot of this.postings.get(w) ?? []) {
        if (seen.has(slot)) continue;
        seen.add(slot);
        const other = this.slots[slot]!;
        const similarity =
          story.norm && other.norm ? dot(story.centroid, other) / (story.norm * other.norm) : 0;
        if (
          similarity > partnerSimilarity ||
          (similarity === partnerSimilarity && (!partner || storyNumber(other) < storyNumber(partner)))
        ) {
          partner = other;
          partnerSimilarity = similarity;
        }
      }
    if (!partner) return story;
    const [into, from] = this.storyOrder(story, partner);
    this.fold(from, into);
    return into;
  }

  /** The older story survives a merge (its id is the one already shown to readers). */
  private storyOrder(a: StoryState, b: StoryState): [StoryState, StoryState] {
    return storyNumber(a) <= storyNumber(b) ? [a, b] : [b, a];
  }

  private fold(from: StoryState, into: StoryState) {
    this.unregister(from);
    this.addToCentroid(into, from.centroid);
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

  keywords(storyId: string, n = 8): string[] {
    const story = this.stories.get(storyId);
    if (!story) return [];
    return [...story.centroid]
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
      df: [...this.df],
      stories: [...this.stories.values()].map((s) => ({
        id: s.id,
        title: s.title,
        centroid: [...s.centroid],
        count: s.count,
        last: s.last,
        articles: s.articles.slice(-50),
      })),
    };
  }

  static fromJSON(state: SerializedClusterer | null, options: ClusterOptions = {}): StoryClusterer {
    const c = new StoryClusterer(options);
    if (!state) return c;
    c.next = state.next;
    c.docs = state.docs;
    c.df = new Map(state.df);
    for (const s of state.stories) {
      const story: StoryState = {
        id: s.id,
        slot: -1,
        title: s.title,
        centroid: new Map(s.centroid),
        // Not Math.hypot, which rounds differently: a restored clusterer must decide as the saved one did.
        norm: normOf(s.centroid),
        count: s.count,
        last: s.last,
        articles: s.articles,
      };
      c.register(story);
      c.index(story, true);
      for (const a of s.articles) c.storyOf.set(a, s.id);
    }
    return c;
  }
}
