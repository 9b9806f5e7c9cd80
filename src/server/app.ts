/**
 * The HTTP API. Reads are open; every write needs the bearer token. Request bodies are size-limited,
 * concurrent work is bounded (excess requests get 503 at once rather than queueing until they time out),
 * and every error is a JSON object with a code and a message.
 */
import { timingSafeEqual } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { brotliCompressSync, gzipSync, constants as zlibConstants } from 'node:zlib';
import { getConnInfo } from '@hono/node-server/conninfo';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import type { RawDocument } from '../ingest/index.ts';
import { documentFromRecord, InputError } from '../ingest/index.ts';
import type { IngestResult, Store } from '../store/index.ts';
import { openApiDocument } from './openapi.ts';

export interface AppOptions {
  store: Store;
  ingest: (docs: RawDocument[]) => Promise<IngestResult[]>;
  /** Bearer token for writes; without one, writes are refused. */
  token?: string;
  maxBodyBytes?: number;
  /** Requests handled at once before new ones are turned away with 503. */
  maxInFlight?: number;
  maxArticlesPerRequest?: number;
  /** Event-loop lag (ms, 99th percentile over 200 ms) above which new requests are shed with 503. */
  maxLagMs?: number;
  /** Write requests a client may make per second (sustained), with bursts up to twice that. */
  writesPerSecond?: number;
  /** Extra routes (the web UI) mounted before the API's catch-all. */
  mount?: (app: Hono) => void;
}

function clientOf(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'local';
  }
}

function fail(
  status: 400 | 401 | 404 | 413 | 429 | 503,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): never {
  throw new HTTPException(status, { res: Response.json({ error: { code, message } }, { status, headers }) });
}

function intParam(value: string | undefined, name: string, fallback: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > max)
    fail(400, 'bad_parameter', `${name} must be a whole number from 0 to ${max}`);
  return n;
}

/** Token buckets per client: writes beyond the rate get 429 with a Retry-After, not a queue. */
function writeLimiter(perSecond: number) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const capacity = perSecond * 2;
  return (client: string): number => {
    const now = Date.now();
    const b = buckets.get(client) ?? { tokens: capacity, at: now };
    b.tokens = Math.min(capacity, b.tokens + ((now - b.at) / 1000) * perSecond);
    b.at = now;
    if (buckets.size > 10_000) buckets.clear();
    buckets.set(client, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - b.tokens) / perSecond);
  };
}

/**
 * Node accepts connections faster than it can answer them: past saturation, requests wait unseen in the
 * event loop and every client stalls. Watching the loop's lag lets the server say 503 at once instead.
 */
function lagMonitor(maxLagMs: number): { overloaded: () => boolean } {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  let overloaded = false;
  setInterval(() => {
    overloaded = histogram.percentile(99) / 1e6 > maxLagMs;
    histogram.reset();
  }, 200).unref();
  return { overloaded: () => overloaded };
}

function tokenMatches(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

const STORY_CACHE = 256;
const STORY_FRESH_MS = 1000;

export function createApp(options: AppOptions): Hono {
  const { store } = options;
  const maxInFlight = options.maxInFlight ?? 64;
  const limitWrites = writeLimiter(options.writesPerSecond ?? 20);
  const lag = lagMonitor(options.maxLagMs ?? 250);
  let inFlight = 0;
  const app = new Hono();

  // Every response gets the standard hardening headers; API responses also the strictest CSP, while the
  // UI's pages set their own (they load one stylesheet and one script from this origin).
  app.use('*', secureHeaders());
  app.use(
    '/api/*',
    secureHeaders({ contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } }),
  );
  app.use('*', async (_c, next) => {
    if (inFlight >= maxInFlight || lag.overloaded()) {
      fail(503, 'overloaded', 'the server is busy; retry shortly', {
        'Retry-After': '1',
        'Content-Security-Policy': "default-src 'none'",
      });
    }
    inFlight++;
    try {
      await next();
    } finally {
      inFlight--;
    }
  });
  options.mount?.(app);

  app.get('/api/openapi.json', (c) => c.json(openApiDocument));

  app.get('/api/stories', async (c) => {
    const limit = intParam(c.req.query('limit'), 'limit', 50, 500) || 50;
    const offset = intParam(c.req.query('offset'), 'offset', 0, 1_000_000);
    const since = c.req.query('since');
    if (since && Number.isNaN(Date.parse(since))) fail(400, 'bad_parameter', 'since must be an ISO date');
    const q = c.req.query('q')?.slice(0, 500);
    const { total, stories } = await store.listStories({
      query: q,
      since,
      outlet: c.req.query('outlet'),
      limit,
      offset,
    });
    const next = offset + stories.length < total ? offset + stories.length : null;
    return c.json({ total, limit, offset, next, stories });
  });

  // Story documents are large and read far more often than they change: the serialised body is kept per
  // story and version, and each request checks only the version (one small query) before reusing it.
  // A cached copy younger than STORY_FRESH_MS is served without asking the database; writes through this
  // server clear the cache at once, and writes by other processes (workers) show within that time.
  const storyBodies = new Map<
    string,
    { version: number; body: string; gzipped?: Uint8Array; brotli?: Uint8Array; checked: number }
  >();
  app.get('/api/stories/:id', async (c) => {
    const id = c.req.param('id');
    let cached = storyBodies.get(id);
    let version: number | null;
    if (cached && performance.now() - cached.checked < STORY_FRESH_MS) version = cached.version;
    else {
      version = await store.storyVersion(id);
      if (cached) cached.checked = performance.now();
    }
    if (version === null) {
      storyBodies.delete(id);
      fail(404, 'not_found', `no story ${id}`);
    }
    const etag = `"s-${version}"`;
    if (c.req.header('if-none-match') === etag) return c.body(null, 304, { ETag: etag });
    if (cached?.version !== version) {
      const [story, meta] = await Promise.all([store.getStory(id), store.articleMetaOfStory(id)]);
      if (!story) fail(404, 'not_found', `no story ${id}`);
      const articleMeta = meta.map((a) => ({
        id: a.id,
        title: a.meta.title ?? null,
        outlet: a.meta.outlet ?? null,
        published: a.meta.published ?? null,
        url: a.source.url ?? a.meta.url ?? null,
      }));
      const body = JSON.stringify({ ...story, articleMeta });
      cached = { version: story.version, body, checked: performance.now() };
      storyBodies.delete(id);
      storyBodies.set(id, cached);
      if (storyBodies.size > STORY_CACHE) storyBodies.delete(storyBodies.keys().next().value!);
    } else {
      // Most recently used last, so the oldest entry is the one evicted.
      storyBodies.delete(id);
      storyBodies.set(id, cached);
    }
    const headers = {
      'Content-Type': 'application/json; charset=utf-8',
      ETag: `"s-${cached.version}"`,
      Vary: 'Accept-Encoding',
    };
    // Compressed once per version and encoding, on the first request that accepts it, a story travels at a
    // tenth of its size; Brotli (what browsers ask for first) saves a further sixth, at a quality that
    // compresses a large story in milliseconds.
    const accepted = c.req.header('accept-encoding') ?? '';
    if (/\bbr\b/.test(accepted)) {
      cached.brotli ??= new Uint8Array(
        brotliCompressSync(cached.body, {
          params: {
            [zlibConstants.BROTLI_PARAM_QUALITY]: 6,
            [zlibConstants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(cached.body),
          },
        }),
      );
      return c.body(cached.brotli as Uint8Array<ArrayBuffer>, 200, { ...headers, 'Content-Encoding': 'br' });
    }
    if (/\bgzip\b/.test(accepted)) {
      cached.gzipped ??= new Uint8Array(gzipSync(cached.body, { level: 6 }));
      return c.body(cached.gzipped as Uint8Array<ArrayBuffer>, 200, {
        ...headers,
        'Content-Encoding': 'gzip',
      });
    }
    return c.body(cached.body, 200, headers);
  });

  app.get('/api/articles/:id', async (c) => {
    const article = await store.getArticle(c.req.param('id'));
    if (!article) fail(404, 'not_found', `no article ${c.req.param('id')}`);
    c.header('ETag', `"a-${article.id.length}-${article.text.length}"`);
    return c.json(article);
  });

  app.get('/api/search', async (c) => {
    const q = c.req.query('q');
    if (!q?.trim()) fail(400, 'bad_parameter', 'q is required');
    const limit = intParam(c.req.query('limit'), 'limit', 20, 200) || 20;
    const offset = intParam(c.req.query('offset'), 'offset', 0, 1_000_000);
    return c.json({
      query: q,
      limit,
      offset,
      results: await store.searchArticles(q.slice(0, 500), limit, offset),
    });
  });

  app.post(
    '/api/articles',
    async (c, next) => {
      const header = c.req.header('authorization') ?? '';
      const given = /^Bearer\s+(.+)$/i.exec(header)?.[1] ?? '';
      if (!options.token)
        fail(401, 'writes_disabled', 'writes are disabled: start the server with CORROBORATE_TOKEN set');
      if (!given || !tokenMatches(given, options.token))
        fail(401, 'unauthorized', 'a valid bearer token is required for writes');
      const wait = limitWrites(clientOf(c));
      if (wait > 0)
        fail(429, 'rate_limited', `too many writes; retry in ${wait} s`, { 'Retry-After': String(wait) });
      await next();
    },
    bodyLimit({
      maxSize: options.maxBodyBytes ?? 5 * 1024 * 1024,
      onError: () =>
        fail(413, 'too_large', `request body over ${options.maxBodyBytes ?? 5 * 1024 * 1024} bytes`),
    }),
    async (c) => {
      if (!(c.req.header('content-type') ?? '').includes('application/json'))
        fail(400, 'bad_content_type', 'send application/json');
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        fail(400, 'bad_json', 'the body is not valid JSON');
      }
      const records = Array.isArray(body)
        ? body
        : body && typeof body === 'object' && Array.isArray((body as { articles?: unknown }).articles)
          ? (body as { articles: unknown[] }).articles
          : [body];
      const max = options.maxArticlesPerRequest ?? 500;
      if (records.length === 0) fail(400, 'empty', 'no articles in the request');
      if (records.length > max) fail(413, 'too_many', `at most ${max} articles per request`);
      const docs: RawDocument[] = [];
      for (const [i, record] of records.entries()) {
        try {
          docs.push(documentFromRecord(record, { path: 'api' }, `articles[${i}]`));
        } catch (error) {
          fail(400, 'bad_article', error instanceof InputError ? error.message : `articles[${i}]: invalid`);
        }
      }
      const results = await options.ingest(docs);
      storyBodies.clear();
      return c.json({ results });
    },
  );

  app.notFound((c) =>
    c.json({ error: { code: 'not_found', message: `no route ${c.req.method} ${c.req.path}` } }, 404),
  );
  app.onError((error, c) => {
    if (error instanceof HTTPException) return error.getResponse();
    console.error(error);
    return c.json({ error: { code: 'internal', message: 'internal error' } }, 500);
  });
  return app;
}
