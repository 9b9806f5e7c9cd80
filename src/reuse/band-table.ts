/**
 * One LSH band's buckets as an open-addressing hash table in one typed array: a bucket is a chain of
 * document slots threaded through a shared `next` array. Adding a document writes a few integers instead
 * of allocating a map entry and an array per band, which is most of what a copy index costs. Each cell
 * keeps its key, chain head and count side by side, so that a probe touches one cache line: with tens of
 * thousands of documents the tables outgrow the cache, and a lookup costs its memory reads.
 */
const STRIDE = 3;

export class BandTable {
  /** Per cell: key, head of the chain as slot + 1 (0: the cell is empty), and the chain's length. */
  private cells: Int32Array;
  private capacity: number;
  private used = 0;

  constructor(capacity = 1024) {
    this.capacity = capacity;
    this.cells = new Int32Array(capacity * STRIDE);
  }

  /** The cell index (times STRIDE) for `key`: its own cell, or the empty cell where it would go. */
  private cell(key: number): number {
    const mask = this.capacity - 1;
    const cells = this.cells;
    let i = Math.imul(key ^ (key >>> 15), 0x2c1b3c6d) & mask;
    while (cells[i * STRIDE + 1] !== 0 && cells[i * STRIDE] !== key) i = (i + 1) & mask;
    return i * STRIDE;
  }

  /** The first slot of the bucket (slot + 1), or 0 when there is none. */
  first(key: number): number {
    return this.cells[this.cell(key) + 1]!;
  }

  /**
   * The cell of `key`, with room made for one more key first: a caller that reads a bucket and then
   * pushes onto it probes the table once (`headAt`, then `pushAt`).
   */
  locate(key: number): number {
    if ((this.used + 1) * 2 > this.capacity) this.grow();
    return this.cell(key);
  }

  /** The first slot (slot + 1, 0 for none) of the bucket in the cell `locate` gave. */
  headAt(at: number): number {
    return this.cells[at + 1]!;
  }

  /**
   * Puts `slot` at the head of the bucket of `key`, in the cell `locate` gave with no other push in
   * between, unless the bucket already holds `max` slots; returns the previous head (slot + 1, 0 for none),
   * which the caller stores as the slot's `next`, or -1 when full.
   */
  pushAt(at: number, key: number, slot: number, max: number): number {
    const cells = this.cells;
    if (cells[at + 1] === 0) {
      cells[at] = key;
      this.used++;
    } else if (cells[at + 2]! >= max) return -1;
    const previous = cells[at + 1]!;
    cells[at + 1] = slot + 1;
    cells[at + 2]!++;
    return previous;
  }

  private grow() {
    const old = this.cells;
    this.capacity *= 2;
    this.cells = new Int32Array(this.capacity * STRIDE);
    for (let at = 0; at < old.length; at += STRIDE) {
      if (old[at + 1] === 0) continue;
      const to = this.cell(old[at]!);
      this.cells[to] = old[at]!;
      this.cells[to + 1] = old[at + 1]!;
      this.cells[to + 2] = old[at + 2]!;
    }
  }
}
