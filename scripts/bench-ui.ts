/**
 * `npm run bench:ui`: first paint of a 50-article story page served by `corroborate serve`, in Debian's
 * Chromium on loopback (no browser is downloaded), against the story list page in the same run. Each page
 * is loaded several times in a fresh tab; the median first contentful paint is reported.
 */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { chromium } from 'playwright-core';
import { createApp } from '../src/server/index.ts';
import { createCorpusEngine } from '../src/store/engine.ts';
import { Corpus, Store } from '../src/store/index.ts';
import { mountUi } from '../src/ui/index.ts';
import { newsArticle, rng, storyFacts, textDocument } from './synthetic-news.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTICLES = 50;
const RUNS = 7;

if (!existsSync(CHROMIUM)) {
  console.log(`SKIP: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
  process.exit(0);
}

const rand = rng(11);
const docs = Array.from({ length: ARTICLES }, (_, i) =>
  textDocument(`ui-${i}`, newsArticle(storyFacts(4), rand, 450)),
);
const store = await Store.open('memory:');
const corpus = new Corpus(store, createCorpusEngine);
await corpus.add(docs);
const { stories } = await store.listStories({ limit: 50 });
const story = [...stories].sort((a, b) => b.articleCount - a.articleCount)[0]!;

const app = createApp({ store, ingest: async () => [], mount: (a) => mountUi(a, store), maxLagMs: 10_000 });
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise((r) => server.once('listening', r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});

async function firstPaint(path: string): Promise<{ paint: number; bytes: number }> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const response = await page.goto(`${base}${path}`, { waitUntil: 'load' });
    bytes = (await response!.body()).length;
    // A small page can fire "load" before the paint is recorded.
    await page
      .waitForFunction("performance.getEntriesByName('first-contentful-paint').length > 0", undefined, {
        timeout: 5000,
      })
      .catch(() => undefined);
    const paint = (await page.evaluate(
      "performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1",
    )) as number;
    if (paint >= 0) times.push(paint);
    await page.close();
  }
  times.sort((a, b) => a - b);
  return { paint: times[Math.floor(times.length / 2)] ?? Number.NaN, bytes };
}

try {
  await firstPaint('/'); // warm-up: server caches, browser start
  const list = await firstPaint('/');
  const page = await firstPaint(`/stories/${story.id}`);
  console.log(
    `story page, ${story.articleCount} articles from ${story.outletCount} outlets (${(page.bytes / 1024).toFixed(0)} KiB HTML): first contentful paint ${page.paint.toFixed(0)} ms (median of ${RUNS})`,
  );
  console.log(
    `story list page (${(list.bytes / 1024).toFixed(0)} KiB, same run): ${list.paint.toFixed(0)} ms; story / list: ${(page.paint / list.paint).toFixed(1)}x`,
  );
  console.log('target: first paint of a 50-article story under 1 s on loopback');
} finally {
  await browser.close();
  server.close();
  await store.close();
}
