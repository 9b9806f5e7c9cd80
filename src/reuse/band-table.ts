/**
 * One LSH band's buckets as an open-addressing hash table in typed arrays: a bucket is a chain of
 * document slots threaded through a shared `next` array. Adding a document writes a few integers instead
 * of allocating a map entry and an array per band, which is most of what a copy index costs.
 */
export class BandTable {
  private keys: Int32Array;
  /** Head of each bucket's chain, as slot + 1 (0: the cell is empty). */
  private heads: Int32Array;
  private counts: Uint16Array;
  private used = 0;

  constructor(capacity = 1024) {
    this.keys = new Int32Array(capacity);
    this.heads = new Int32Array(capacity);
    this.counts = new Uint16Array(capacity);
  }

  private cell(key: number): number {
    const mask = this.keys.length - 1;
    let i = Math.imul(key ^ (key >>> 15), 0x2c1b3c6d) & mask;
    while (this.heads[i] !== 0 && this.keys[i] !== key) i = (i + 1) & mask;
    return i;
  }

  /** The first slot of the bucket (slot + 1), or 0 when there is none. */
  first(key: number): number {
    return this.heads[this.cell(key)]!;
  }

  /**
   * Puts `slot` at the head of the bucket of `key` unless the bucket already holds `max` slots; returns
   * the previous head (slot + 1, 0 for none), which the caller stores as the slot's `next`, or -1 when full.
   */
  push(key: number, slot: number, max: number): number {
    if ((this.used + 1) * 2 > this.keys.length) this.grow();
    const i = this.cell(key);
    if (this.heads[i] === 0) {
      this.keys[i] = key;
      this.used++;
    } else if (this.counts[i]! >= max) return -1;
    const previous = this.heads[i]!;
    this.heads[i] = slot + 1;
    this.counts[i]!++;
    return previous;
  }

  private grow() {
    const { keys, heads, counts } = this;
    this.keys = new Int32Array(keys.length * 2);
    this.heads = new Int32Array(keys.length * 2);
    this.counts = new Uint16Array(keys.length * 2);
    for (let i = 0; i < keys.length; i++) {
      if (heads[i] === 0) continue;
      const j = this.cell(keys[i]!);
      this.keys[j] = keys[i]!;
      this.heads[j] = heads[i]!;
      this.counts[j] = counts[i]!;
    }
  }
}
