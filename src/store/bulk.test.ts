import { afterEach, describe, expect, it } from 'vitest';
import type { RawDocument } from '../ingest/index.ts';
import { BulkIngest } from './bulk.ts';
import { Corpus, type EngineFactory, type IngestResult } from './corpus.ts';
import { createCorpusEngine } from './engine.ts';
import type { Store } from './store.ts';
import { openTestStore, testDatabases } from './testing.ts';

const doc = (id: string, content: string): RawDocument => ({
  id,
  source: { path: 'test' },
  format: 'text',
  content,
  meta: { outlet: `Outlet ${id}` },
});

const batch = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) =>
    doc(
      `${prefix}${i}`,
      `Flood barriers on the Varna river held overnight, officials said, as the water rose ${i + 2} metres. Crews from ${prefix.toUpperCase()} district number ${i} stayed on the banks.`,
    ),
  );

describe('BulkIngest', () => {
  let store: Store | undefined;
  afterEach(async () => store?.close());

  it('places batches in order with two in flight, and builds the stories only when finishing', async () => {
    store = await openTestStore(testDatabases()[0]!);
    const corpus = new Corpus(store, createCorpusEngine);
    const seen: IngestResult[][] = [];
    // No rebuild while adding: the interval is far longer than the test.
    const bulk = new BulkIngest(corpus, (results) => seen.push(results), 60_000);
    await bulk.add(batch('a', 3));
    await bulk.add(batch('b', 2));
    await bulk.add([...batch('c', 2), doc('a0-again', batch('a', 1)[0]!.content)]);
    await bulk.drain();
    expect(seen.map((results) => results.map((r) => r.created))).toEqual([
      [true, true, true],
      [true, true],
      [true, true, false],
    ]);
    expect(await store.countArticles()).toBe(7);
    expect((await store.listStories({ limit: 10 })).total).toBe(0);
    const rebuilt = await bulk.finish();
    expect(rebuilt).toBeGreaterThan(0);
    const { total, stories } = await store.listStories({ limit: 10 });
    expect(total).toBe(rebuilt);
    expect(stories.reduce((n, s) => n + s.articleCount, 0)).toBe(7);
  });

  it('sets aside an article the engine cannot place, places the ones after it, and retries it when ingested again', async () => {
    store = await openTestStore(testDatabases()[0]!);
    // The real engine, except that it throws on a marked article until "fixed".
    let broken = true;
    const failing: EngineFactory = (state) => {
      const engine = createCorpusEngine(state);
      return {
        add: (article) => {
          if (broken && article.text.includes('SABOTAGE')) throw new Error('engine failed');
          return engine.add(article);
        },
        takeMerges: () => engine.takeMerges(),
        toJSON: () => engine.toJSON(),
      };
    };
    const seen: IngestResult[][] = [];
    const bulk = new BulkIngest(new Corpus(store, failing), (results) => seen.push(results), 60_000);
    const bad = doc('bad', 'SABOTAGE in the flood barrier control room, the operators said.');
    await bulk.add(batch('a', 2));
    await bulk.add([batch('b', 1)[0]!, bad]);
    await bulk.add(batch('c', 2));
    await bulk.drain();
    expect(seen[1]![0]!.created).toBe(true);
    expect(seen[1]![1]).toMatchObject({
      created: false,
      id: '',
      failed: expect.stringContaining('engine failed'),
    });
    expect(await store.allArticleIds()).toEqual(['a0', 'a1', 'b0', 'c0', 'c1']);
    broken = false;
    await bulk.add([bad]);
    await bulk.drain();
    expect(seen[3]![0]).toMatchObject({ created: true, id: 'bad' });
    expect(await store.allArticleIds()).toEqual(['a0', 'a1', 'b0', 'c0', 'c1', 'bad']);
  });

  it('reports a batch the database refuses from the call that waits for it', async () => {
    store = await openTestStore(testDatabases()[0]!);
    const bulk = new BulkIngest(new Corpus(store, createCorpusEngine), () => {}, 60_000);
    await bulk.add(batch('a', 1));
    await bulk.drain();
    await store.close();
    store = undefined;
    await bulk.add(batch('b', 1));
    await expect(bulk.drain()).rejects.toThrow();
  });
});
