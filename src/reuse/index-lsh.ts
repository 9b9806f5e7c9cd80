/**
 * An incremental copy index: documents are added one at a time, each is queried against everything
 * before it through LSH bands over its sketch, and candidates are confirmed by the estimated Jaccard.
 * State is plain arrays, so it serialises to JSON. Memory per document: the 64 × 4-byte sketch plus one
 * bucket entry per band (16), about 0.5 KB with map overhead.
 */
import { BINS, estimateJaccard, shingleHashes, signature, tokens } from './sketch.ts';

export const BANDS = 32;
const ROWS = BINS / BANDS;

export interface IndexedDoc {
  id: string;
  sig: Uint32Array;
  words: number;
  normalizedHash: number;
}

export interface Candidate {
  id: string;
  estimate: number;
}

function bandKey(sig: Uint32Array, band: number): string {
  let h = band * 0x9e3779b1;
  for (let r = 0; r < ROWS; r++) h = Math.imul(h ^ sig[band * ROWS + r]!, 0x01000193) >>> 0;
  return `${band}:${h}`;
}

export class ReuseIndex {
  private readonly docs = new Map<string, IndexedDoc>();
  private readonly seq = new Map<string, number>();
  private readonly buckets = new Map<string, string[]>();
  /** Identical documents are grouped instead of paired with each other one by one. */
  private readonly byExact = new Map<number, string[]>();

  constructor(private readonly maxBucket = 200) {}

  get size(): number {
    return this.docs.size;
  }

  static sketch(id: string, text: string): IndexedDoc {
    const words = tokens(text);
    return {
      id,
      sig: signature(shingleHashes(words)),
      words: words.length,
      normalizedHash: wordsHash(words),
    };
  }

  /** Documents already indexed that are likely copies of `doc` (estimated Jaccard at least `threshold`). */
  query(doc: IndexedDoc, threshold: number): Candidate[] {
    const seen = new Set<string>();
    const out: Candidate[] = [];
    for (let b = 0; b < BANDS; b++) {
      for (const id of this.buckets.get(bandKey(doc.sig, b)) ?? []) {
        if (seen.has(id) || id === doc.id) continue;
        seen.add(id);
        const other = this.docs.get(id)!;
        const estimate = estimateJaccard(doc.sig, other.sig);
        if (estimate >= threshold) out.push({ id, estimate });
      }
    }
    // Best match first, then the earliest indexed: the order must not depend on bucket history, so that
    // a restored index answers exactly as the one it was saved from.
    return out.sort((a, b) => b.estimate - a.estimate || this.seq.get(a.id)! - this.seq.get(b.id)!);
  }

  exactGroup(doc: IndexedDoc): string[] {
    return doc.words ? (this.byExact.get(doc.normalizedHash) ?? []) : [];
  }

  add(doc: IndexedDoc): void {
    if (doc.words === 0) return;
    this.docs.set(doc.id, doc);
    this.seq.set(doc.id, this.seq.size);
    const group = this.byExact.get(doc.normalizedHash);
    if (group) {
      // An exact copy adds nothing to the LSH buckets: its group's first member stands for it.
      group.push(doc.id);
      return;
    }
    this.byExact.set(doc.normalizedHash, [doc.id]);
    for (let b = 0; b < BANDS; b++) {
      const key = bandKey(doc.sig, b);
      const bucket = this.buckets.get(key);
      if (!bucket) this.buckets.set(key, [doc.id]);
      else if (bucket.length < this.maxBucket) bucket.push(doc.id);
    }
  }

  toJSON(): { docs: [string, number[], number, number][] } {
    return { docs: [...this.docs.values()].map((d) => [d.id, [...d.sig], d.words, d.normalizedHash]) };
  }

  static fromJSON(state: { docs: [string, number[], number, number][] } | null): ReuseIndex {
    const index = new ReuseIndex();
    for (const [id, sig, words, normalizedHash] of state?.docs ?? [])
      index.add({ id, sig: Uint32Array.from(sig), words, normalizedHash });
    return index;
  }
}

function wordsHash(words: string[]): number {
  let h = 0x811c9dc5;
  for (const w of words) {
    for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 32, 0x01000193);
  }
  return h >>> 0;
}
