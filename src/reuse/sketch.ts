/**
 * Fingerprints for copy detection: word 5-shingles hashed to 32 bits, summarised by one-permutation
 * hashing (one hash pass, K bins, empty bins filled by densification) — a MinHash-quality Jaccard
 * estimate at the cost of a single hash per shingle instead of 128.
 */

export const BINS = 64;
export const SHINGLE = 5;
export const EMPTY = 0xffffffff;

/** Lower-cased word tokens; punctuation and case differences of syndicated copies vanish here. */
export function tokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

export function fnv1a(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A strong 32-bit mix, so that bin choice and in-bin order are independent; unsigned. */
function mix(h: number): number {
  return mix32(h) >>> 0;
}

/**
 * A shingle's hash from its five word hashes: a weighted sum with distinct odd multipliers, so order
 * matters, left to the strong mix that `signature` applies to it.
 */
function shingleHash(w0: number, w1: number, w2: number, w3: number, w4: number): number {
  return (
    (Math.imul(w0, 0x9e3779b1) +
      Math.imul(w1, 0x85ebca77) +
      Math.imul(w2, 0xc2b2ae3d) +
      Math.imul(w3, 0x27d4eb2f) +
      w4) |
    0
  );
}

/** Hashes of the word shingles; texts shorter than a shingle give one hash of all their words. */
export function shingleHashes(words: string[], size = SHINGLE): Uint32Array {
  const hashes = new Set<number>();
  const wordHashes = words.map((w) => fnv1a(w));
  if (words.length < size) {
    if (words.length) hashes.add(fnv1a(words.join(' ')));
    return Uint32Array.from(hashes);
  }
  for (let i = 0; i + size <= words.length; i++)
    hashes.add(
      shingleHash(
        wordHashes[i]! | 0,
        wordHashes[i + 1]! | 0,
        wordHashes[i + 2]! | 0,
        wordHashes[i + 3]! | 0,
        wordHashes[i + 4]! | 0,
      ) >>> 0,
    );
  return Uint32Array.from(hashes);
}

export function signature(hashes: Uint32Array): Uint32Array {
  const sig = new Uint32Array(BINS).fill(EMPTY);
  for (const h of hashes) {
    const v = mix(h);
    const bin = v % BINS;
    const value = mix(v ^ 0x5bd1e995);
    if (value < sig[bin]!) sig[bin] = value;
  }
  return hashes.length === 0 ? sig : densify(sig);
}

/**
 * Densification: an empty bin takes the value of the next non-empty bin (rotating), with an offset so
 * that borrowed values of two documents only match when the source bins match.
 */
function densify(sig: Uint32Array): Uint32Array {
  let first = -1;
  for (let i = 0; i < BINS; i++)
    if (sig[i] !== EMPTY) {
      first = i;
      break;
    }
  if (first < 0) return sig;
  // Right to left, remembering the nearest originally filled bin (past the end, the first one again), so
  // that the bins are filled in place without a copy.
  let nextIndex = first + BINS;
  let nextValue = sig[first]!;
  for (let i = BINS - 1; i >= 0; i--) {
    if (sig[i] !== EMPTY) {
      nextIndex = i;
      nextValue = sig[i]!;
    } else sig[i] = mix((nextValue + (nextIndex - i)) >>> 0);
  }
  return sig;
}

export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  return estimateAtLeast(a, b, 0);
}

/**
 * The estimated Jaccard of two signatures when it reaches `threshold`, else -1: most candidates of a
 * query are chance band collisions, and counting stops once they have missed too many bins to qualify.
 */
export function estimateAtLeast(a: Uint32Array, b: Uint32Array, threshold: number): number {
  return estimateAtLeastIn(a, b, 0, threshold);
}

/** `estimateAtLeast` against the signature at `offset` in `store`, where an index keeps all of its own. */
export function estimateAtLeastIn(
  a: Uint32Array,
  store: Uint32Array,
  offset: number,
  threshold: number,
): number {
  const allowedMisses = BINS - Math.ceil(threshold * BINS - 1e-9);
  let misses = 0;
  for (let i = 0; i < BINS; i++) {
    const value = a[i]!;
    if (value !== store[offset + i] || value === EMPTY) {
      if (++misses > allowedMisses) return -1;
    }
  }
  return (BINS - misses) / BINS;
}

const FNV_OFFSET = 0x811c9dc5 | 0;

/** The mix itself, as a signed 32-bit value: the one-pass sketch stays in the integer representation. */
function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h | 0;
}

/**
 * What each UTF-16 code unit is to the sketch, filled on first sight: the unit it lower-cases to when it
 * belongs to a word (letters and digits, as `[\p{L}\p{N}]` decides), or one of the markers below. Folding
 * case unit by unit saves lower-casing a copy of the whole text first, the largest cost of a sketch.
 */
const foldTable = new Uint16Array(0x10000);
/** What `tokens` counts as a word character. */
const WORD_CHAR = /[\p{L}\p{N}]/u;
const UNKNOWN = 0;
const NOT_WORD = 1;
/** A word unit whose lower case depends on its neighbours or is longer (Σ, İ): fold the whole text instead. */
const CONTEXTUAL = 2;
const SURROGATE = 3;
/** İ, whose lower case is i and a combining dot: a word of one letter i, then a break. */
const DOTTED_CAPITAL_I = 4;
const LAST_MARKER = 4;

function foldUnit(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return SURROGATE;
  const ch = String.fromCharCode(unit);
  if (!WORD_CHAR.test(ch)) return NOT_WORD;
  if (unit === 0x130) return DOTTED_CAPITAL_I;
  const lower = ch.toLowerCase();
  // The final-sigma rule makes capital sigma's lower case depend on the next character.
  return lower.length !== 1 || unit === 0x3a3 ? CONTEXTUAL : lower.charCodeAt(0);
}

for (let unit = 0; unit < 128; unit++) foldTable[unit] = foldUnit(unit);

function isWordCodePoint(cp: number): boolean {
  return WORD_CHAR.test(String.fromCodePoint(cp));
}

export interface TextSketch {
  sig: Uint32Array;
  words: number;
  /** FNV-1a over the words joined by single spaces: equal for texts that differ only in case and punctuation. */
  normalizedHash: number;
}

/**
 * The sketch of a text in one pass over its characters: the same words as `tokens`, the same word and
 * shingle hashes as `shingleHashes`, and the same signature as `signature` — without lower-casing a copy
 * of the text, building the word strings, the hash set or the intermediate arrays, which is where a copy
 * index spends its time.
 */
export function sketchText(text: string): TextSketch {
  return sketchFolded(text, true) ?? sketchFolded(text.toLowerCase(), false)!;
}

/**
 * The one pass. With `fold`, case is folded unit by unit and the pass gives up (null) at the first unit
 * that cannot be folded alone, or at a letter outside the Basic Multilingual Plane that has a lower case;
 * without it, `text` is already lower case. The last five word hashes live in locals rather than a ring
 * buffer, and hash state stays in signed 32-bit form (`| 0`), since mixing unsigned values above 2^31 with
 * imul results would make V8 box every intermediate as a heap number.
 */
function sketchFolded(text: string, fold: boolean): TextSketch | null {
  const sig = new Uint32Array(BINS).fill(EMPTY);
  let words = 0;
  let normalized = FNV_OFFSET;
  let wordHash = FNV_OFFSET;
  let inWord = false;
  let w0 = 0;
  let w1 = 0;
  let w2 = 0;
  let w3 = 0;
  let w4 = 0;
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    let unit = i < n ? foldTable[text.charCodeAt(i)]! : NOT_WORD;
    if (unit <= LAST_MARKER && unit !== NOT_WORD) {
      const raw = text.charCodeAt(i);
      if (unit === UNKNOWN) {
        foldTable[raw] = foldUnit(raw);
        i--;
        continue;
      }
      if (unit === CONTEXTUAL) {
        if (fold) return null;
        unit = raw;
      } else if (unit === DOTTED_CAPITAL_I) {
        // A one-letter word i, ended at once by the combining dot's break below.
        if (!inWord) {
          wordHash = FNV_OFFSET;
          inWord = true;
        }
        wordHash = Math.imul(wordHash ^ 0x69, 0x01000193);
        normalized = Math.imul(normalized ^ 0x69, 0x01000193);
        unit = NOT_WORD;
      } else {
        const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
        if (raw <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          const cp = (raw - 0xd800) * 0x400 + (next - 0xdc00) + 0x10000;
          i++;
          if (isWordCodePoint(cp)) {
            if (fold && String.fromCodePoint(cp).toLowerCase() !== String.fromCodePoint(cp)) return null;
            if (!inWord) {
              wordHash = FNV_OFFSET;
              inWord = true;
            }
            wordHash = Math.imul(Math.imul(wordHash ^ raw, 0x01000193) ^ next, 0x01000193);
            normalized = Math.imul(Math.imul(normalized ^ raw, 0x01000193) ^ next, 0x01000193);
            continue;
          }
          unit = NOT_WORD;
        } else unit = isWordCodePoint(raw) ? raw : NOT_WORD;
      }
    }
    if (unit !== NOT_WORD) {
      if (!inWord) {
        wordHash = FNV_OFFSET;
        inWord = true;
      }
      wordHash = Math.imul(wordHash ^ unit, 0x01000193);
      normalized = Math.imul(normalized ^ unit, 0x01000193);
      // The rest of the word in a tight loop, for as long as its units need no special care.
      while (i + 1 < n) {
        const next = foldTable[text.charCodeAt(i + 1)]!;
        if (next <= LAST_MARKER) break;
        wordHash = Math.imul(wordHash ^ next, 0x01000193);
        normalized = Math.imul(normalized ^ next, 0x01000193);
        i++;
      }
      continue;
    }
    if (!inWord) continue;
    inWord = false;
    w0 = w1;
    w1 = w2;
    w2 = w3;
    w3 = w4;
    w4 = wordHash;
    words++;
    normalized = Math.imul(normalized ^ 32, 0x01000193);
    if (words >= SHINGLE) {
      const v = mix32(shingleHash(w0, w1, w2, w3, w4));
      const value = mix32(v ^ 0x5bd1e995) >>> 0;
      const bin = v & (BINS - 1);
      if (value < sig[bin]!) sig[bin] = value;
    }
  }
  if (words > 0 && words < SHINGLE) {
    // Texts shorter than a shingle: one hash of all their words, as `shingleHashes` gives.
    const v = mix(fnv1a(tokens(text).join(' ')));
    sig[v % BINS] = mix(v ^ 0x5bd1e995);
  }
  return { sig: words === 0 ? sig : densify(sig), words, normalizedHash: normalized >>> 0 };
}
