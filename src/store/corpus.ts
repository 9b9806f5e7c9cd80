/**
 * A growing corpus: articles arrive one batch at a time and each lands in a story whose comparison,
 * summary and timeline are rebuilt at once. The heavy per-article work (extraction, language layers)
 * runs before any lock; then one transaction per batch takes the engine state (copy index, story
 * clusters) for update, adds the batch, rewrites the touched stories and commits. A batch is acknowledged
 * only after its commit: killed at any point, a restart redoes at most the unacknowledged batch, and a
 * content hash makes every article's ingest idempotent.
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

export function contentHash(doc: RawDocument): string {
  return createHash('sha256')
    .update(`${doc.format}\0${doc.source.url ?? doc.meta.url ?? ''}\0${doc.content}`)
    .digest('hex');
}

export class Corpus {
  constructor(
    readonly store: Store,
    private readonly engineFactory: EngineFactory,
  ) {}

  /** Adds documents; returns one result per document, in order. */
  async add(docs: RawDocument[]): Promise<IngestResult[]> {
    const results: (IngestResult | null)[] = [];
    const fresh: { index: number; article: Article; hash: string }[] = [];
    for (const [index, doc] of docs.entries()) {
      const hash = contentHash(doc);
      const existing = await this.store.articleIdForContent(hash);
      if (existing) {
        const stored = await this.store.getArticle(existing);
        results.push({ id: existing, created: false, story: stored?.story ?? null });
        continue;
      }
      results.push(null);
      const id = await this.uniqueId(
        doc.id ?? hash.slice(0, 12),
        hash,
        fresh.map((f) => f.article.id),
      );
      fresh.push({ index, article: prepareArticle(doc, { id }), hash });
    }
    if (fresh.length) {
      const placed = await this.store.transaction(async (tx) => {
        const engine = this.engineFactory(await tx.lockState(ENGINE_STATE));
        const out: IngestResult[] = [];
        const touched = new Set<string>();
        const meta = new Map<string, { title?: string; keywords?: string[] }>();
        for (const { article, hash } of fresh) {
          // A concurrent worker may have stored the same content while this one was preparing it.
          const raced = await tx.articleIdForContent(hash);
          if (raced) {
            out.push({ id: raced, created: false, story: (await tx.getArticle(raced))?.story ?? null });
            continue;
          }
          if (!article.text.trim()) {
            await tx.insertArticle(article, hash, null);
            out.push({ id: article.id, created: true, story: null });
            continue;
          }
          const placement = engine.add(article);
          await tx.insertArticle(article, hash, placement.story);
          await tx.saveDuplicates(placement.duplicates);
          touched.add(placement.story);
          meta.set(placement.story, { title: placement.storyTitle, keywords: placement.keywords });
          out.push({ id: article.id, created: true, story: placement.story });
        }
        for (const { from, into } of engine.takeMerges()) {
          const moved = await tx.articlesOfStory(from);
          await tx.setArticleStory(
            moved.map((a) => a.id),
            into,
          );
          await tx.deleteStory(from);
          touched.delete(from);
          touched.add(into);
          for (const r of out) if (r.story === from) r.story = into;
        }
        for (const storyId of touched) await this.rebuildStory(tx, storyId, meta.get(storyId));
        await tx.setState(ENGINE_STATE, engine.toJSON());
        return out;
      });
      fresh.forEach((f, i) => {
        results[f.index] = placed[i]!;
      });
    }
    return results as IngestResult[];
  }

  private async uniqueId(wanted: string, hash: string, pending: string[]): Promise<string> {
    const base =
      wanted
        .trim()
        .replace(/[^\w.:-]+/g, '-')
        .slice(0, 120) || hash.slice(0, 12);
    if (!pending.includes(base) && !(await this.store.articleIdTaken(base))) return base;
    return `${base}-${hash.slice(0, 8)}`;
  }

  private async rebuildStory(
    tx: Store,
    storyId: string,
    meta?: { title?: string; keywords?: string[] },
  ): Promise<Story> {
    const articles = await tx.articlesOfStory(storyId);
    const previous = await tx.getStory(storyId);
    const duplicates = await tx.duplicatesOf(articles.map((a) => a.id));
    const story = buildStory(
      {
        id: storyId,
        title: meta?.title ?? previous?.title ?? articles[0]?.meta.title ?? storyId,
        keywords: meta?.keywords ?? previous?.keywords ?? [],
        articles: articles.map((a) => a.id),
      },
      articles,
      duplicates,
    );
    await tx.saveStory(story, articles);
    return story;
  }
}
