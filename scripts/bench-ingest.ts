/**
 * `npx tsx scripts/bench-ingest.ts`: ingest throughput of 400 synthetic HTML news pages (500 words, 20
 * stories) into the embedded database on disk, in batches of 50, as `corroborate ingest` runs it. Twice:
 * with new worker threads, as a short ingest runs, and with the same threads again on other pages, as a
 * long ingest runs once its threads have compiled their code (a new thread prepares and builds at half
 * speed for its first few hundred articles). Each stored run stops starting new batches at a time budget
 * (BENCH_BUDGET_S, 0 for none), so the script ends in a few minutes however slow placement is; the
 * output says how many articles were measured.
 *
 * Measured in the same run, the baselines: `prepareArticle` alone on this thread, and the ceiling any
 * storage could reach, the same analysis on the same number of threads with no database at all (every
 * page prepared and placed, every story built), warm and with new threads. Beside each rate, the
 * processor time per article over all threads, which another process on the machine hardly moves.
 *
 * With CORROBORATE_BENCH_PG set, also the PostgreSQL queue path with 1 and 3 worker processes, from
 * start-up and then running (see `queued`).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { followMerges } from '../src/cluster/index.ts';
import type { RawDocument } from '../src/ingest/index.ts';
import type { Article } from '../src/model/index.ts';
import { defaultPoolSize, prepareArticle, WorkerPool } from '../src/pipeline/index.ts';
import { createCorpusEngine } from '../src/store/engine.ts';
import { BulkIngest, Corpus, enqueueDocuments, Store, startBoss } from '../src/store/index.ts';
import { newsArticle, rng, storyFacts, toHtml } from './synthetic-news.ts';

const N = Number(process.env.BENCH_ARTICLES ?? 400);
const STORIES = Number(process.env.BENCH_STORIES ?? 20);
const BATCH = 50;
const WARMUP = 20;
const BUDGET_MS = Number(process.env.BENCH_BUDGET_S ?? 50) * 1000 || Number.POSITIVE_INFINITY;
// The queue runs take the same pages as the embedded ones (fewer with BENCH_PG_ARTICLES).
const PG_N = Math.min(N, Number(process.env.BENCH_PG_ARTICLES ?? N));
// Pages each queue run starts on, before the measured ones: enough for the workers' code to compile.
const PG_WARMUP = 200;
const PG_BUDGET_MS = BUDGET_MS;
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

/**
 * The pipeline with no database: every page prepared on the threads, placed by the same engine on this
 * thread as they come back, then every story built on the threads, largest first. Nothing is written or
 * read back, so this is what the stored runs would reach if storing cost nothing.
 */
async function analysisAlone(label: string, pages: RawDocument[], pool: WorkerPool) {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const engine = createCorpusEngine(null);
  const storyOf = new Map<string, string>();
  const articles = await Promise.all(
    pages.map((doc, i) =>
      pool.prepare(doc, `page-${i}`).then((article) => {
        storyOf.set(article.id, engine.add(article).story);
        return article;
      }),
    ),
  );
  const placed = performance.now();
  const final = followMerges(engine.takeMerges());
  const stories = new Map<string, Article[]>();
  for (const article of articles) {
    const id = final(storyOf.get(article.id)!);
    const members = stories.get(id);
    if (members) members.push(article);
    else stories.set(id, [article]);
  }
  const largestFirst = [...stories].sort((a, b) => b[1].length - a[1].length);
  await Promise.all(
    largestFirst.map(([id, members]) =>
      pool.buildStory({ id, title: id, keywords: [], articles: members.map((a) => a.id) }, members, []),
    ),
  );
  const rate = perSecond(pages.length, t);
  console.log(
    `${label}: ${rate.toFixed(1)} articles/s, ${stories.size} stories (prepared and placed in ${((placed - t) / 1000).toFixed(1)} s, stories built in ${((performance.now() - placed) / 1000).toFixed(1)} s); processor time ${cpuMsPerArticle(pages.length, cpu).toFixed(1)} ms per article, all threads`,
  );
  return rate;
}

console.log(
  `${N} HTML pages (~500 words, ${STORIES} stories), batches of ${BATCH}, ${THREADS} worker threads; prepareArticle alone on this thread: ${prepared.toFixed(0)} articles/s, ${preparedCpu.toFixed(1)} ms processor time per article`,
);
const pool = THREADS > 0 ? new WorkerPool(THREADS) : undefined;
// The threads start while the database opens, as in the ingest command, and are warmed up on the same
// pages the single-thread baseline was: a short ingest, whose threads compile as they go.
const storedNew = await storedRun(
  'embedded database, new threads',
  docs,
  pool,
  Promise.all(warmup.map((doc, i) => pool?.prepare(doc, `warm-up-${i}`))),
);
// The same threads again, on other pages into another new database: a long ingest, whose threads have
// long since compiled their code (other pages, so that no memo of the first run's sentences is reused).
const storedWarm = pool
  ? await storedRun(
      'embedded database, threads already warm',
      Array.from({ length: N }, (_, i) => page(10 * N + i)),
      pool,
      Promise.resolve(),
    )
  : undefined;
if (pool && storedWarm) {
  // Other pages again, so that no memo of the stored runs' sentences is reused.
  const warm = await analysisAlone(
    'no database, threads already warm',
    Array.from({ length: N }, (_, i) => page(20 * N + i)),
    pool,
  );
  await pool.close();
  // Warmed up on the same pages as the stored run's new threads were, while its database opened.
  const fresh = new WorkerPool(THREADS);
  await Promise.all(warmup.map((doc, i) => fresh.prepare(doc, `warm-up-${i}`)));
  const cold = await analysisAlone(
    'no database, new threads',
    Array.from({ length: N }, (_, i) => page(30 * N + i)),
    fresh,
  );
  await fresh.close();
  console.log(
    `stored / no database: ${(storedNew / cold).toFixed(2)}x with new threads, ${(storedWarm / warm).toFixed(2)}x warm`,
  );
} else await pool?.close();
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
  // Two phases: the warm-up pages, timed from spawning the workers (start-up, and each process compiling
  // its code as it goes, counted), then the measured pages, timed from the last warm-up page placed to
  // every page placed and every story rebuilt: long-running workers. All pages are queued before the
  // workers start (not counted), and placement runs in queue order, so the phases follow each other.
  async function queued(workers: number): Promise<{ cold: number; warm: number }> {
    const name = `corroborate_bench_${randomBytes(6).toString('hex')}`;
    await onAdmin(`create database ${name}`);
    const url = new URL(admin!);
    url.pathname = `/${name}`;
    const db = url.toString();
    try {
      const store = await Store.open(db);
      const corpus = new Corpus(store, createCorpusEngine);
      const boss = await startBoss(db);
      const warmUp = Array.from({ length: PG_WARMUP }, (_, i) => page(50 * N + i));
      const measured = docs.slice(0, PG_N);
      const queue = [...warmUp, ...measured];
      let t = performance.now();
      for (let i = 0; i < queue.length; i += BATCH)
        await enqueueDocuments(corpus, boss, queue.slice(i, i + BATCH));
      const enqueued = perSecond(queue.length, t);
      await boss.stop({ graceful: true, wait: true });
      t = performance.now();
      const children = Array.from({ length: workers }, () =>
        spawn('node', [cli, 'worker', '--db', db], {
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
      const stale = async () =>
        Number((await store.db.query<{ n: string }>('select count(*) as n from stale_stories'))[0]!.n);
      const waitFor = async (done: () => Promise<boolean>) => {
        while (!gone && performance.now() - t < PG_BUDGET_MS && !(await done()))
          await new Promise((r) => setTimeout(r, 50));
      };
      await waitFor(async () => (await store.countArticles()) >= warmUp.length);
      const warmedAt = performance.now();
      const warmedUp = Math.min(warmUp.length, await store.countArticles());
      const cold = perSecond(warmedUp, t);
      await waitFor(async () => (await store.countArticles()) >= queue.length && (await stale()) === 0);
      const placed = Math.max(0, (await store.countArticles()) - warmUp.length);
      const warm = perSecond(placed, warmedAt);
      // Workers run until stopped here: one gone already has failed.
      const failed = gone;
      const unbuilt = await stale();
      if (!gone) for (const child of children) child.kill('SIGTERM');
      const codes = await Promise.all(exits);
      await store.close();
      if (failed || codes.some((c) => c !== 0))
        throw new Error(
          `${workers} workers placed ${placed} of ${measured.length} measured articles (exit codes ${codes.join(', ')}):\n${errors}`,
        );
      console.log(
        `PostgreSQL queue, ${workers} worker process${workers > 1 ? 'es' : ''}: ${cold.toFixed(1)} articles/s over ${warmedUp === warmUp.length ? 'the first' : `${warmedUp} (time budget) of the first`} ${warmUp.length} (start-up counted), then ${warm.toFixed(1)} articles/s over ${placed === measured.length ? 'the next' : `${placed} (time budget) of the next`} ${measured.length}${unbuilt ? `, ${unbuilt} stories not yet rebuilt` : ''} (enqueue ${enqueued.toFixed(0)} articles/s, not counted)`,
      );
      return { cold, warm };
    } finally {
      await dropDatabase(name);
    }
  }

  const one = await queued(1);
  const three = await queued(3);
  const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}x` : 'n/a (nothing placed)');
  console.log(
    `scaling 1 -> 3 workers: ${ratio(three.cold, one.cold)} from start-up, ${ratio(three.warm, one.warm)} running`,
  );
}
