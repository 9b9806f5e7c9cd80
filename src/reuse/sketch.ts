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

/** A strong 32-bit mix, so that bin choice and in-bin order are independent. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
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
  // Densification: an empty bin takes the value of the next non-empty bin (rotating), with an offset so
  // that borrowed values of two documents only match when the source bins match.
  if (hashes.length === 0) return sig;
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
