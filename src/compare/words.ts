/**
 * Content words for alignment: lower-cased, function words out, number words folded into digits ("thirty"
 * and "30" are the same word to a reader), and a light suffix stemmer so "reopen"/"reopened" and
 * "crossing"/"crossings" meet. IDF weights come from the story itself, so words every outlet repeats (the
 * story's own topic) count for less than the words that identify one statement.
 */
const STOP = new Set(
  (
    'a an the and or but of to in on at for with by from as is are was were be been being that this these those it its ' +
    'we our us they them their he him his she her i me my you your not no so if then than there here have has had do does did ' +
    'will would can could should may might must also just very more most into over about after before said says say told ' +
    'which who whom what when where while would shall one'
  ).split(' '),
);

const NUMBER_WORDS: Record<string, string> = {
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  eleven: '11',
  twelve: '12',
  fifteen: '15',
  twenty: '20',
  thirty: '30',
  forty: '40',
  fifty: '50',
  sixty: '60',
  seventy: '70',
  eighty: '80',
  ninety: '90',
  hundred: '100',
  thousand: '1000',
  dozen: '12',
  decade: '10',
};

/**
 * Memos for the two functions every comparison, summary and timeline calls on the same sentences: a
 * story's build asks for each sentence's words several times over. Bounded: cleared when full.
 */
const MEMO_LIMIT = 50_000;
// A news stream's vocabulary: room for its frequent words many times over, a few megabytes.
const WORD_MEMO_LIMIT = 200_000;
const MEMO_TEXT_CHARS = 1_000;
const normalized = new Map<string, string>();
const sentenceWords = new Map<string, readonly string[]>();
const WORD_TOKEN = /[\p{L}\p{N}][\p{L}\p{N},\u2019']*/gu;

export function normalizeWord(word: string): string {
  let out = normalized.get(word);
  if (out === undefined) {
    let w = word.toLowerCase();
    if (w.includes(',') || w.includes('\u2019') || w.includes("'")) w = w.replace(/[,\u2019']/g, '');
    const first = w.charCodeAt(0);
    out = Object.hasOwn(NUMBER_WORDS, w) ? NUMBER_WORDS[w]! : first >= 48 && first <= 57 ? w : stem(w);
    if (normalized.size >= WORD_MEMO_LIMIT) normalized.clear();
    normalized.set(word, out);
  }
  return out;
}

/**
 * A light suffix stripper: "ies" to "y", then one of "ing", "ed", "es", "s", then one of "ation", "ment",
 * "ly", each only after at least three ASCII word characters (as the regular expression
 * `(?<=\w{3})(…)$` would decide). Written with string tests, not regular expressions: the clusterer
 * calls it for every word of every article.
 */
export function stem(w: string): string {
  if (w.length <= 4) return w;
  return stripSuffix(stripSuffix(stripSuffix(w, PLURAL_Y, 'y'), INFLECTIONS, ''), DERIVATIONS, '');
}

const PLURAL_Y = ['ies'];
// Longest first, as a regular expression's leftmost match would prefer them.
const INFLECTIONS = ['ing', 'ed', 'es', 's'];
const DERIVATIONS = ['ation', 'ment', 'ly'];

function isAsciiWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

function stripSuffix(w: string, suffixes: string[], replacement: string): string {
  const last = w.charCodeAt(w.length - 1);
  for (const suffix of suffixes) {
    const at = w.length - suffix.length;
    if (
      at >= 3 &&
      last === suffix.charCodeAt(suffix.length - 1) &&
      w.endsWith(suffix) &&
      isAsciiWordChar(w.charCodeAt(at - 1)) &&
      isAsciiWordChar(w.charCodeAt(at - 2)) &&
      isAsciiWordChar(w.charCodeAt(at - 3))
    )
      return w.slice(0, at) + replacement;
  }
  return w;
}

/**
 * The normalised content words of a text. The array is shared between callers asking about the same
 * text (frozen, so that none can change it for the others), which also lets the weighted-vector caches
 * below, keyed by the array, serve them all.
 */
export function contentWords(text: string): string[] {
  let words = sentenceWords.get(text);
  if (!words) {
    const out: string[] = [];
    for (let w of text.match(WORD_TOKEN) ?? []) {
      // Trailing commas and apostrophes ("talks,", "ministers'") are punctuation, not the word.
      const last = w.charCodeAt(w.length - 1);
      if (last === 44 || last === 39 || last === 0x2019) w = w.replace(/[,\u2019']+$/, '');
      if (w.length > 1 && !STOP.has(w.toLowerCase())) out.push(normalizeWord(w));
    }
    words = Object.freeze(out);
    // Sentences and phrases only: whole articles would make the memo hold a corpus.
    if (text.length <= MEMO_TEXT_CHARS) {
      if (sentenceWords.size >= MEMO_LIMIT) sentenceWords.clear();
      sentenceWords.set(text, words);
    }
  }
  return words as string[];
}

export function isFunctionWord(word: string): boolean {
  return STOP.has(word.toLowerCase());
}

/** Inverse document frequency over a set of texts (sentences of one story, say). */
export class Idf {
  /** Each word's document frequency, and the document that last counted it (so a repeat counts once). */
  private readonly df = new Map<string, { count: number; lastDocument: number }>();
  private n = 0;
  /** Changes with every `add`, so vectors weighted with an older state are recomputed. */
  version = 0;

  add(words: Iterable<string>): void {
    this.n++;
    this.version++;
    // Weights are asked for again and again between two additions; they change only here.
    this.cache.clear();
    for (const w of words) {
      const entry = this.df.get(w);
      if (!entry) this.df.set(w, { count: 1, lastDocument: this.n });
      else if (entry.lastDocument !== this.n) {
        entry.count++;
        entry.lastDocument = this.n;
      }
    }
  }

  private readonly cache = new Map<string, number>();

  weight(word: string): number {
    let w = this.cache.get(word);
    if (w === undefined) {
      w = Math.log((this.n + 1) / ((this.df.get(word)?.count ?? 0) + 0.5));
      this.cache.set(word, w);
    }
    return w;
  }
}

// Helpers live at module level: a closure made inside a hot function is rebuilt (and, under tsx, named)
// on every call.
function weightOf(word: string, idf: Idf | undefined): number {
  return idf ? Math.max(idf.weight(word), 0.1) : 1;
}

/** Each bag's set of words, kept per bag like the weights and vectors below. */
const bagSets = new WeakMap<string[], Set<string>>();
function setOf(words: string[]): Set<string> {
  let set = bagSets.get(words);
  if (!set) {
    set = new Set(words);
    bagSets.set(words, set);
  }
  return set;
}

/** IDF-weighted share of the smaller bag found in the larger: a trimmed quote still matches its full wording. */
export function weightedContainment(a: string[], b: string[], idf?: Idf): number {
  const wa = weightsOf(a, idf);
  const wb = weightsOf(b, idf);
  if (wa.words.length === 0 || wb.words.length === 0) return 0;
  let inter = 0;
  const other = setOf(b);
  for (let i = 0; i < wa.words.length; i++) if (other.has(wa.words[i]!)) inter += wa.weights[i]!;
  return inter / Math.min(wa.total, wb.total);
}

/** A bag's distinct words with their weights, in first-seen order, and the weights' sum. */
interface BagWeights {
  idf: Idf | undefined;
  version: number;
  words: string[];
  weights: Float64Array;
  total: number;
}

/**
 * Kept per bag, like the vectors below: quote alignment compares each quote's words with many others,
 * and looking every word's weight up again for each pair was most of its cost. Sums run in the order
 * the words were first seen, so the results are exactly those of summing over the bag's set.
 */
const bagWeights = new WeakMap<string[], BagWeights>();
function weightsOf(words: string[], idf: Idf | undefined): BagWeights {
  const version = idf?.version ?? -1;
  const cached = bagWeights.get(words);
  if (cached && cached.idf === idf && cached.version === version) return cached;
  const distinct = [...setOf(words)];
  const weights = new Float64Array(distinct.length);
  let total = 0;
  for (let i = 0; i < distinct.length; i++) {
    weights[i] = weightOf(distinct[i]!, idf);
    total += weights[i]!;
  }
  const entry = { idf, version, words: distinct, weights, total };
  bagWeights.set(words, entry);
  return entry;
}

export interface BagVector {
  idf: Idf | undefined;
  version: number;
  epoch: number;
  /** Interned word ids, ascending, with their summed weights: a dot product is a merge of two lists. */
  ids: Int32Array;
  weights: Float64Array;
  norm: number;
}

/** Words interned to small integers for the sorted vectors (grows with the vocabulary seen, bounded). */
const wordIds = new Map<string, number>();
/** Bumped when the table is cleared, so that vectors built with the old ids are rebuilt. */
let idEpoch = 0;
function wordId(word: string): number {
  let id = wordIds.get(word);
  if (id === undefined) {
    if (wordIds.size > 2_000_000) {
      wordIds.clear();
      idEpoch++;
    }
    id = wordIds.size;
    wordIds.set(word, id);
  }
  return id;
}

/**
 * Weighted vectors of word bags, kept per bag (the same array is compared with many others, say a
 * sentence with every other sentence of a story) for as long as the IDF they were weighted with is
 * unchanged.
 */
const vectors = new WeakMap<string[], BagVector>();
// Word ids stay below 2^22 (the table is cleared past two million) and bags below 2^31 words, so id and
// position share one double exactly.
const POSITIONS = 2 ** 31;

/**
 * A bag's weighted vector. Loops that compare the same bags millions of times (every pair of a big
 * story's figures) fetch it once and use `vectorCosine`: looking the cached vector up for each comparison
 * cost more than the comparison. Valid while `idf` is unchanged.
 */
export function bagVector(words: string[], idf?: Idf): BagVector {
  const version = idf?.version ?? -1;
  const cached = vectors.get(words);
  if (cached && cached.idf === idf && cached.version === version && cached.epoch === idEpoch) return cached;
  const epoch = idEpoch;
  // Each word's id and position packed in one number and sorted natively: equal words come out in runs,
  // in id order, with no map. A word's weight is added once per occurrence, as a running sum would.
  const keys = new Float64Array(words.length);
  for (let i = 0; i < words.length; i++) keys[i] = wordId(words[i]!) * POSITIONS + i;
  keys.sort();
  let distinct = 0;
  for (let i = 0; i < keys.length; i++)
    if (i === 0 || Math.floor(keys[i]! / POSITIONS) !== Math.floor(keys[i - 1]! / POSITIONS)) distinct++;
  const ids = new Int32Array(distinct);
  const weights = new Float64Array(distinct);
  let squares = 0;
  for (let i = 0, d = -1, weight = 0; i < keys.length; i++) {
    const id = Math.floor(keys[i]! / POSITIONS);
    if (d < 0 || ids[d] !== id) {
      if (d >= 0) squares += weights[d]! * weights[d]!;
      ids[++d] = id;
      weights[d] = 0;
      weight = weightOf(words[keys[i]! % POSITIONS]!, idf);
    }
    weights[d]! += weight;
  }
  if (distinct) squares += weights[distinct - 1]! * weights[distinct - 1]!;
  // Ids interned across a clear of the table would mix two numberings: build the vector again.
  if (epoch !== idEpoch) return bagVector(words, idf);
  const vector = { idf, version, epoch, ids, weights, norm: Math.sqrt(squares) };
  vectors.set(words, vector);
  return vector;
}

/** IDF-weighted cosine of two bags of words. */
export function weightedCosine(a: string[], b: string[], idf?: Idf): number {
  return vectorCosine(bagVector(a, idf), bagVector(b, idf));
}

/** The cosine of two bag vectors made with the same IDF: `weightedCosine` without the lookups. */
export function vectorCosine(va: BagVector, vb: BagVector): number {
  const d = va.norm * vb.norm;
  if (d === 0) return 0;
  let dot = 0;
  let i = 0;
  let j = 0;
  const ia = va.ids;
  const ib = vb.ids;
  while (i < ia.length && j < ib.length) {
    const x = ia[i]!;
    const y = ib[j]!;
    if (x === y) {
      dot += va.weights[i++]! * vb.weights[j++]!;
    } else if (x < y) i++;
    else j++;
  }
  return dot / d;
}

/**
 * The cosines of one bag vector with every vector of a set at once, found by walking the postings of its
 * words instead of merging it with each vector in turn: most sentence pairs of a story share no word, and
 * a pair sharing none costs nothing here. Each cosine is bit for bit `vectorCosine`'s, since a pair's
 * products are added in ascending word id, as the merge adds them.
 */
export class CosineIndex {
  private readonly vectors: readonly BagVector[];
  /** Each word's postings (vector positions and weights), the word found through its global id. */
  private readonly wordAt = new Map<number, number>();
  private readonly offsets: Int32Array;
  private readonly docs: Int32Array;
  private readonly weights: Float64Array;
  private readonly dots: Float64Array;
  private readonly touched: Int32Array;
  private touchedCount = 0;

  constructor(vectors: readonly BagVector[]) {
    this.vectors = vectors;
    const counts: number[] = [];
    let total = 0;
    for (const v of vectors)
      for (let k = 0; k < v.ids.length; k++) {
        let w = this.wordAt.get(v.ids[k]!);
        if (w === undefined) {
          w = counts.length;
          this.wordAt.set(v.ids[k]!, w);
          counts.push(0);
        }
        counts[w]!++;
        total++;
      }
    this.offsets = new Int32Array(counts.length + 1);
    for (let w = 0; w < counts.length; w++) this.offsets[w + 1] = this.offsets[w]! + counts[w]!;
    this.docs = new Int32Array(total);
    this.weights = new Float64Array(total);
    const fill = this.offsets.slice(0, counts.length);
    vectors.forEach((v, j) => {
      for (let k = 0; k < v.ids.length; k++) {
        const at = fill[this.wordAt.get(v.ids[k]!)!]!++;
        this.docs[at] = j;
        this.weights[at] = v.weights[k]!;
      }
    });
    this.dots = new Float64Array(vectors.length);
    this.touched = new Int32Array(vectors.length);
  }

  /**
   * Dot products of vector `i` with every vector (valid until the next call); `cosine` turns one into
   * the cosine.
   */
  dotsOf(i: number): Float64Array {
    const { dots, touched, docs, weights, offsets } = this;
    for (let t = 0; t < this.touchedCount; t++) dots[touched[t]!] = 0;
    this.touchedCount = 0;
    const v = this.vectors[i]!;
    for (let k = 0; k < v.ids.length; k++) {
      const w = this.wordAt.get(v.ids[k]!)!;
      const x = v.weights[k]!;
      for (let p = offsets[w]!; p < offsets[w + 1]!; p++) {
        const j = docs[p]!;
        // Weights are at least 0.1 (weightOf), so a dot once touched stays above 0: each j is listed once.
        if (dots[j] === 0) touched[this.touchedCount++] = j;
        dots[j]! += x * weights[p]!;
      }
    }
    return dots;
  }

  /** The cosine of vectors `i` and `j` from `dotsOf(i)`. */
  cosine(i: number, j: number, dots: Float64Array): number {
    const d = this.vectors[i]!.norm * this.vectors[j]!.norm;
    return d === 0 ? 0 : dots[j]! / d;
  }
}

/** Below this many bags every pair is compared; above it, only pairs sharing an informative word. */
export const EXHAUSTIVE_BAGS = 600;

/**
 * For each bag, the bags worth comparing it with. Small collections compare every pair. In large ones (a
 * story of a hundred articles has thousands of sentences) a pair is compared only when it shares a word
 * that at most `maxShare` of the bags use: pairs that share only common words have a low IDF-weighted
 * cosine anyway, and skipping them keeps the work near-linear instead of quadratic.
 */
export function comparablePairs(
  bags: string[][],
  maxShare = 0.05,
): (j: number) => ArrayLike<number> & Iterable<number> {
  const n = bags.length;
  if (n <= EXHAUSTIVE_BAGS) {
    const all = Array.from({ length: n }, (_, j) => j);
    return (i) => all.filter((j) => j !== i);
  }
  const postings = new Map<string, number[]>();
  bags.forEach((bag, i) => {
    for (const w of setOf(bag)) {
      const list = postings.get(w);
      if (list) list.push(i);
      else postings.set(w, [i]);
    }
  });
  const limit = Math.max(2, Math.ceil(n * maxShare));
  // Which call last found each bag: a bag is listed once per call, and every call (the same bag asked
  // for again included) starts afresh.
  const foundBy = new Uint32Array(n);
  let call = 0;
  const found = new Int32Array(n);
  return (i) => {
    call++;
    let count = 0;
    for (const w of setOf(bags[i]!)) {
      const list = postings.get(w)!;
      if (list.length > limit) continue;
      for (const j of list)
        if (j !== i && foundBy[j] !== call) {
          foundBy[j] = call;
          found[count++] = j;
        }
    }
    // Ascending, as callers sum over them. Many found: reading them off in order costs less than a sort.
    if (count * 8 < n) return found.slice(0, count).sort();
    const out = new Int32Array(count);
    for (let j = 0, k = 0; k < count; j++) if (foundBy[j] === call) out[k++] = j;
    return out;
  };
}
