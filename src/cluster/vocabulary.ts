/**
 * The story clusterer's terms, and the arrays and selections it builds on them. Every term gets a small
 * integer id the first time it is seen, so that vectors and centroids are parallel typed arrays, postings
 * and marks are arrays indexed by id, and a dot product reads one vector scattered into a dense array
 * instead of hashing each term of the other. Ids never leave the process: saved states name terms by
 * their strings.
 */

/** A sparse vector: term ids and their weights side by side, in the order the terms entered it. */
export interface TermVector {
  ids: Int32Array;
  weights: Float64Array;
  size: number;
}

/** `a`, or a copy at least `n` long (at least doubled, so that growing one at a time stays linear). */
export function grow<T extends Float64Array<ArrayBuffer> | Int32Array<ArrayBuffer>>(a: T, n: number): T {
  if (n <= a.length) return a;
  const out = new (a.constructor as new (length: number) => T)(Math.max(n, a.length * 2));
  out.set(a);
  return out;
}

/** A list of small integers that keeps its storage between uses (an array emptied by `length = 0` lets it go). */
export class IntList {
  items = new Int32Array(64);
  size = 0;

  push(x: number): void {
    if (this.size === this.items.length) this.items = grow(this.items, this.size + 1);
    this.items[this.size++] = x;
  }
}

/**
 * FNV-1a over the UTF-16 code units from a seeded start, then MurmurHash3's finaliser so that the low bits
 * mix well.
 */
function hashOf(term: string, seed: number): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < term.length; i++) h = Math.imul(h ^ term.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  // As a small integer (31 bits), stored unboxed in a JavaScript array.
  return (h ^ (h >>> 16)) >> 1;
}

// The fields of a slot of the term table: the term's hash, its id + 1 (0 for an empty slot), the term,
// its count in the document being counted (0 if none yet), its document frequency (undefined until set).
const HASH = 0;
const ENTRY = 1;
const TERM = 2;
const TF = 3;
const DF = 4;
const SLOT = 5;

/**
 * The clusterer's terms: their ids, and their document frequencies, counted one document at a time.
 *
 * Every word of every article is looked up here, in a table of the whole vocabulary that the cache cannot
 * hold, so it is an open-addressing table, at most three quarters full, rather than a `Map` (which visits
 * a bucket, then entries and their key strings along a chain), with everything the clusterer reads about
 * a term in the term's slot: one cache line, in the usual case, per word.
 */
export class Vocabulary {
  /**
   * Chosen at random, so that an article's author cannot pick words that all land in one run of slots and
   * make every lookup slow. Only where a term sits in the table depends on it, never its id.
   */
  private readonly seed = Math.floor(Math.random() * 2 ** 32) | 0;
  private table: (number | string | undefined)[] = emptyTable(1024);
  private mask = 1024 - 1;
  readonly names: string[] = [];
  /** Slots of the terms counted in the current document, in the order they were first counted. */
  private readonly counting = new IntList();
  /**
   * Terms in the order their document frequency was first set, which is the order saved states list
   * them in: a term can get its id earlier than that, from a restored centroid.
   */
  private readonly order: number[] = [];

  get size(): number {
    return this.names.length;
  }

  /** Distinct terms counted in the current document so far. */
  get counted(): number {
    return this.counting.size;
  }

  /** A term's id, the term being added if new. */
  id(term: string): number {
    return (this.table[this.slotOf(term) + ENTRY] as number) - 1;
  }

  /** Counts `f` occurrences of a term in the current document. */
  count(term: string, f: number): void {
    const at = this.slotOf(term);
    const tf = this.table[at + TF] as number;
    if (tf === 0) this.counting.push(at);
    this.table[at + TF] = tf + f;
  }

  /**
   * Ends the current document: adds it to the document frequency of each term counted, and lists the
   * terms' ids, counts and new document frequencies, in the order they were first counted, in arrays at
   * least `counted` long.
   */
  endDocument(ids: Int32Array, tf: Float64Array, df: Float64Array): void {
    const { table, counting } = this;
    for (let i = 0; i < counting.size; i++) {
      const at = counting.items[i]!;
      const id = (table[at + ENTRY] as number) - 1;
      const d = this.dfAt(at, id) + 1;
      table[at + DF] = d;
      ids[i] = id;
      tf[i] = table[at + TF] as number;
      df[i] = d;
      table[at + TF] = 0;
    }
    counting.size = 0;
  }

  /** Sets a term's document frequency, as a saved state lists it. */
  setDf(term: string, n: number): void {
    const at = this.slotOf(term);
    this.dfAt(at, (this.table[at + ENTRY] as number) - 1);
    this.table[at + DF] = n;
  }

  dfEntries(): [string, number][] {
    const df = new Float64Array(this.names.length);
    for (let at = 0; at < this.table.length; at += SLOT)
      if (this.table[at + ENTRY])
        df[(this.table[at + ENTRY] as number) - 1] = (this.table[at + DF] as number | undefined) ?? 0;
    return this.order.map((id) => [this.names[id]!, df[id]!]);
  }

  /** A term's document frequency, 0 if never set, which it records as set from now on. */
  private dfAt(at: number, id: number): number {
    const df = this.table[at + DF] as number | undefined;
    if (df !== undefined) return df;
    this.order.push(id);
    return 0;
  }

  /** The slot of a term, added if new. */
  private slotOf(term: string): number {
    const hash = hashOf(term, this.seed);
    const { table, mask } = this;
    let at = (hash & mask) * SLOT;
    while (table[at + ENTRY] !== 0) {
      if (table[at + HASH] === hash && table[at + TERM] === term) {
        // Keep the caller's copy of the string: the tokenizer hands out one copy per word, and comparing
        // with that same copy next time is a pointer comparison, not a read of a string far away.
        table[at + TERM] = term;
        return at;
      }
      at = at + SLOT === table.length ? 0 : at + SLOT;
    }
    this.names.push(term);
    table[at + HASH] = hash;
    table[at + ENTRY] = this.names.length;
    table[at + TERM] = term;
    return 4 * this.names.length > 3 * (mask + 1) ? this.grow(at) : at;
  }

  /** Doubles the table, moving the slots of the current document's terms (and `at`, which it returns). */
  private grow(at: number): number {
    const old = this.table;
    const mask = 2 * (this.mask + 1) - 1;
    const table = emptyTable(mask + 1);
    const moved = new Int32Array(this.names.length);
    for (let from = 0; from < old.length; from += SLOT) {
      const entry = old[from + ENTRY] as number;
      if (entry === 0) continue;
      let to = ((old[from + HASH] as number) & mask) * SLOT;
      while (table[to + ENTRY] !== 0) to = to + SLOT === table.length ? 0 : to + SLOT;
      for (let f = 0; f < SLOT; f++) table[to + f] = old[from + f];
      moved[entry - 1] = to;
    }
    const { items, size } = this.counting;
    for (let i = 0; i < size; i++) items[i] = moved[(old[items[i]! + ENTRY] as number) - 1]!;
    this.table = table;
    this.mask = mask;
    return moved[(old[at + ENTRY] as number) - 1]!;
  }
}

function emptyTable(slots: number): (number | string | undefined)[] {
  const table: (number | string | undefined)[] = [];
  for (let at = 0; at < slots; at++) table.push(0, 0, undefined, 0, undefined);
  return table;
}

/** Euclidean norm of the first `n` weights, summed in their order (live and restored alike). */
export function normOf(weights: Float64Array, n: number): number {
  let squares = 0;
  for (let i = 0; i < n; i++) squares += weights[i]! * weights[i]!;
  return Math.sqrt(squares);
}

/**
 * The `k`-th largest of the first `n` values (1 <= k <= n), reordering them: Hoare's selection, linear on
 * average, where a sort would be n log n. Only the value matters, and it is the same whichever way it is
 * found. Values arranged to defeat the pivot choice (they come from articles) would make the selection
 * quadratic, so after more rounds than a fair run needs, what is left is sorted instead.
 */
export function kthLargest(values: Float64Array, n: number, k: number): number {
  const target = n - k;
  let lo = 0;
  let hi = n - 1;
  let rounds = 2 * Math.ceil(Math.log2(n + 1)) + 8;
  while (lo < hi) {
    if (rounds-- === 0) {
      values.subarray(lo, hi + 1).sort();
      break;
    }
    const pivot = values[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const x = values[i]!;
        values[i++] = values[j]!;
        values[j--] = x;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else break;
  }
  return values[target]!;
}

/**
 * Flags in `keep` the `k` heaviest of the first `n` weights (ties going to the earlier ones) and returns
 * how many it kept. `scratch`, at least `n` long, holds a copy for finding the cut-off.
 */
export function markTop(
  weights: Float64Array,
  n: number,
  k: number,
  keep: Uint8Array,
  scratch: Float64Array,
): number {
  if (n <= k) {
    keep.fill(1, 0, n);
    return n;
  }
  scratch.set(weights.subarray(0, n));
  const floor = kthLargest(scratch, n, k);
  let ties = k;
  for (let i = 0; i < n; i++) if (weights[i]! > floor) ties--;
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const x = weights[i]!;
    const take = x > floor || (x === floor && ties-- > 0);
    keep[i] = take ? 1 : 0;
    if (take) kept++;
  }
  return kept;
}
