/**
 * The corpus on disk: articles with their annotation layers, stories with their findings, copy pairs, and
 * the engines' persisted state. Everything is PostgreSQL SQL, so the embedded database and a server
 * behave the same.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Article, Duplicate, Story } from '../model/index.ts';
import {
  decodeLayers,
  decodeStory,
  type EncodedStory,
  encodeLayers,
  encodeStory,
  isEncoded,
  type PackedArticle,
  packArticle,
} from './codec.ts';
import { migrate } from './migrations.ts';
import { insertRows, openEmbedded, openPostgres, type SqlClient } from './sql.ts';

/** Where the embedded database lives unless `--db` or `CORROBORATE_DB` says otherwise. */
export function defaultDbLocation(): string {
  const base = process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share');
  return join(base, 'corroborate', 'db');
}

export interface StorySummaryRow {
  id: string;
  title: string;
  articleCount: number;
  outletCount: number;
  conflictCount: number;
  firstPublished: string | null;
  lastPublished: string | null;
  updatedAt: string;
  version: number;
}

export interface ListStoriesOptions {
  query?: string;
  since?: string;
  outlet?: string;
  limit?: number;
  offset?: number;
}

interface ArticleRow {
  id: string;
  source: Article['source'];
  meta: Article['meta'];
  text: string;
  /** Compressed annotations and removed text (store/codec.ts); null for articles stored before. */
  layers: string | null;
  annotations: Article['annotations'] | null;
  removed: Article['removed'] | null;
  flags: string[];
  story_id: string | null;
}

// The columns an article is rebuilt from: not `select *`, which would also send each article's search
// vector (as long as its text) only to drop it.
const ARTICLE_COLUMNS = 'id, source, meta, text, layers, annotations, removed, flags, story_id';

/** What an article row holds besides its layers, decoded or not. */
const articleFields = (r: ArticleRow): Omit<Article, 'annotations' | 'removed'> => ({
  id: r.id,
  source: r.source,
  meta: r.meta,
  text: r.text,
  flags: r.flags,
  messages: [],
});

const toArticle = (r: ArticleRow): Article => {
  const { annotations, removed } = r.layers
    ? decodeLayers(r.layers)
    : { annotations: r.annotations!, removed: r.removed! };
  return { ...articleFields(r), annotations, removed };
};

// Articles stored before layers were encoded are packed here: rare, and only ever read.
const toPacked = (r: ArticleRow): PackedArticle =>
  r.layers ? { ...articleFields(r), layers: r.layers } : packArticle(toArticle(r));

/** An article's search vector: its title, weighted above the text. */
const ARTICLE_SEARCH_VECTOR = `setweight(to_tsvector('simple', coalesce(meta->>'title', '')), 'A') || to_tsvector('english', text)`;
/** How many articles one indexing statement takes: a few tens of milliseconds in the embedded database. */
const INDEX_CHUNK = 25;

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : v == null ? null : String(v));

function validTimestamp(value: string | undefined): string | null {
  if (!value) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

export class Store {
  private constructor(readonly db: SqlClient) {}

  /** `postgres://…` opens a server; anything else is the embedded database's folder (`memory:` for none). */
  static async open(target = process.env.CORROBORATE_DB ?? defaultDbLocation()): Promise<Store> {
    const db = /^postgres(ql)?:\/\//.test(target)
      ? await openPostgres(target)
      : await openEmbedded(target === 'memory:' ? undefined : target);
    await migrate(db);
    // One process at a time opens the embedded database: a claim left in it is one a killed process
    // held, and would only keep its stories from being rebuilt until it lapsed.
    if (db.kind === 'embedded')
      await db.query('update stale_stories set claimed_until = null where claimed_until is not null');
    return new Store(db);
  }

  close(): Promise<void> {
    return this.db.close();
  }

  transaction<T>(fn: (store: Store) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => fn(new Store(tx)));
  }

  /** Stored articles by content hash (with their story), in one query. */
  async articlesByContent(hashes: string[]): Promise<Map<string, { id: string; story: string | null }>> {
    const rows = await this.db.query<{ content_hash: string; id: string; story_id: string | null }>(
      'select content_hash, id, story_id from articles where content_hash = any($1)',
      [[...new Set(hashes)]],
    );
    return new Map(rows.map((r) => [r.content_hash, { id: r.id, story: r.story_id }]));
  }

  /** Which of these article ids are stored already, in one query. */
  async takenArticleIds(ids: string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows = await this.db.query<{ id: string }>('select id from articles where id = any($1)', [
      [...new Set(ids)],
    ]);
    return new Set(rows.map((r) => r.id));
  }

  async insertArticle(article: Article, contentHash: string, storyId: string | null): Promise<void> {
    await this.insertArticles([{ article, contentHash, storyId }]);
  }

  /**
   * Stores articles, their layers encoded here unless they come encoded (from the worker thread that
   * prepared them). They are found by search once indexed (`indexArticles`).
   */
  async insertArticles(
    rows: { article: Article; contentHash: string; storyId: string | null; layers?: string }[],
  ): Promise<void> {
    await insertRows(
      this.db,
      rows,
      9,
      (values) =>
        `insert into articles (id, content_hash, source, meta, text, layers, flags, published, story_id)
         values ${values}`,
      ({ article, contentHash, storyId, layers }) => [
        article.id,
        contentHash,
        JSON.stringify(article.source),
        JSON.stringify(article.meta),
        article.text,
        layers ?? encodeLayers(article),
        JSON.stringify(article.flags),
        validTimestamp(article.meta.published),
        storyId,
      ],
    );
  }

  /**
   * Computes the search vectors of articles stored since the last call, oldest first, a bounded
   * number per statement; returns how many. Rows another process is indexing are skipped.
   */
  async indexArticles(limit = INDEX_CHUNK): Promise<number> {
    const rows = await this.db.query(
      `update articles set tsv = ${ARTICLE_SEARCH_VECTOR}
       where seq in (select seq from articles where tsv is null order by seq limit $1 for update skip locked)
       returning seq`,
      [limit],
    );
    return rows.length;
  }

  /** Indexes every article not yet indexed: a search then finds everything stored. */
  async indexAllArticles(): Promise<number> {
    let total = 0;
    for (let n = await this.indexArticles(); n > 0; n = await this.indexArticles()) total += n;
    return total;
  }

  async setArticleStory(ids: string[], storyId: string): Promise<void> {
    if (ids.length)
      await this.db.query('update articles set story_id = $1 where id = any($2)', [storyId, ids]);
  }

  async getArticle(id: string): Promise<(Article & { story: string | null }) | null> {
    const rows = await this.db.query<ArticleRow>(`select ${ARTICLE_COLUMNS} from articles where id = $1`, [
      id,
    ]);
    return rows[0] ? { ...toArticle(rows[0]), story: rows[0].story_id } : null;
  }

  async articlesOfStory(storyId: string): Promise<Article[]> {
    return (await this.articleRowsOfStory(storyId)).map(toArticle);
  }

  /** A story's articles with their layers left encoded, for a worker thread to decode (codec.ts). */
  async packedArticlesOfStory(storyId: string): Promise<PackedArticle[]> {
    return (await this.articleRowsOfStory(storyId)).map(toPacked);
  }

  private articleRowsOfStory(storyId: string): Promise<ArticleRow[]> {
    return this.db.query<ArticleRow>(
      `select ${ARTICLE_COLUMNS} from articles where story_id = $1 order by published nulls last, seq`,
      [storyId],
    );
  }

  /** The highest placement sequence number among stored articles (0 for none). */
  async lastArticleSeq(): Promise<number> {
    const rows = await this.db.query<{ seq: string | null }>('select max(seq) as seq from articles');
    return Number(rows[0]?.seq ?? 0);
  }

  /** Articles placed in a story after sequence number `after`, in placement order, `limit` at a time. */
  async placedArticlesAfter(after: number, limit: number): Promise<{ seq: number; article: Article }[]> {
    const rows = await this.db.query<ArticleRow & { seq: string }>(
      `select ${ARTICLE_COLUMNS}, seq from articles where seq > $1 and story_id is not null order by seq limit $2`,
      [after, limit],
    );
    return rows.map((r) => ({ seq: Number(r.seq), article: toArticle(r) }));
  }

  /** Id, metadata and source of a story's articles, without their text and annotations. */
  async articleMetaOfStory(storyId: string): Promise<Pick<Article, 'id' | 'meta' | 'source'>[]> {
    return this.db.query<Pick<Article, 'id' | 'meta' | 'source'>>(
      'select id, meta, source from articles where story_id = $1 order by published nulls last, seq',
      [storyId],
    );
  }

  /** The story's version alone: enough to answer a conditional request or to check a cached copy. */
  async storyVersion(id: string): Promise<number | null> {
    const rows = await this.db.query<{ version: number }>('select version from stories where id = $1', [id]);
    return rows[0]?.version ?? null;
  }

  async outlets(): Promise<string[]> {
    const rows = await this.db.query<{ outlet: string }>(
      `select distinct meta->>'outlet' as outlet from articles where meta->>'outlet' is not null order by 1 limit 1000`,
    );
    return rows.map((r) => r.outlet);
  }

  async countArticles(): Promise<number> {
    return Number((await this.db.query<{ n: string }>('select count(*) as n from articles'))[0]!.n);
  }

  async allArticleIds(): Promise<string[]> {
    return (await this.db.query<{ id: string }>('select id from articles order by seq')).map((r) => r.id);
  }

  /** Saves a story's findings, encoded here unless they come encoded (from a worker thread). */
  async saveStory(story: Story | EncodedStory, articles: Pick<Article, 'id' | 'meta'>[]): Promise<void> {
    const encoded = isEncoded(story) ? story : encodeStory(story);
    const outlets = new Set(articles.map((a) => a.meta.outlet ?? a.id));
    const dates = articles
      .map((a) => validTimestamp(a.meta.published))
      .filter((d): d is string => !!d)
      .sort();
    await this.db.query(
      `insert into stories (id, title, data, body, article_count, outlet_count, conflict_count, first_published, last_published, keywords)
       values ($1, $2, null, $3, $4, $5, $6, $7, $8, $9)
       on conflict (id) do update set title = excluded.title, data = null, body = excluded.body, article_count = excluded.article_count,
         outlet_count = excluded.outlet_count, conflict_count = excluded.conflict_count, first_published = excluded.first_published,
         last_published = excluded.last_published, keywords = excluded.keywords, updated_at = now(), version = stories.version + 1`,
      [
        encoded.id,
        encoded.title,
        encoded.body,
        articles.length,
        outlets.size,
        encoded.conflicts,
        dates[0] ?? null,
        dates.at(-1) ?? null,
        encoded.keywords.join(' '),
      ],
    );
  }

  async deleteStory(id: string): Promise<void> {
    await this.db.query('delete from stories where id = $1', [id]);
  }

  async getStory(id: string): Promise<(Story & { version: number; updatedAt: string }) | null> {
    const rows = await this.db.query<{
      data: Story | null;
      body: string | null;
      version: number;
      updated_at: unknown;
    }>('select data, body, version, updated_at from stories where id = $1', [id]);
    const row = rows[0];
    if (!row) return null;
    // Stories saved before findings were stored compressed keep them as JSON until rebuilt.
    const story = row.body !== null ? decodeStory(row.body) : row.data!;
    return { ...story, version: row.version, updatedAt: iso(row.updated_at)! };
  }

  async listStories(
    options: ListStoriesOptions = {},
  ): Promise<{ total: number; stories: StorySummaryRow[] }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (options.query) {
      await this.indexAllArticles();
      params.push(options.query);
      where.push(
        `(tsv @@ websearch_to_tsquery('english', $${params.length}) or id in (select story_id from articles where tsv @@ websearch_to_tsquery('english', $${params.length})))`,
      );
    }
    if (options.since) {
      params.push(validTimestamp(options.since));
      where.push(`coalesce(last_published, updated_at) >= $${params.length}`);
    }
    if (options.outlet) {
      params.push(options.outlet);
      where.push(`id in (select story_id from articles where meta->>'outlet' = $${params.length})`);
    }
    const clause = where.length ? `where ${where.join(' and ')}` : '';
    const total = Number(
      (await this.db.query<{ n: string }>(`select count(*) as n from stories ${clause}`, params))[0]!.n,
    );
    params.push(Math.min(Math.max(options.limit ?? 50, 1), 500), Math.max(options.offset ?? 0, 0));
    const rows = await this.db.query<Record<string, unknown>>(
      `select id, title, article_count, outlet_count, conflict_count, first_published, last_published, updated_at, version
       from stories ${clause} order by coalesce(last_published, updated_at) desc, id limit $${params.length - 1} offset $${params.length}`,
      params,
    );
    return {
      total,
      stories: rows.map((r) => ({
        id: String(r.id),
        title: String(r.title),
        articleCount: Number(r.article_count),
        outletCount: Number(r.outlet_count),
        conflictCount: Number(r.conflict_count),
        firstPublished: iso(r.first_published),
        lastPublished: iso(r.last_published),
        updatedAt: iso(r.updated_at)!,
        version: Number(r.version),
      })),
    };
  }

  async searchArticles(query: string, limit = 20, offset = 0) {
    await this.indexAllArticles();
    const rows = await this.db.query<Record<string, unknown>>(
      `select id, story_id, meta->>'title' as title, meta->>'outlet' as outlet, published,
         ts_headline('english', text, q, 'MaxFragments=1, MaxWords=30, MinWords=10, StartSel=<<, StopSel=>>') as snippet,
         ts_rank(tsv, q) as rank
       from articles, websearch_to_tsquery('english', $1) q where tsv @@ q order by rank desc, id limit $2 offset $3`,
      [query, Math.min(Math.max(limit, 1), 200), Math.max(offset, 0)],
    );
    return rows.map((r) => ({
      id: String(r.id),
      story: r.story_id as string | null,
      title: r.title as string | null,
      outlet: r.outlet as string | null,
      published: iso(r.published),
      snippet: String(r.snippet),
    }));
  }

  async saveDuplicates(duplicates: Duplicate[]): Promise<void> {
    // One statement may not update a row twice: the last finding about a pair is the one kept.
    const unique = [...new Map(duplicates.map((d) => [`${d.a}\u0000${d.b}`, d])).values()];
    await insertRows(
      this.db,
      unique,
      5,
      (values) =>
        `insert into duplicates (a, b, kind, similarity, original) values ${values}
         on conflict (a, b) do update set kind = excluded.kind, similarity = excluded.similarity, original = excluded.original`,
      (d) => [d.a, d.b, d.kind, d.similarity, d.original ?? null],
    );
  }

  async duplicatesOf(ids: string[]): Promise<Duplicate[]> {
    const rows = await this.db.query<Record<string, unknown>>(
      'select * from duplicates where a = any($1) or b = any($1)',
      [ids],
    );
    return rows.map((r) => ({
      a: String(r.a),
      b: String(r.b),
      kind: r.kind as Duplicate['kind'],
      similarity: Number(r.similarity),
      ...(r.original ? { original: String(r.original) } : {}),
    }));
  }

  async getState<T>(key: string): Promise<T | null> {
    const rows = await this.db.query<{ value: T }>('select value from state where key = $1', [key]);
    return rows[0]?.value ?? null;
  }

  /** Reads state for update: inside a transaction on PostgreSQL, other workers wait for this one. */
  /** Takes the row lock of a state key without reading its (possibly large) value. */
  async lockKey(key: string): Promise<void> {
    await this.db.query(
      `insert into state (key, value) values ($1, 'null'::jsonb) on conflict (key) do nothing`,
      [key],
    );
    await this.db.query('select key from state where key = $1 for update', [key]);
  }

  async setState(key: string, value: unknown): Promise<void> {
    await this.db.query(
      `insert into state (key, value, updated_at) values ($1, $2, now()) on conflict (key) do update set value = excluded.value, updated_at = now()`,
      [key, JSON.stringify(value)],
    );
  }
}
