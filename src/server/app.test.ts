import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawDocument } from '../ingest/index.ts';
import { Corpus, type CorpusEngine, type Store } from '../store/index.ts';
import { openTestStore, testDatabases } from '../store/testing.ts';
import { createApp } from './app.ts';

function oneStoryEngine(state: unknown): CorpusEngine {
  const s = (state as { n: number } | null) ?? { n: 0 };
  return {
    add: () => {
      s.n++;
      return { story: 's1', duplicates: [], storyTitle: 'Harbour strike' };
    },
    takeMerges: () => [],
    toJSON: () => s,
  };
}

const token = 'test-token-123';
const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

describe.each(testDatabases())('HTTP API on the $name database', (database) => {
  let store: Store;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    store = await openTestStore(database);
    const corpus = new Corpus(store, oneStoryEngine);
    app = createApp({
      store,
      ingest: (docs: RawDocument[]) => corpus.add(docs),
      token,
      maxBodyBytes: 20_000,
      maxArticlesPerRequest: 3,
      // Shedding is overload.test.ts's subject; a loaded CI machine must not turn these answers into 503s.
      maxLagMs: 10_000,
    });
  });
  afterAll(() => store.close());

  // biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field
  const json = (res: Response): Promise<any> => res.json();

  const post = (body: unknown, headers: Record<string, string> = auth) =>
    app.request('/api/articles', {
      method: 'POST',
      headers,
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  describe('HTTP API', () => {
    it('refuses writes without the token, with a JSON error', async () => {
      const res = await post({ text: 'x' }, { 'content-type': 'application/json' });
      expect(res.status).toBe(401);
      expect((await json(res)).error.code).toBe('unauthorized');
      expect((await post({ text: 'x' }, { ...auth, authorization: 'Bearer wrong-token-000' })).status).toBe(
        401,
      );
    });

    it('ingests articles and serves the story, the article and search', async () => {
      const res = await post([
        {
          id: 'a1',
          text: 'Dock workers in Port Sella walked out on Monday over pay.',
          outlet: 'Coast Times',
          published: '2026-05-04',
        },
        {
          id: 'a2',
          text: 'The Port Sella dock strike entered its second day on Tuesday.',
          outlet: 'Port Radio',
        },
      ]);
      expect(res.status).toBe(200);
      expect((await json(res)).results).toEqual([
        { id: 'a1', created: true, story: 's1' },
        { id: 'a2', created: true, story: 's1' },
      ]);
      const list = await json(await app.request('/api/stories?limit=1'));
      expect(list).toMatchObject({ total: 1, limit: 1, offset: 0, next: null });
      expect(list.stories[0]).toMatchObject({
        id: 's1',
        title: 'Harbour strike',
        articleCount: 2,
        outletCount: 2,
      });
      const storyRes = await app.request('/api/stories/s1');
      const etag = storyRes.headers.get('etag')!;
      expect(etag).toMatch(/^"s-\d+"$/);
      const story = await json(storyRes);
      expect(story.articleMeta.map((a: { outlet: string }) => a.outlet)).toEqual([
        'Coast Times',
        'Port Radio',
      ]);
      expect((await app.request('/api/stories/s1', { headers: { 'if-none-match': etag } })).status).toBe(304);
      const { brotliDecompressSync, gunzipSync } = await import('node:zlib');
      const zipped = await app.request('/api/stories/s1', { headers: { 'accept-encoding': 'gzip' } });
      expect(zipped.headers.get('content-encoding')).toBe('gzip');
      expect(JSON.parse(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString('utf8'))).toEqual(story);
      const brotli = await app.request('/api/stories/s1', {
        headers: { 'accept-encoding': 'gzip, deflate, br' },
      });
      expect(brotli.headers.get('content-encoding')).toBe('br');
      expect(
        JSON.parse(brotliDecompressSync(Buffer.from(await brotli.arrayBuffer())).toString('utf8')),
      ).toEqual(story);
      // A write through this server is visible at once, cache or not.
      await post([
        { id: 'a3', text: 'Port Sella dock workers voted to return on Wednesday.', outlet: 'Coast Times' },
      ]);
      const after = await app.request('/api/stories/s1', { headers: { 'if-none-match': etag } });
      expect(after.status).toBe(200);
      expect((await json(after)).articleMeta).toHaveLength(3);
      const article = await json(await app.request('/api/articles/a1'));
      expect(article.text).toContain('Dock workers');
      const search = await json(await app.request('/api/search?q=strike'));
      expect(search.results.map((r: { id: string }) => r.id)).toEqual(['a2']);
    });

    it('answers bad requests with clear JSON errors', async () => {
      expect((await app.request('/api/stories/nope')).status).toBe(404);
      expect((await app.request('/api/search')).status).toBe(400);
      expect((await app.request('/api/stories?limit=-3')).status).toBe(400);
      expect((await app.request('/api/stories?since=yesterday-ish')).status).toBe(400);
      const bad = await post('{"text": ');
      expect(bad.status).toBe(400);
      expect((await json(bad)).error.code).toBe('bad_json');
      expect((await post({ title: 'no text' })).status).toBe(400);
      expect((await post([{ text: 'a' }, { text: 'b' }, { text: 'c' }, { text: 'd' }])).status).toBe(413);
      const huge = await post({ text: 'x'.repeat(50_000) });
      expect(huge.status).toBe(413);
      expect((await json(huge)).error.code).toBe('too_large');
      expect((await app.request('/api/../../etc/passwd')).status).toBe(404);
    });

    it('publishes an OpenAPI document and security headers', async () => {
      const res = await app.request('/api/openapi.json');
      const doc = await json(res);
      expect(doc.openapi).toBe('3.1.0');
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining(['/api/stories', '/api/stories/{id}', '/api/articles', '/api/search']),
      );
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    });

    it('treats SQL in parameters as data', async () => {
      const before = await store.countArticles();
      const res = await app.request(`/api/search?q=${encodeURIComponent("'; drop table articles; --")}`);
      expect(res.status).toBe(200);
      expect(before).toBeGreaterThan(0);
      expect(await store.countArticles()).toBe(before);
    });
  });
});
