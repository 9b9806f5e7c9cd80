/**
 * `npx tsx scripts/bench-api.ts`: read throughput and latency of the HTTP API on loopback: GET of one
 * story (from an in-memory store of 50 synthetic articles in 3 stories) under 32 connections for 5 s,
 * against the static OpenAPI document, served by the same server in the same run.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import { createApp } from '../src/server/index.ts';
import { createCorpusEngine } from '../src/store/engine.ts';
import { Corpus, Store } from '../src/store/index.ts';
import { newsArticle, rng, storyFacts, textDocument } from './synthetic-news.ts';

const ARTICLES = 50;
const STORIES = 3;
const CONNECTIONS = 32;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);

const rand = rng(7);
const docs = Array.from({ length: ARTICLES }, (_, i) =>
  textDocument(`api-${i}`, newsArticle(storyFacts(i % STORIES), rand, 400)),
);

const t = performance.now();
const store = await Store.open('memory:');
const corpus = new Corpus(store, createCorpusEngine);
await corpus.add(docs);
const { stories } = await store.listStories({ limit: 50 });
const story = [...stories].sort((a, b) => b.articleCount - a.articleCount)[0];
if (!story) throw new Error('ingest produced no story');
console.log(
  `${ARTICLES} articles ingested in ${((performance.now() - t) / 1000).toFixed(1)} s: ${stories.length} stories (sizes ${stories.map((s) => s.articleCount).join(', ')})`,
);

const app = createApp({
  store,
  ingest: (d) => corpus.add(d),
  // Shedding would turn the measurement into a count of 503s; the overload test covers it.
  maxLagMs: 10_000,
  maxInFlight: 256,
});
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise((r) => server.once('listening', r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

async function load(path: string) {
  const url = `${base}${path}`;
  // A short unrecorded run first, so JIT warm-up and the store's first queries do not count.
  // Clients ask for compression as browsers do, Brotli first.
  const headers = { 'accept-encoding': 'gzip, deflate, br' };
  await autocannon({ url, connections: CONNECTIONS, duration: 1, headers });
  // The load generator runs on its own thread, as a separate client would: on the server's event loop
  // it would take time from the routes being measured, the cheap baseline most of all.
  const r = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    timeout: 10,
    workers: 1,
    headers,
  });
  const bytes = (await (await fetch(url)).arrayBuffer()).byteLength; // decompressed size
  console.log(
    `GET ${path} (${(bytes / 1024).toFixed(1)} KiB): ${r.requests.average.toFixed(0)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, non-2xx ${r.non2xx}, errors ${r.errors}, timeouts ${r.timeouts}`,
  );
  return r;
}

const storyRun = await load(`/api/stories/${story.id}`);
const staticRun = await load('/api/openapi.json');
console.log(
  `story reads: ${(storyRun.requests.average / staticRun.requests.average).toFixed(3)}x the static route's req/s (${CONNECTIONS} connections, ${SECONDS} s each, load generator on a worker thread)`,
);
console.log('target: story reads >= 1,000 req/s with p99 < 50 ms on loopback');

await new Promise((r) => server.close(r));
await store.close();
