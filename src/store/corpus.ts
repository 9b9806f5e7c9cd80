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
 *    once after an API write, now and then during a bulk ingest.
 * Placing in sequence order makes the stories the same whether one process or many did the work; the
 * inbox makes an ingest killed at any point resumable, with nothing lost or duplicated.
 */
import { createHash } from 'node:crypto';
import type { RawDocument } from '../ingest/index.ts';
import type { Article, Duplicate, Story } from '../model/index.ts';
import { buildStory, prepareArticle } from '../pipeline/index.ts';
import type { Store } from './store.ts';

export interface IngestResult {
  id: string;
  created: boolean;
  story: string | null;
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
/** How often a long ingest or a busy worker brings stale stories up to date. */
export const REBUILD_EVERY_MS = 10_000;
/** Bumped with every saved engine state, so a process can tell whether its in-memory engine is current. */
const ENGINE_VERSION = 'engine-version';

export function contentHash(doc: RawDocument): string {
  return createHash('sha256')
    .update(`${doc.format}\0${doc.source.url ?? doc.meta.url ?? ''}\0${doc.content}`)
    .digest('hex');
}

/** Prepares a document; one that cannot be prepared is still placed (empty, flagged), so the sequence never stalls. */
function prepareSafely(doc: RawDocument, hash: string): Article {
  try {
    return prepareArticle(doc, { id: safeId(doc.id ?? hash.slice(0, 12), hash) });
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

export class Corpus {
  private engine: { engine: CorpusEngine; version: number } | undefined;

  constructor(
    readonly store: Store,
    private readonly engineFactory: EngineFactory,
  ) {}

  /**
   * Stores documents and places them. With `rebuild` (the default) their stories' findings are rebuilt
   * before it returns; bulk ingests pass `false` and call `rebuildStale` now and then, so that a story
   * that grows by many articles is rebuilt once rather than once per batch.
   */
  async add(docs: RawDocument[], options: { rebuild?: boolean } = {}): Promise<IngestResult[]> {
    const hashes = docs.map(contentHash);
    const stored = new Set<string>();
    for (const hash of hashes) if (await this.store.articleIdForContent(hash)) stored.add(hash);
    // This process prepares its own documents in memory and places them straight away: the inbox keeps
    // only the raw document (enough to redo the work after a crash), not a second copy of the article.
    const inMemory = new Map<number, Article>();
    for (const { seq, index } of await this.enqueueEntries(docs, hashes, stored))
      inMemory.set(seq, prepareSafely(docs[index]!, hashes[index]!));
    // Rows left unprepared by an earlier, interrupted run are finished too.
    for (let batch = await this.unprepared(); batch.length; batch = await this.unprepared()) {
      const pending = batch.filter((seq) => !inMemory.has(seq));
      if (!pending.length) break;
      for (const seq of pending) await this.prepareQueued(seq);
    }
    while ((await this.placeReady(500, inMemory)) > 0);
    if (options.rebuild !== false) await this.rebuildStale();
    const seen = new Set<string>();
    const results: IngestResult[] = [];
    for (const hash of hashes) {
      const row = (
        await this.store.db.query<{ id: string; story_id: string | null }>(
          'select id, story_id from articles where content_hash = $1',
          [hash],
        )
      )[0];
      results.push({
        id: row?.id ?? '',
        created: !stored.has(hash) && !seen.has(hash),
        story: row?.story_id ?? null,
      });
      seen.add(hash);
    }
    return results;
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
    const entries: { seq: number; index: number }[] = [];
    for (const [i, doc] of docs.entries()) {
      const hash = hashes[i]!;
      if (stored ? stored.has(hash) : await this.store.articleIdForContent(hash)) continue;
      const rows = await this.store.db.query<{ seq: string }>(
        'insert into inbox (content_hash, doc) values ($1, $2) on conflict (content_hash) do nothing returning seq',
        [hash, JSON.stringify(doc)],
      );
      if (rows[0]) entries.push({ seq: Number(rows[0].seq), index: i });
    }
    return entries;
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
      `select seq from inbox where article is null and enqueued_at <= now() - make_interval(secs => $2)
       order by seq limit $1`,
      [limit, olderThanSeconds],
    );
    return rows.map((r) => Number(r.seq));
  }

  async pendingCount(): Promise<number> {
    return Number((await this.store.db.query<{ n: string }>('select count(*) as n from inbox'))[0]!.n);
  }

  /** Step 3: places prepared articles in sequence order until the next one is not ready. Returns how many. */
  async placeReady(maxArticles = 500, preparedHere: Map<number, Article> = new Map()): Promise<number> {
    // The engine kept from this process's last placement is reused when no one has placed since (the
    // version under the lock says so): restoring it from its saved state costs time linear in the corpus.
    // It is dropped before any change and kept again only once the transaction has committed.
    let committed: { engine: CorpusEngine; version: number } | undefined;
    const placedCount = await this.store.transaction(async (tx) => {
      await tx.lockKey(ENGINE_STATE);
      const version = (await tx.getState<number>(ENGINE_VERSION)) ?? 0;
      const kept = this.engine?.version === version ? this.engine.engine : undefined;
      this.engine = undefined;
      const engine = kept ?? this.engineFactory(await tx.getState(ENGINE_STATE));
      const touched = new Map<string, { title?: string; keywords?: string[] }>();
      let placed = 0;
      while (placed < maxArticles) {
        const rows = await tx.db.query<{ seq: string; content_hash: string; article: Article | null }>(
          'select seq, content_hash, article from inbox order by seq limit 50',
        );
        // A row is ready when its article is in the inbox or was prepared by this process.
        const isReady = (r: (typeof rows)[number]) => !!r.article || preparedHere.has(Number(r.seq));
        const firstWaiting = rows.findIndex((r) => !isReady(r));
        const ready = rows.slice(0, firstWaiting === -1 ? rows.length : firstWaiting);
        if (!ready.length) break;
        for (const row of ready) {
          const article = row.article ?? preparedHere.get(Number(row.seq))!;
          if (await tx.articleIdTaken(article.id))
            article.id = `${article.id}-${row.content_hash.slice(0, 8)}`;
          let storyId: string | null = null;
          if (article.text.trim()) {
            const placement = engine.add(article);
            storyId = placement.story;
            await tx.saveDuplicates(placement.duplicates);
            touched.set(storyId, { title: placement.storyTitle, keywords: placement.keywords });
          }
          await tx.insertArticle(article, row.content_hash, storyId);
          await tx.db.query('delete from inbox where seq = $1', [row.seq]);
          placed++;
        }
      }
      for (const { from, into } of engine.takeMerges()) {
        const moved = await tx.articlesOfStory(from);
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
      if (placed) {
        await tx.setState(ENGINE_STATE, engine.toJSON());
        await tx.setState(ENGINE_VERSION, version + 1);
      }
      committed = { engine, version: placed ? version + 1 : version };
      return placed;
    });
    this.engine = committed;
    return placedCount;
  }

  /** Rebuilds the findings of every story marked stale, each in its own transaction. Returns how many. */
  async rebuildStale(): Promise<number> {
    let rebuilt = 0;
    for (;;) {
      const done = await this.store.transaction(async (tx) => {
        // The engine state's lock serialises rebuilds with placements, which change story membership.
        await tx.lockKey(ENGINE_STATE);
        const row = (
          await tx.db.query<{ id: string; title: string | null; keywords: string[] | null }>(
            'select id, title, keywords from stale_stories order by marked_at, id limit 1',
          )
        )[0];
        if (!row) return false;
        await this.rebuildStory(tx, row.id, {
          ...(row.title ? { title: row.title } : {}),
          ...(row.keywords ? { keywords: row.keywords } : {}),
        });
        await tx.db.query('delete from stale_stories where id = $1', [row.id]);
        return true;
      });
      if (!done) return rebuilt;
      rebuilt++;
    }
  }

  private async rebuildStory(
    tx: Store,
    storyId: string,
    meta: { title?: string; keywords?: string[] },
  ): Promise<Story | null> {
    const articles = await tx.articlesOfStory(storyId);
    // A story merged into another since it was marked has no articles left to describe.
    if (!articles.length) return null;
    const previous = await tx.getStory(storyId);
    const duplicates = await tx.duplicatesOf(articles.map((a) => a.id));
    const story = buildStory(
      {
        id: storyId,
        title: meta.title ?? previous?.title ?? articles[0]?.meta.title ?? storyId,
        keywords: meta.keywords ?? previous?.keywords ?? [],
        articles: articles.map((a) => a.id),
      },
      articles,
      duplicates,
    );
    await tx.saveStory(story, articles);
    return story;
  }
}
