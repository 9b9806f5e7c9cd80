/**
 * A growing corpus. Documents go through three steps, each safe to repeat:
 * 1. enqueue: the raw document is written to the inbox under its content hash (a document already stored
 *    or queued is skipped), and given a sequence number;
 * 2. prepare: extraction and the language layers, the heavy part, run outside any lock, so any number of
 *    workers can prepare at once; the prepared article is written back to its inbox row (a process
 *    placing its own documents keeps them in memory instead);
 * 3. place: under the engine-state row lock, the inbox is drained strictly in sequence order for as long
 *    as the next row is prepared: each article joins a story, copies are recorded, the touched stories
 *    are marked stale, and all of it commits in one transaction;
 * 4. rebuild: each stale story's comparison, summary and timeline are rebuilt from all its articles, at
 *    once after an API write, now and then during a bulk ingest; the articles placed since the last
 *    round are indexed for search meanwhile (and before any search).
 * Placing in sequence order makes the stories the same whether one process or many did the work; the
 * inbox makes an ingest killed at any point resumable, with nothing lost or duplicated.
 */
import { createHash } from 'node:crypto';
import type { RawDocument } from '../ingest/index.ts';
import type { Article, Duplicate, Story } from '../model/index.ts';
import { buildStory, prepareArticle, type WorkerPool } from '../pipeline/index.ts';
import { type EncodedStory, unpackArticle } from './codec.ts';
import { insertRows } from './sql.ts';
import type { Store } from './store.ts';

export interface IngestResult {
  id: string;
  created: boolean;
  story: string | null;
  /** Why the document could not be placed (it stays set aside in the inbox until ingested again). */
  failed?: string;
}

/**
 * The engine threw on one article. Its inbox row is set aside with the message instead of being retried
 * for ever: one article the engine cannot place must not stop every article after it.
 */
class PlacementError extends Error {
  constructor(
    readonly seq: number,
    articleId: string,
    cause: unknown,
  ) {
    super(`placing ${articleId} failed: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
  }
}

/** What the incremental engines must offer: place one article, report copies found, persist as JSON. */
export interface CorpusEngine {
  add(article: Article): { story: string; duplicates: Duplicate[]; storyTitle?: string; keywords?: string[] };
  /** Stories merged since the last call: every article of `from` now belongs to `into`. */
  takeMerges(): { from: string; into: string }[];
  toJSON(): unknown;
}

export type EngineFactory = (state: unknown | null) => CorpusEngine;

const ENGINE_STATE = 'engine';
// How long a claim on a stale story holds: far longer than any build, short enough that a story a dead
// worker claimed is not left stale for long.
const CLAIM_SECONDS = 300;
/** How often a long ingest or a busy worker brings stale stories up to date. */
export const REBUILD_EVERY_MS = 10_000;
/**
 * The article sequence number the saved engine state includes. The state is saved now and then, not per
 * batch (its size grows with the corpus): the articles placed after it are replayed onto it, in order,
 * which gives exactly the engine that placed them, since the engines are deterministic.
 */
const ENGINE_THROUGH = 'engine-through-seq';
/** A new checkpoint once this many articles, or a quarter of the corpus, were placed since the last. */
const CHECKPOINT_MIN_ARTICLES = 500;
const CHECKPOINT_SHARE = 0.25;

export function contentHash(doc: RawDocument): string {
  return createHash('sha256')
    .update(`${doc.format}\0${doc.source.url ?? doc.meta.url ?? ''}\0${doc.content}`)
    .digest('hex');
}

function articleIdFor(doc: RawDocument, hash: string): string {
  return safeId(doc.id ?? hash.slice(0, 12), hash);
}

/** Prepares a document; one that cannot be prepared is still placed (empty, flagged), so the sequence never stalls. */
function prepareSafely(doc: RawDocument, hash: string): Article {
  try {
    return prepareArticle(doc, { id: articleIdFor(doc, hash) });
  } catch (error) {
    const article = prepareArticle(
      { ...doc, format: 'text', content: '' },
      { id: safeId(doc.id ?? '', hash) },
    );
    article.flags.push('failed');
    article.messages.push({ stage: 'prepare', level: 'error', text: (error as Error).message });
    return article;
  }
}

function safeId(wanted: string, hash: string): string {
  return (
    wanted
      .trim()
      .replace(/[^\w.:-]+/g, '-')
      .slice(0, 120) || hash.slice(0, 12)
  );
}

/** An article ready to be placed, with its layers encoded for the database when they were encoded already. */
interface Prepared {
  article: Article;
  layers?: string;
}

/** What the corpus asks of a worker pool (pipeline/pool.ts). */
export interface CorpusPool extends Pick<WorkerPool, 'size'> {
  prepareForStore(doc: RawDocument, id: string): Promise<Prepared>;
  /** A story's findings, built off this thread: encoded for the database already, or not. */
  buildStory(...task: Parameters<WorkerPool['buildStory']>): Promise<Story | EncodedStory>;
}

interface StaleRow {
  id: string;
  title: string | null;
  keywords: string[] | null;
  /** When the story was last marked, as text: compared exactly before saving. */
  marked: string;
}

export interface CorpusOptions {
  /**
   * Worker threads for preparing articles and building stories; without one, both run on the calling
   * thread. The pool belongs to the caller, who closes it.
   */
  pool?: CorpusPool;
}

export class Corpus {
  /** This process's engine after its last placement, and the last article sequence number it has seen. */
  private engine: { engine: CorpusEngine; through: number } | undefined;
  private readonly turns: Record<'enqueue' | 'place', Promise<unknown>> = {
    enqueue: Promise.resolve(),
    place: Promise.resolve(),
  };
  /** Inbox rows this process is preparing in memory now, which no other step should prepare again. */
  private readonly preparing = new Set<number>();

  constructor(
    readonly store: Store,
    private readonly engineFactory: EngineFactory,
    private options: CorpusOptions = {},
  ) {}

  /** Hands the heavy steps to a pool from now on (or back to this thread, with undefined). */
  usePool(pool: CorpusPool | undefined): void {
    this.options = { ...this.options, pool };
  }

  /** In the pool when there is one; a document the pool fails on is prepared here, safely. */
  private async prepare(doc: RawDocument, hash: string): Promise<Prepared> {
    const pool = this.options.pool;
    if (!pool) return { article: prepareSafely(doc, hash) };
    try {
      return await pool.prepareForStore(doc, articleIdFor(doc, hash));
    } catch {
      return { article: prepareSafely(doc, hash) };
    }
  }

  /**
   * Stores documents and places them. With `rebuild` (the default) their stories' findings are rebuilt
   * before it returns; bulk ingests pass `false` and call `rebuildStale` now and then, so that a story
   * that grows by many articles is rebuilt once rather than once per batch.
   */
  async add(docs: RawDocument[], options: { rebuild?: boolean } = {}): Promise<IngestResult[]> {
    const hashes = docs.map(contentHash);
    // Calls may overlap (a bulk ingest prepares its next batch while this one is placed): both their
    // turns are taken now, in the order the calls were made, so that sequence numbers follow the input
    // and each call places only after the one before it; only preparation runs side by side.
    let handOver!: (articles: Map<number, Prepared>) => void;
    let giveUp!: (error: unknown) => void;
    const preparedHere = new Promise<Map<number, Prepared>>((resolve, reject) => {
      handOver = resolve;
      giveUp = reject;
    });
    const enqueued = this.inTurn('enqueue', async () => {
      const stored = new Set((await this.store.articlesByContent(hashes)).keys());
      return { stored, entries: await this.enqueueEntries(docs, hashes, stored) };
    });
    const placing = this.inTurn('place', async () => {
      const inMemory = await preparedHere;
      // Rows left unprepared by an earlier, interrupted run are finished too (not those another call of
      // this process is preparing right now).
      for (let batch = await this.unprepared(); batch.length; batch = await this.unprepared()) {
        const pending = batch.filter((seq) => !inMemory.has(seq) && !this.preparing.has(seq));
        if (!pending.length) break;
        for (const seq of pending) await this.prepareQueued(seq);
      }
      while ((await this.placeReady(500, inMemory)) > 0);
    });
    // This process prepares its own documents in memory and places them straight away: the inbox keeps
    // only the raw document (enough to redo the work after a crash), not a second copy of the article.
    let stored = new Set<string>();
    let entries: { seq: number; index: number }[] = [];
    try {
      ({ stored, entries } = await enqueued);
      for (const { seq } of entries) this.preparing.add(seq);
      const prepared = await Promise.all(
        entries.map(({ index }) => this.prepare(docs[index]!, hashes[index]!)),
      );
      handOver(new Map(entries.map(({ seq }, i) => [seq, prepared[i]!])));
      await placing;
    } catch (error) {
      giveUp(error);
      // The placing turn fails with the same error; it is reported once, here.
      await placing.catch(() => {});
      throw error;
    } finally {
      for (const { seq } of entries) this.preparing.delete(seq);
    }
    if (options.rebuild !== false) await this.rebuildStale();
    const placed = await this.store.articlesByContent(hashes);
    const failed = await this.failedDocuments(hashes);
    const seen = new Set<string>();
    return hashes.map((hash) => {
      const row = placed.get(hash);
      const failure = failed.get(hash);
      const result: IngestResult = failure
        ? { id: '', created: false, story: null, failed: failure }
        : { id: row?.id ?? '', created: !stored.has(hash) && !seen.has(hash), story: row?.story ?? null };
      seen.add(hash);
      return result;
    });
  }

  /** Runs `step` after every earlier call's step of the same kind has finished (or failed). */
  private inTurn<T>(kind: 'enqueue' | 'place', step: () => Promise<T>): Promise<T> {
    const run = this.turns[kind].then(step, step);
    this.turns[kind] = run.catch(() => {});
    return run;
  }

  /** Step 1. Returns the sequence numbers of documents that were new. */
  async enqueue(docs: RawDocument[], hashes = docs.map(contentHash)): Promise<number[]> {
    return (await this.enqueueEntries(docs, hashes)).map((e) => e.seq);
  }

  /**
   * Step 1 with the position in `docs` of each document that was new. `stored` is the set of hashes the
   * caller has just found stored, so that they are not looked up a second time.
   */
  private async enqueueEntries(
    docs: RawDocument[],
    hashes: string[],
    stored?: Set<string>,
  ): Promise<{ seq: number; index: number }[]> {
    const known = stored ?? new Set((await this.store.articlesByContent(hashes)).keys());
    // A document repeated within the batch is enqueued once, at its first position.
    const firstIndex = new Map<string, number>();
    hashes.forEach((hash, i) => {
      if (!known.has(hash) && !firstIndex.has(hash)) firstIndex.set(hash, i);
    });
    const fresh = [...firstIndex.values()];
    // One transaction and multi-row statements for the batch, not a commit and a statement per document.
    return this.store.transaction(async (tx) => {
      const rows = await insertRows<number, { seq: string; content_hash: string }>(
        tx.db,
        fresh,
        2,
        // A document set aside as failed is tried again when it is ingested again (the bug that failed it
        // may be fixed); one still waiting is left as it is.
        (values) =>
          `insert into inbox (content_hash, doc) values ${values}
           on conflict (content_hash) do update set failed = null, article = null
             where inbox.failed is not null
           returning seq, content_hash`,
        (i) => [hashes[i]!, JSON.stringify(docs[i]!)],
      );
      // RETURNING promises no order; sequence numbers were drawn in input order.
      return rows
        .map((row) => ({ seq: Number(row.seq), index: firstIndex.get(row.content_hash)! }))
        .sort((a, b) => a.seq - b.seq);
    });
  }

  /** Step 2, for one inbox row; a row already prepared (or gone) is left alone. */
  async prepareQueued(seq: number): Promise<void> {
    const row = (
      await this.store.db.query<{ doc: RawDocument; content_hash: string; prepared: boolean }>(
        'select doc, content_hash, article is not null as prepared from inbox where seq = $1',
        [seq],
      )
    )[0];
    if (!row || row.prepared) return;
    const article = prepareSafely(row.doc, row.content_hash);
    await this.store.db.query('update inbox set article = $2 where seq = $1 and article is null', [
      seq,
      JSON.stringify(article),
    ]);
  }

  /** Unprepared inbox rows, oldest first: what a restarted ingest or an idle worker picks up. */
  async unprepared(limit = 1000, olderThanSeconds = 0): Promise<number[]> {
    const rows = await this.store.db.query<{ seq: string }>(
      `select seq from inbox where article is null and failed is null
         and enqueued_at <= now() - make_interval(secs => $2)
       order by seq limit $1`,
      [limit, olderThanSeconds],
    );
    return rows.map((r) => Number(r.seq));
  }

  async pendingCount(): Promise<number> {
    return Number(
      (await this.store.db.query<{ n: string }>('select count(*) as n from inbox where failed is null'))[0]!
        .n,
    );
  }

  /**
   * Step 3: places prepared articles in sequence order until the next one is not ready. Returns how many.
   * An article the engine throws on is set aside (the batch it was in is placed again without it).
   */
  async placeReady(maxArticles = 500, preparedHere: Map<number, Prepared> = new Map()): Promise<number> {
    for (;;) {
      try {
        return await this.placeBatch(maxArticles, preparedHere);
      } catch (error) {
        if (!(error instanceof PlacementError)) throw error;
        await this.store.db.query('update inbox set failed = $2 where seq = $1', [error.seq, error.message]);
      }
    }
  }

  /** Documents set aside as failed, by content hash, with the reason. */
  async failedDocuments(hashes: string[]): Promise<Map<string, string>> {
    const rows = await this.store.db.query<{ content_hash: string; failed: string }>(
      'select content_hash, failed from inbox where content_hash = any($1) and failed is not null',
      [[...new Set(hashes)]],
    );
    return new Map(rows.map((r) => [r.content_hash, r.failed]));
  }

  private async placeBatch(maxArticles: number, preparedHere: Map<number, Prepared>): Promise<number> {
    // The engine kept from this process's last placement is brought up to date with what others placed
    // since (usually nothing); restoring it from the saved state costs time linear in the corpus. It is
    // dropped before any change and kept again only once the transaction has committed.
    let committed: { engine: CorpusEngine; through: number } | undefined;
    const placedCount = await this.store.transaction(async (tx) => {
      await tx.lockKey(ENGINE_STATE);
      const latest = await tx.lastArticleSeq();
      const kept = this.engine && this.engine.through <= latest ? this.engine : undefined;
      this.engine = undefined;
      const checkpoint = await tx.getState<number>(ENGINE_THROUGH);
      let engine: CorpusEngine;
      let through: number;
      if (kept) ({ engine, through } = kept);
      else {
        const saved = await tx.getState(ENGINE_STATE);
        engine = this.engineFactory(saved);
        // A state saved before checkpoints existed was saved with every batch: it includes everything.
        through = checkpoint ?? (saved ? latest : 0);
      }
      if (through < latest) await this.replay(tx, engine, through);
      const touched = new Map<string, { title?: string; keywords?: string[] }>();
      let placed = 0;
      while (placed < maxArticles) {
        const rows = await tx.db.query<{ seq: string; content_hash: string; article: Article | null }>(
          'select seq, content_hash, article from inbox where failed is null order by seq limit 50',
        );
        // A row is ready when its article is in the inbox or was prepared by this process.
        const isReady = (r: (typeof rows)[number]) => !!r.article || preparedHere.has(Number(r.seq));
        const firstWaiting = rows.findIndex((r) => !isReady(r));
        const ready = rows.slice(0, firstWaiting === -1 ? rows.length : firstWaiting);
        if (!ready.length) break;
        const prepared = ready.map((row) =>
          row.article ? { article: row.article } : preparedHere.get(Number(row.seq))!,
        );
        const articles = prepared.map((p) => p.article);
        // Ids taken by stored articles or by earlier ones of this batch get the content hash appended.
        const taken = await tx.takenArticleIds(articles.map((a) => a.id));
        const inserts: Parameters<Store['insertArticles']>[0] = [];
        const duplicates: Duplicate[] = [];
        for (const [i, row] of ready.entries()) {
          const article = articles[i]!;
          if (taken.has(article.id)) article.id = `${article.id}-${row.content_hash.slice(0, 8)}`;
          taken.add(article.id);
          let storyId: string | null = null;
          if (article.text.trim()) {
            let placement: ReturnType<CorpusEngine['add']>;
            try {
              placement = engine.add(article);
            } catch (error) {
              throw new PlacementError(Number(row.seq), article.id, error);
            }
            storyId = placement.story;
            duplicates.push(...placement.duplicates);
            touched.set(storyId, { title: placement.storyTitle, keywords: placement.keywords });
          }
          inserts.push({ article, contentHash: row.content_hash, storyId, layers: prepared[i]!.layers });
        }
        await tx.saveDuplicates(duplicates);
        await tx.insertArticles(inserts);
        await tx.db.query('delete from inbox where seq = any($1)', [ready.map((row) => row.seq)]);
        placed += ready.length;
      }
      for (const { from, into } of engine.takeMerges()) {
        // Only the ids are needed to move them, not the articles' text and annotations.
        const moved = await tx.articleMetaOfStory(from);
        await tx.setArticleStory(
          moved.map((a) => a.id),
          into,
        );
        await tx.deleteStory(from);
        await tx.db.query('delete from stale_stories where id = $1', [from]);
        if (!touched.has(into)) touched.set(into, {});
        touched.delete(from);
      }
      // Touched stories are marked in the same transaction as the placements, so a crash between placing
      // and rebuilding leaves them marked, never forgotten.
      for (const [storyId, meta] of touched)
        await tx.db.query(
          `insert into stale_stories (id, title, keywords) values ($1, $2, $3)
           on conflict (id) do update set title = coalesce(excluded.title, stale_stories.title),
             keywords = coalesce(excluded.keywords, stale_stories.keywords), marked_at = now()`,
          [storyId, meta.title ?? null, meta.keywords ? JSON.stringify(meta.keywords) : null],
        );
      const last = placed ? await tx.lastArticleSeq() : latest;
      const since = last - (checkpoint ?? 0);
      if (
        placed &&
        (checkpoint === null || since >= Math.max(CHECKPOINT_MIN_ARTICLES, CHECKPOINT_SHARE * last))
      ) {
        await tx.setState(ENGINE_STATE, engine.toJSON());
        await tx.setState(ENGINE_THROUGH, last);
      }
      committed = { engine, through: last };
      return placed;
    });
    this.engine = committed;
    return placedCount;
  }

  /** Places the articles stored after `after` onto `engine`, as they were placed the first time. */
  private async replay(tx: Store, engine: CorpusEngine, after: number): Promise<void> {
    for (let from = after; ; ) {
      const rows = await tx.placedArticlesAfter(from, 500);
      if (!rows.length) break;
      for (const { article } of rows) engine.add(article);
      from = rows.at(-1)!.seq;
    }
    // Their merges were applied when they were placed.
    engine.takeMerges();
  }

  /**
   * Rebuilds the findings of every story marked stale. Returns how many were rebuilt.
   *
   * A story is read in one transaction, built outside any (in the pool when there is one), and saved in
   * another only if it was not marked again meanwhile: a placement that changes a story marks it with a
   * new time in the same transaction, so an unchanged mark (read before the articles) means the findings
   * describe the story as it still is; a story marked again is built again in the next round. Building
   * outside the transaction keeps placements (and other workers) from waiting on it. With a pool, one
   * more story is in hand than there are threads, so that this thread reads and saves while they build.
   */
  async rebuildStale(): Promise<number> {
    // Articles placed since the last round are indexed for search meanwhile: with a pool, this thread
    // mostly waits for the threads building the stories.
    // Both are waited for even when one fails, so that nothing still runs against the database once
    // this returns (a caller may close it).
    const [rebuilt, indexed] = await Promise.allSettled([
      this.rebuildStories(),
      this.store.indexAllArticles(),
    ]);
    if (rebuilt.status === 'rejected') throw rebuilt.reason;
    if (indexed.status === 'rejected') throw indexed.reason;
    return rebuilt.value;
  }

  private async rebuildStories(): Promise<number> {
    const pool = this.options.pool;
    const inHand = pool ? pool.size + 1 : 1;
    let rebuilt = 0;
    for (;;) {
      // Claimed, so that workers sharing a database build different stories rather than all the same
      // ones (only one of them could save it). A claim lapses, so a story claimed by a worker that died
      // is built by another one later.
      const rows = await this.store.db.query<StaleRow & { size: number }>(
        `update stale_stories set claimed_until = now() + make_interval(secs => $2)
         where id in (
           select id from stale_stories where claimed_until is null or claimed_until < now()
           order by marked_at, id limit $1 for update skip locked)
         returning id, title, keywords, marked_at::text as marked,
           (select count(*) from articles where story_id = stale_stories.id)::int as size`,
        [inHand * 4, CLAIM_SECONDS],
      );
      if (!rows.length) return rebuilt;
      // Largest first within a round: building costs more than linearly in a story's size, and a big
      // story started last would keep one thread busy while the others sit idle.
      rows.sort((a, b) => b.size - a.size);
      let next = 0;
      const work = async () => {
        while (next < rows.length) if (await this.rebuildStory(rows[next++]!)) rebuilt++;
      };
      // Every hand is waited for even when one fails, as in `rebuildStale`: the others go on with the
      // round's claimed stories, and nothing still runs against the database once this returns.
      const hands = await Promise.allSettled(Array.from({ length: Math.min(inHand, rows.length) }, work));
      const failed = hands.find((hand) => hand.status === 'rejected');
      if (failed) throw failed.reason;
    }
  }

  /** Reads, builds and (if still current) saves one stale story; true when it was saved. */
  private async rebuildStory(row: StaleRow): Promise<boolean> {
    let saved = false;
    try {
      saved = await this.buildAndSave(row);
      return saved;
    } finally {
      // A story marked again while it was built, or whose build failed, is free for the next round (a
      // release that fails too leaves the claim to lapse).
      if (!saved)
        await this.store.db
          .query('update stale_stories set claimed_until = null where id = $1', [row.id])
          .catch(() => {});
    }
  }

  private async buildAndSave(row: StaleRow): Promise<boolean> {
    const { group, articles, duplicates } = await this.store.transaction(async (tx) => {
      // Left packed: the thread that builds the story decodes them, not this one (codec.ts).
      const articles = await tx.packedArticlesOfStory(row.id);
      // The stored story (its whole findings document) is read only for what the mark lacks.
      const previous =
        articles.length && (row.title === null || row.keywords === null) ? await tx.getStory(row.id) : null;
      const duplicates = articles.length ? await tx.duplicatesOf(articles.map((a) => a.id)) : [];
      const group = {
        id: row.id,
        title: row.title ?? previous?.title ?? articles[0]?.meta.title ?? row.id,
        keywords: row.keywords ?? previous?.keywords ?? [],
        articles: articles.map((a) => a.id),
      };
      return { group, articles, duplicates };
    });
    // A story merged into another since it was marked has no articles left to describe.
    const pool = this.options.pool;
    const story = !articles.length
      ? null
      : pool
        ? await pool.buildStory(group, articles, duplicates)
        : buildStory(group, articles.map(unpackArticle), duplicates);
    return this.store.transaction(async (tx) => {
      // The engine-state lock orders this check-and-save with placements, which change membership.
      await tx.lockKey(ENGINE_STATE);
      const still = await tx.db.query('select 1 from stale_stories where id = $1 and marked_at::text = $2', [
        row.id,
        row.marked,
      ]);
      // Marked again (built again in the next round), or rebuilt by another worker meanwhile.
      if (!still.length) return false;
      if (story) await tx.saveStory(story, articles);
      await tx.db.query('delete from stale_stories where id = $1', [row.id]);
      return true;
    });
  }
}
