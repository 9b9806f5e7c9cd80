/**
 * Fingerprints for copy detection: word 5-shingles hashed to 32 bits, summarised by one-permutation
 * hashing (one hash pass, K bins, empty bins filled by densification) — a MinHash-quality Jaccard
 * estimate at the cost of a single hash per shingle instead of 128.
 */

export const BINS = 64;
export const SHINGLE = 5;
const EMPTY = 0xffffffff;

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

/** Hashes of the word shingles; texts shorter than a shingle give one hash of all their words. */
export function shingleHashes(words: string[], size = SHINGLE): Uint32Array {
  const hashes = new Set<number>();
  const wordHashes = words.map((w) => fnv1a(w));
  if (words.length < size) {
    if (words.length) hashes.add(fnv1a(words.join(' ')));
    return Uint32Array.from(hashes);
  }
  for (let i = 0; i + size <= words.length; i++) {
    let h = 0x9e3779b9;
    for (let j = 0; j < size; j++) h = mix((h ^ wordHashes[i + j]!) >>> 0);
    hashes.add(h);
  }
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
  const filled = sig.slice();
  for (let i = 0; i < BINS; i++) {
    if (sig[i] !== EMPTY) continue;
    for (let step = 1; step < BINS; step++) {
      const j = (i + step) % BINS;
      if (sig[j] !== EMPTY) {
        filled[i] = mix((sig[j]! + step) >>> 0);
        break;
      }
    }
  }
  return filled;
}

export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < BINS; i++) if (a[i] === b[i] && a[i] !== EMPTY) same++;
  return same / BINS;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const SHINGLE_SEED = 0x9e3779b9 | 0;

/** The mix itself, as a signed 32-bit value: the one-pass sketch stays in the integer representation. */
function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h | 0;
}

/** 0: not yet known, 1: word character, 2: not; for the Basic Multilingual Plane. */
const bmpWordChar = new Uint8Array(0x10000);
/** Whether a code point belongs to a word, as `[\p{L}\p{N}]` decides, with ASCII answered directly. */
function isWordChar(cp: number): boolean {
  if (cp < 128) return (cp >= 97 && cp <= 122) || (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90);
  if (cp < 0x10000) {
    let known = bmpWordChar[cp]!;
    if (known === 0) {
      known = /[\p{L}\p{N}]/u.test(String.fromCharCode(cp)) ? 1 : 2;
      bmpWordChar[cp] = known;
    }
    return known === 1;
  }
  return /[\p{L}\p{N}]/u.test(String.fromCodePoint(cp));
}

export interface TextSketch {
  sig: Uint32Array;
  words: number;
  /** FNV-1a over the words joined by single spaces: equal for texts that differ only in case and punctuation. */
  normalizedHash: number;
}

/**
 * The sketch of a text in one pass over its characters: the same words as `tokens`, the same word and
 * shingle hashes as `shingleHashes`, and the same signature as `signature` — without building the word
 * strings, the hash set or the intermediate arrays, which is where a copy index spends its time. The
 * last five word hashes live in locals rather than a ring buffer for the same reason.
 */
export function sketchText(text: string): TextSketch {
  const lower = text.toLowerCase();
  const sig = new Uint32Array(BINS).fill(EMPTY);
  let words = 0;
  // Hash state stays in signed 32-bit form (`| 0`): mixing unsigned values above 2^31 with imul results
  // would make V8 box every intermediate as a heap number.
  let normalized = FNV_OFFSET;
  let wordHash = FNV_OFFSET;
  let inWord = false;
  let w0 = 0;
  let w1 = 0;
  let w2 = 0;
  let w3 = 0;
  let w4 = 0;
  const n = lower.length;
  for (let i = 0; i <= n; i++) {
    let word = false;
    let width = 1;
    if (i < n) {
      const unit = lower.charCodeAt(i);
      if (unit < 128) word = (unit >= 97 && unit <= 122) || (unit >= 48 && unit <= 57);
      else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < n) {
        const next = lower.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          word = isWordChar((unit - 0xd800) * 0x400 + (next - 0xdc00) + 0x10000);
          width = 2;
        } else word = isWordChar(unit);
      } else word = isWordChar(unit);
    }
    if (word) {
      if (!inWord) {
        wordHash = FNV_OFFSET;
        inWord = true;
      }
      const c = lower.charCodeAt(i);
      wordHash = Math.imul(wordHash ^ c, 0x01000193);
      normalized = Math.imul(normalized ^ c, 0x01000193);
      if (width === 2) {
        const low = lower.charCodeAt(++i);
        wordHash = Math.imul(wordHash ^ low, 0x01000193);
        normalized = Math.imul(normalized ^ low, 0x01000193);
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
      const shingle = mix32(mix32(mix32(mix32(mix32(SHINGLE_SEED ^ w0) ^ w1) ^ w2) ^ w3) ^ w4);
      const v = mix32(shingle);
      const value = mix32(v ^ 0x5bd1e995) >>> 0;
      const bin = (v >>> 0) % BINS;
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
