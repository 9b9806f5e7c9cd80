/**
 * `npx tsx scripts/bench-ingest.ts`: ingest throughput of 400 synthetic HTML news pages (500 words, 20
 * stories) into the embedded database on disk, in batches of 50, against preparing the same pages with
 * no database (extraction and language layers only) in the same run: the ratio is the storage and
 * placement overhead. Twice: with new worker threads, as a short ingest runs, and with the same threads
 * again on other pages, as a long ingest runs once its threads have compiled their code (a new thread
 * prepares and builds at half speed for its first few hundred articles). Beside each rate, the
 * processor time per article over all threads, which another process on the machine hardly moves. With CORROBORATE_BENCH_PG set, also the PostgreSQL queue path with 1 and 3
 * worker processes. Each stored run stops starting new batches at a time budget (BENCH_BUDGET_S, 0 for
 * none), so the script ends in about two minutes however slow placement is; the output says how many
 * articles were measured.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { RawDocument } from '../src/ingest/index.ts';
import { defaultPoolSize, prepareArticle, WorkerPool } from '../src/pipeline/index.ts';
import { createCorpusEngine } from '../src/store/engine.ts';
import { BulkIngest, Corpus, enqueueDocuments, Store, startBoss } from '../src/store/index.ts';
import { newsArticle, rng, storyFacts, toHtml } from './synthetic-news.ts';

const N = Number(process.env.BENCH_ARTICLES ?? 400);
const STORIES = Number(process.env.BENCH_STORIES ?? 20);
const BATCH = 50;
const WARMUP = 20;
const BUDGET_MS = Number(process.env.BENCH_BUDGET_S ?? 50) * 1000 || Number.POSITIVE_INFINITY;
// The queue runs use fewer articles: two full runs of 400 would not fit the time budget.
const PG_N = Number(process.env.BENCH_PG_ARTICLES ?? 100);
const PG_BUDGET_MS = BUDGET_MS / 2;
// Worker threads for the embedded run, as `corroborate ingest` starts them (0: everything on one thread).
const THREADS = Number(process.env.BENCH_THREADS ?? defaultPoolSize());

const rand = rng(2026);
const page = (i: number): RawDocument => {
  const a = newsArticle(storyFacts(i % STORIES), rand, 500);
  return {
    id: `page-${i}`,
    source: { url: `https://news.example/${a.outlet.toLowerCase().replace(/\W+/g, '-')}/${i}` },
    format: 'html',
    content: toHtml(a),
    meta: {},
  };
};
const docs = Array.from({ length: N }, (_, i) => page(i));
// Warm-up pages are distinct documents, so the stored runs never meet them as already-stored content.
const warmup = Array.from({ length: WARMUP }, (_, i) => page(N + i));
const perSecond = (n: number, since: number) => n / ((performance.now() - since) / 1000);
// Processor time of the whole process (every thread) per article: unlike a rate it hardly moves when
// another process shares the machine, so it tells whether a change made the work itself smaller.
const cpuMsPerArticle = (n: number, since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000 / n;
};

for (const doc of warmup) prepareArticle(doc);
const t = performance.now();
const cpu = process.cpuUsage();
for (const doc of docs) prepareArticle(doc);
const prepared = perSecond(N, t);
const preparedCpu = cpuMsPerArticle(N, cpu);

/**
 * One stored ingest of `pages` into a fresh embedded database on disk, as `corroborate ingest` runs it:
 * two batches in flight, stories rebuilt every 10 s and at the end. `warmUp` runs while the database
 * opens (not counted).
 */
async function storedRun(
  label: string,
  pages: RawDocument[],
  pool: WorkerPool | undefined,
  warmUp: Promise<unknown>,
) {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-bench-'));
  try {
    let t = performance.now();
    const [store] = await Promise.all([Store.open(dir), warmUp]);
    const opened = performance.now() - t;
    const corpus = new Corpus(store, createCorpusEngine, { pool });
    t = performance.now();
    const cpu = process.cpuUsage();
    const batches: number[] = [];
    let done = 0;
    let lastDone = performance.now();
    const bulk = new BulkIngest(corpus, () => {
      batches.push((performance.now() - lastDone) / 1000);
      lastDone = performance.now();
    });
    // A batch is started only if one as long as the last still fits the budget: batches grow slower as
    // stories grow, so the last one measured is never one cut short.
    while (done < N && performance.now() - t + 1.2 * (batches.at(-1) ?? 0) * 1000 < BUDGET_MS) {
      await bulk.add(pages.slice(done, done + BATCH));
      done = Math.min(N, done + BATCH);
    }
    await bulk.drain();
    const rebuildStarted = performance.now();
    const rebuilt = await bulk.finish();
    const finalRebuild = (performance.now() - rebuildStarted) / 1000;
    const stored = perSecond(done, t);
    const storedCpu = cpuMsPerArticle(done, cpu);
    const articles = await store.countArticles();
    const { total } = await store.listStories({ limit: 1 });
    await store.close();
    console.log(
      `${label}: ${done === N ? 'all' : `${done} of ${N} (time budget)`} ingested, ${articles} articles stored in ${total} stories (database opened in ${(opened / 1000).toFixed(1)} s, not counted)`,
    );
    console.log(
      `  per batch: ${batches.map((b) => `${(BATCH / b).toFixed(0)}`).join(', ')} articles/s; final rebuild of ${rebuilt} stories ${finalRebuild.toFixed(1)} s (counted)`,
    );
    console.log(
      `  ${stored.toFixed(1)} articles/s (${(stored / prepared).toFixed(3)}x prepareArticle alone); processor time ${storedCpu.toFixed(1)} ms per article, all threads`,
    );
    return stored;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(
  `${N} HTML pages (~500 words, ${STORIES} stories), batches of ${BATCH}, ${THREADS} worker threads; prepareArticle alone on this thread: ${prepared.toFixed(0)} articles/s, ${preparedCpu.toFixed(1)} ms processor time per article`,
);
const pool = THREADS > 0 ? new WorkerPool(THREADS) : undefined;
// The threads start while the database opens, as in the ingest command, and are warmed up on the same
// pages the single-thread baseline was: a short ingest, whose threads compile as they go.
await storedRun(
  'embedded database, new threads',
  docs,
  pool,
  Promise.all(warmup.map((doc, i) => pool?.prepare(doc, `warm-up-${i}`))),
);
// The same threads again, on other pages into another new database: a long ingest, whose threads have
// long since compiled their code (other pages, so that no memo of the first run's sentences is reused).
if (pool)
  await storedRun(
    'embedded database, threads already warm',
    Array.from({ length: N }, (_, i) => page(10 * N + i)),
    pool,
    Promise.resolve(),
  );
await pool?.close();
console.log('target: >= 200 articles/s on one 2-core machine');

const admin = process.env.CORROBORATE_BENCH_PG;
if (!admin) {
  console.log(
    'SKIP PostgreSQL workers: set CORROBORATE_BENCH_PG=postgres://… (scripts/pg-test-server.sh starts one)',
  );
} else {
  const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'corroborate.js');
  const onAdmin = async (sql: string) => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };

  // Forcing the drop at once would kill a pool connection still closing, an unhandled error here; it is
  // forced only if the database stays busy.
  async function dropDatabase(name: string) {
    for (let attempt = 0; attempt < 10; attempt++) {
      try {
        return await onAdmin(`drop database if exists ${name}`);
      } catch {
        await new Promise((r) => setTimeout(r, 300));
      }
    }
    await onAdmin(`drop database if exists ${name} with (force)`);
  }

  // One fresh database per run, so the second run does not find the first one's articles stored.
  async function queued(workers: number): Promise<number> {
    const name = `corroborate_bench_${randomBytes(6).toString('hex')}`;
    await onAdmin(`create database ${name}`);
    const url = new URL(admin!);
    url.pathname = `/${name}`;
    const db = url.toString();
    try {
      const store = await Store.open(db);
      const corpus = new Corpus(store, createCorpusEngine);
      const boss = await startBoss(db);
      const queue = docs.slice(0, PG_N);
      let t = performance.now();
      for (let i = 0; i < queue.length; i += BATCH)
        await enqueueDocuments(corpus, boss, queue.slice(i, i + BATCH));
      const enqueued = perSecond(queue.length, t);
      await boss.stop({ graceful: true, wait: true });
      // Timed from spawn to the last article placed: worker start-up counts, shutting down does not.
      t = performance.now();
      const children = Array.from({ length: workers }, () =>
        spawn('node', [cli, 'worker', '--db', db, '--exit-when-idle'], {
          stdio: ['ignore', 'ignore', 'pipe'],
        }),
      );
      let errors = '';
      const exits = children.map(
        (child) =>
          new Promise<number>((resolve, reject) => {
            child.stderr?.on('data', (d) => {
              errors += d;
            });
            child.on('error', reject);
            // Ended by our SIGTERM (it can land while a worker is already shutting down) is a clean stop.
            child.on('exit', (code, signal) => resolve(signal === 'SIGTERM' ? 0 : (code ?? 1)));
          }),
      );
      let gone = false;
      void Promise.all(exits).then(() => {
        gone = true;
      });
      // Done means placed and, where stories are rebuilt after placement (a stale_stories table), rebuilt.
      const deferred = (
        await store.db.query<{ yes: boolean }>(`select to_regclass('stale_stories') is not null as yes`)
      )[0]!.yes;
      const stale = async () =>
        deferred
          ? Number((await store.db.query<{ n: string }>('select count(*) as n from stale_stories'))[0]!.n)
          : 0;
      let placed = await store.countArticles();
      while (
        (placed < queue.length || (await stale()) > 0) &&
        !gone &&
        performance.now() - t < PG_BUDGET_MS
      ) {
        await new Promise((r) => setTimeout(r, 50));
        placed = await store.countArticles();
      }
      const rate = perSecond(placed, t);
      const unbuilt = await stale();
      // Workers stop on SIGTERM once their current job is done. Done or out of time, they are stopped
      // here: left to --exit-when-idle they would first work through the queue's remaining jobs, each a
      // no-op by then (their rows were swept up), one per polling interval, for up to a minute.
      if (!gone) for (const child of children) child.kill('SIGTERM');
      const codes = await Promise.all(exits);
      await store.close();
      if (codes.some((c) => c !== 0) || placed === 0)
        throw new Error(
          `${workers} workers placed ${placed} of ${queue.length} articles (exit codes ${codes.join(', ')}):\n${errors}`,
        );
      console.log(
        `PostgreSQL queue, ${workers} worker process${workers > 1 ? 'es' : ''}: ${rate.toFixed(1)} articles/s, ${placed === queue.length ? 'all' : `${placed} (time budget)`} of ${queue.length} placed${unbuilt ? `, ${unbuilt} stories not yet rebuilt` : ''} (enqueue ${enqueued.toFixed(0)} articles/s, not counted)`,
      );
      return rate;
    } finally {
      await dropDatabase(name);
    }
  }

  const one = await queued(1);
  const three = await queued(3);
  console.log(`scaling 1 -> 3 workers: ${(three / one).toFixed(2)}x`);
}
