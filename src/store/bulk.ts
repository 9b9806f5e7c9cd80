/**
 * Bulk ingestion through a corpus, as `corroborate ingest` runs it: two batches are in flight at once
 * (the next one is read and prepared while this one is placed), and stories are rebuilt every few
 * seconds and at the end rather than after every batch, so that a story that grows by a hundred articles
 * is rebuilt a handful of times, not a hundred.
 */
import type { RawDocument } from '../ingest/index.ts';
import { type Corpus, type IngestResult, REBUILD_EVERY_MS } from './corpus.ts';

export class BulkIngest {
  private inFlight: Promise<void> | undefined;
  private lastRebuild = performance.now();

  constructor(
    private readonly corpus: Corpus,
    /** Called with each batch's results (in the order of its documents), in batch order. */
    private readonly onResults: (results: IngestResult[], docs: RawDocument[]) => void = () => {},
    private readonly rebuildEveryMs = REBUILD_EVERY_MS,
  ) {}

  /**
   * Starts adding `docs` at once and returns when the batch before it is placed (and stories rebuilt, if
   * due). A failure of either batch is thrown from the call that waits for it.
   */
  async add(docs: RawDocument[]): Promise<void> {
    const adding = this.corpus.add(docs, { rebuild: false }).then((results) => this.onResults(results, docs));
    // Its failure is reported where it is awaited, not as an unhandled rejection meanwhile.
    adding.catch(() => {});
    const previous = this.inFlight;
    this.inFlight = adding;
    await previous;
    if (performance.now() - this.lastRebuild > this.rebuildEveryMs) {
      await this.corpus.rebuildStale();
      this.lastRebuild = performance.now();
    }
  }

  /** Waits for the last batch to be placed. */
  async drain(): Promise<void> {
    const last = this.inFlight;
    this.inFlight = undefined;
    await last;
  }

  /** Drains, then rebuilds every stale story. Returns how many were rebuilt. */
  async finish(): Promise<number> {
    await this.drain();
    const rebuilt = await this.corpus.rebuildStale();
    this.lastRebuild = performance.now();
    return rebuilt;
  }
}
