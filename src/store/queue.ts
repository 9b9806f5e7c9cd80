/**
 * Scale-out on PostgreSQL: a producer writes documents to the inbox and sends one pg-boss job per inbox
 * row; any number of `corroborate worker` processes, on any machines, take jobs, prepare the article
 * (the heavy step), and then place whatever is ready in sequence order. pg-boss gives retries and
 * at-least-once delivery; the inbox steps are idempotent, so a repeated job changes nothing.
 */
import PgBoss from 'pg-boss';
import type { RawDocument } from '../ingest/index.ts';
import { type Corpus, REBUILD_EVERY_MS } from './corpus.ts';

export const PREPARE_QUEUE = 'corroborate-prepare';

export async function startBoss(url: string): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: url, max: 4 });
  boss.on('error', (error) => process.stderr.write(`corroborate: queue error: ${error.message}\n`));
  await boss.start();
  await boss.createQueue(PREPARE_QUEUE);
  return boss;
}

/** Producer: documents into the inbox, one job each. Returns how many were new. */
export async function enqueueDocuments(corpus: Corpus, boss: PgBoss, docs: RawDocument[]): Promise<number> {
  const seqs = await corpus.enqueue(docs);
  for (const seq of seqs)
    await boss.send(PREPARE_QUEUE, { seq }, { singletonKey: `seq-${seq}`, retryLimit: 3 });
  return seqs.length;
}

const LOST_JOB_SECONDS = 30;
const JOBS_PER_FETCH = 8;

export interface WorkerOptions {
  /** Stop once the inbox is empty and no job is waiting. */
  exitWhenIdle?: boolean;
  pollSeconds?: number;
  onPlaced?: (count: number) => void;
}

export async function runWorker(corpus: Corpus, boss: PgBoss, options: WorkerOptions = {}): Promise<void> {
  const poll = options.pollSeconds ?? 0.5;
  // Placement marks stories stale; they are rebuilt when the worker has nothing left to place, so a busy
  // queue is not slowed by rebuilding the same story after every article.
  const placeAll = async () => {
    for (let n = await corpus.placeReady(); n > 0; n = await corpus.placeReady()) options.onPlaced?.(n);
  };
  // pg-boss waits out its polling interval after each fetch: a worker fetching a full batch asks for
  // the next one at once instead, or a busy queue would be worked at no more than a batch per interval.
  let workerId: string | undefined;
  workerId = await boss.work<{ seq: number }>(
    PREPARE_QUEUE,
    { batchSize: JOBS_PER_FETCH, pollingIntervalSeconds: poll },
    async (jobs) => {
      // Jobs only prepare, the part that runs in parallel; placement, serialised by the engine-state lock,
      // happens in the loop below in batches, so that the state is read and written once per batch rather
      // than once per article.
      for (const job of jobs) await corpus.prepareQueued(job.data.seq);
      if (jobs.length === JOBS_PER_FETCH && workerId) boss.notifyWorker(workerId);
    },
  );
  let stopping = false;
  let lastRebuild = performance.now();
  const stop = () => {
    stopping = true;
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  while (!stopping) {
    await new Promise((resolve) => setTimeout(resolve, poll * 2000));
    try {
      // Rows whose job was lost (a producer killed between insert and send) are swept up here; only rows
      // waiting longer than a job would, so that workers do not all prepare the rows their jobs are on.
      for (const seq of await corpus.unprepared(20, LOST_JOB_SECONDS)) await corpus.prepareQueued(seq);
      await placeAll();
      const pending = await corpus.pendingCount();
      // Stories are rebuilt once the inbox is drained, or every REBUILD_EVERY_MS under a steady stream.
      if (pending === 0 || performance.now() - lastRebuild > REBUILD_EVERY_MS) {
        await corpus.rebuildStale();
        lastRebuild = performance.now();
      }
      if (options.exitWhenIdle && pending === 0 && (await boss.getQueueSize(PREPARE_QUEUE)) === 0) stop();
    } catch (error) {
      process.stderr.write(`corroborate: worker: ${(error as Error).message}\n`);
    }
  }
  process.off('SIGINT', stop);
  process.off('SIGTERM', stop);
  await boss.offWork(PREPARE_QUEUE);
}
