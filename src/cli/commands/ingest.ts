/**
 * `corroborate ingest`: adds sources to the stored corpus in batches. Each batch is committed before the
 * next is read, so an interrupted ingest loses nothing it reported done, and re-running it skips what is
 * already stored.
 */
import type { RawDocument } from '../../ingest/index.ts';
import { type FeedCache, readInputs, WebFetcher } from '../../ingest/index.ts';
import { loadStore, openCorpus } from '../db.ts';
import { parseNonNegativeInt, parsePositiveInt } from '../output.ts';
import { progress } from '../progress.ts';
import type { RegisterCommand } from './index.ts';

const FEED_STATE = 'feeds';

export const registerIngest: RegisterCommand = (program, setExitCode) => {
  program
    .command('ingest')
    .description('add articles to the stored corpus and update their stories')
    .argument(
      '<sources...>',
      'files or directories (as for analyze, plus .warc/.warc.gz and feeds), http(s) URLs of pages or feeds, or - for stdin',
    )
    .option(
      '--db <url>',
      'database: a folder for the embedded database, or postgres://… (default: $CORROBORATE_DB or ~/.local/share/corroborate/db)',
    )
    .option('--batch <n>', 'articles per transaction', (v) => parsePositiveInt(v, '--batch'), 25)
    .option('--allow-private', 'allow fetching URLs on private, loopback and link-local addresses')
    .option('--follow <seconds>', 'keep polling URL and feed sources at this interval', (v) =>
      parsePositiveInt(v, '--follow'),
    )
    .option('--queue', 'only queue the articles for `corroborate worker` processes (PostgreSQL only)')
    .option(
      '--threads <n>',
      'worker threads preparing articles and building stories in a bulk ingest (0: none; default: one per core, at most 8)',
      (v) => parseNonNegativeInt(v, '--threads'),
    )
    .action(
      async (
        sources: string[],
        opts: {
          db?: string;
          batch: number;
          queue?: boolean;
          allowPrivate?: boolean;
          follow?: number;
          threads?: number;
        },
      ) => {
        if (opts.queue && !/^postgres(ql)?:\/\//.test(opts.db ?? ''))
          throw new Error('--queue needs --db postgres://…');
        const { BulkIngest, enqueueDocuments, startBoss } = await loadStore();
        const corpus = await openCorpus(opts.db);
        const boss = opts.queue ? await startBoss(opts.db ?? '') : null;
        const bar = progress('ingesting');
        let created = 0;
        let skipped = 0;
        let problems = 0;
        let batch: RawDocument[] = [];
        // Threads pay off in a bulk ingest only: they start when the first batch fills up, while that batch
        // is prepared here, and take over from the next one.
        const { defaultPoolSize, WorkerPool } = await import('../../pipeline/index.ts');
        const threads = opts.threads ?? defaultPoolSize();
        let pool: InstanceType<typeof WorkerPool> | undefined;
        const bulk = new BulkIngest(corpus, (results, docs) => {
          results.forEach((r, i) => {
            if (r.failed) {
              problems++;
              // Named as analyze names an input: an article's id alone may be absent.
              const doc = docs[i]!;
              const input = doc.source.path ?? doc.source.url ?? doc.id ?? 'a document';
              process.stderr.write(`corroborate: set aside ${input}: ${r.failed}\n`);
            } else if (r.created) created++;
            else skipped++;
          });
          bar.tick(created + skipped, `articles (${created} new)`);
        });
        const flush = async () => {
          if (!batch.length) return;
          const docs = batch;
          batch = [];
          if (boss) {
            const queued = await enqueueDocuments(corpus, boss, docs);
            created += queued;
            skipped += docs.length - queued;
            bar.tick(created + skipped, `articles (${created} queued)`);
            return;
          }
          const startPool = !pool && threads > 0 && docs.length >= opts.batch;
          if (startPool) pool = new WorkerPool(threads);
          const adding = bulk.add(docs);
          // After the batch has started here: the pool takes over from the next one.
          if (startPool) corpus.usePool(pool);
          await adding;
        };
        const web = new WebFetcher({ allowPrivate: opts.allowPrivate === true });
        const feedCache = new Map(
          Object.entries((await corpus.store.getState<Record<string, FeedCache>>(FEED_STATE)) ?? {}),
        );
        let stopping = false;
        const stop = () => {
          stopping = true;
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        try {
          do {
            for await (const doc of readInputs(sources, {
              web,
              feedCache,
              onProblem: (p) => {
                problems++;
                process.stderr.write(`corroborate: skipped ${p.input}: ${p.message}\n`);
              },
            })) {
              batch.push(doc);
              if (batch.length >= opts.batch) await flush();
              if (stopping) break;
            }
            await flush();
            if (!boss) await bulk.finish();
            await corpus.store.setState(FEED_STATE, Object.fromEntries(feedCache));
            if (opts.follow && !stopping) await new Promise((r) => setTimeout(r, opts.follow! * 1000));
          } while (opts.follow && !stopping);
        } finally {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          bar.done();
          // A batch still in flight after an error finishes (or fails) before the database closes.
          await bulk.drain().catch(() => {});
          await boss?.stop({ graceful: true, wait: true });
          await pool?.close();
          await corpus.store.close();
        }
        process.stderr.write(
          `corroborate: ${created} new articles${boss ? ' queued' : ''}, ${skipped} already stored, ${problems} inputs skipped\n`,
        );
        if (created + skipped === 0) setExitCode(1);
      },
    );
};
