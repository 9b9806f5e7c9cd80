import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawDocument } from '../ingest/index.ts';
import { decodeStory, packArticle } from '../store/codec.ts';
import { buildStory } from './analyze.ts';
import { WorkerPool } from './pool.ts';
import { prepareArticle } from './prepare.ts';

const page = (id: string, outlet: string, hours: string): RawDocument => ({
  id,
  source: { url: `https://${outlet.toLowerCase().replace(/\W+/g, '')}.example/${id}` },
  format: 'html',
  content: `<html><head><title>Ferry talks end without a deal</title></head><body><article>
    <h1>Ferry talks end without a deal</h1>
    <p>Harbour minister Amara Okafor said on Monday that the talks had lasted ${hours} hours.</p>
    <p>"We will return next week," Okafor told reporters in Port Ellis.</p>
    <p>The Ferry Workers Union said 300 crossings were cancelled.</p>
  </article></body></html>`,
  meta: { outlet, published: '2026-03-02' },
});

describe('WorkerPool', () => {
  let pool: WorkerPool;
  beforeAll(() => {
    pool = new WorkerPool(2);
  });
  afterAll(() => pool.close());

  it('prepares articles and builds stories exactly as this thread does', async () => {
    const docs = [page('a', 'Coast Times', 'nearly six'), page('b', 'Port Radio', 'about three')];
    const inThreads = await Promise.all(docs.map((d) => pool.prepare(d, d.id!)));
    const here = docs.map((d) => prepareArticle(d, { id: d.id! }));
    expect(inThreads).toEqual(JSON.parse(JSON.stringify(here)));
    const group = { id: 's1', title: 'Ferry talks', keywords: ['ferry'], articles: ['a', 'b'] };
    const encoded = await pool.buildStory(group, inThreads, []);
    const story = decodeStory(encoded.body);
    expect(story).toEqual(JSON.parse(JSON.stringify(buildStory(group, here, []))));
    expect(encoded).toMatchObject({ id: 's1', title: 'Ferry talks', keywords: ['ferry'] });
    expect(encoded.conflicts).toBe(story.facts.filter((f) => f.status === 'conflict').length);
    expect(story.facts.some((f) => f.status === 'conflict')).toBe(true);
  });

  it('builds a story from articles packed as the database keeps them, decoding them in the thread', async () => {
    const docs = [page('a', 'Coast Times', 'nearly six'), page('b', 'Port Radio', 'about three')];
    const here = docs.map((d) => prepareArticle(d, { id: d.id! }));
    const packed = here.map(packArticle);
    expect(packed[0]).not.toHaveProperty('annotations');
    const group = { id: 's1', title: 'Ferry talks', keywords: ['ferry'], articles: ['a', 'b'] };
    const story = decodeStory((await pool.buildStory(group, packed, [])).body);
    expect(story).toEqual(JSON.parse(JSON.stringify(buildStory(group, here, []))));
    expect(story.quotes.length).toBeGreaterThan(0);
  });

  it('answers every task of a burst, each with its own result', async () => {
    const docs = Array.from({ length: 12 }, (_, i) => page(`p${i}`, `Outlet ${i}`, `${i + 2}`));
    const articles = await Promise.all(docs.map((d) => pool.prepare(d, d.id!)));
    expect(articles.map((a) => a.id)).toEqual(docs.map((d) => d.id));
    expect(articles.map((a) => a.meta.outlet)).toEqual(docs.map((d) => d.meta.outlet));
  });

  it('refuses work once closed, and fails the work it was doing', async () => {
    const closing = new WorkerPool(1);
    // Both outcomes are watched before closing, which rejects them.
    const outcomes = Promise.allSettled([
      closing.prepare(page('y', 'Y', 'one'), 'y'),
      closing.prepare(page('x', 'X', 'three'), 'x'),
    ]);
    await closing.close();
    const [running, queued] = await outcomes;
    expect(running).toMatchObject({ status: 'rejected', reason: { message: 'worker pool closed' } });
    expect(queued).toMatchObject({ status: 'rejected', reason: { message: 'worker pool closed' } });
    await expect(closing.prepare(page('z', 'Z', 'two'), 'z')).rejects.toThrow('worker pool closed');
  });
});
