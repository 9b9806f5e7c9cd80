/**
 * Worker threads for the two pure, heavy steps of a stored corpus: preparing an article (extraction and
 * the language layers) and building a story's findings (comparison, summary, timeline, then encoded for
 * the database). Both are pure functions of plain data, so a thread can run them while the main thread
 * talks to the database; on a machine with several cores a bulk ingest then uses them all instead of one.
 *
 * Results come back as JSON text, which costs less to send and parse than a structured clone of the
 * annotated article. A thread that dies (out of memory, a crash in a dependency) fails only the task it
 * was running and is replaced.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { StoryGroup } from '../cluster/index.ts';
import type { RawDocument } from '../ingest/index.ts';
import type { Article, Duplicate } from '../model/index.ts';
import type { EncodedStory, PackedArticle } from '../store/codec.ts';

export type PoolTask =
  /** With `layers`, the article's annotation layers also come back encoded for the database. */
  | { kind: 'prepare'; doc: RawDocument; id: string; layers?: boolean }
  /** Packed articles (as the database keeps them) are decoded in the thread. */
  | { kind: 'story'; group: StoryGroup; articles: (Article | PackedArticle)[]; duplicates: Duplicate[] };

export type PoolReply = { task: number; json: string; layers?: string } | { task: number; error: string };

type Answer = Extract<PoolReply, { json: string }>;

interface Pending {
  task: number;
  message: PoolTask;
  resolve: (answer: Answer) => void;
  reject: (error: Error) => void;
}

interface Thread {
  worker: Worker;
  running: Pending | null;
  dead: boolean;
}

const BOOTSTRAP = new URL('./pool-bootstrap.mjs', import.meta.url);

/** Threads worth starting here: one per core, at most eight (each holds its own language models). */
export function defaultPoolSize(): number {
  return Math.max(1, Math.min(8, availableParallelism()));
}

export class WorkerPool {
  private readonly threads: Thread[] = [];
  private readonly queue: Pending[] = [];
  private nextTask = 1;
  private closing = false;

  constructor(readonly size = defaultPoolSize()) {
    for (let i = 0; i < size; i++) this.threads.push(this.spawn());
  }

  prepare(doc: RawDocument, id: string): Promise<Article> {
    return this.run({ kind: 'prepare', doc, id }).then(({ json }) => JSON.parse(json) as Article);
  }

  /** An article prepared for storing: with its layers encoded for the database (store/codec.ts). */
  prepareForStore(doc: RawDocument, id: string): Promise<{ article: Article; layers: string }> {
    return this.run({ kind: 'prepare', doc, id, layers: true }).then(({ json, layers }) => ({
      article: JSON.parse(json) as Article,
      layers: layers!,
    }));
  }

  /** A story's findings, encoded for the database (store/codec.ts: `decodeStory` reads them back). */
  buildStory(
    group: StoryGroup,
    articles: (Article | PackedArticle)[],
    duplicates: Duplicate[],
  ): Promise<EncodedStory> {
    return this.run({ kind: 'story', group, articles, duplicates }).then(
      ({ json }) => JSON.parse(json) as EncodedStory,
    );
  }

  async close(): Promise<void> {
    this.closing = true;
    for (const pending of this.queue.splice(0)) pending.reject(new Error('worker pool closed'));
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
    // A task running when its thread was stopped will never be answered: it fails too, rather than hang.
    for (const thread of this.threads) {
      thread.running?.reject(new Error('worker pool closed'));
      thread.running = null;
    }
  }

  private run(message: PoolTask): Promise<Answer> {
    if (this.closing) return Promise.reject(new Error('worker pool closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ task: this.nextTask++, message, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    for (const thread of this.threads) {
      if (thread.running || !this.queue.length) continue;
      const pending = this.queue.shift()!;
      thread.running = pending;
      // A busy thread keeps the process alive until its answer arrives; an idle one does not.
      thread.worker.ref();
      thread.worker.postMessage({ task: pending.task, ...pending.message });
    }
  }

  private spawn(): Thread {
    const thread: Thread = { worker: new Worker(BOOTSTRAP), running: null, dead: false };
    thread.worker.unref();
    thread.worker.on('message', (reply: PoolReply) => {
      const pending = thread.running;
      if (!pending || pending.task !== reply.task) return;
      thread.running = null;
      thread.worker.unref();
      if ('json' in reply) pending.resolve(reply);
      else pending.reject(new Error(reply.error));
      this.dispatch();
    });
    // A failing thread reports both 'error' and 'exit': it is replaced once.
    const replace = (error: Error) => {
      if (thread.dead) return;
      thread.dead = true;
      const pending = thread.running;
      thread.running = null;
      pending?.reject(error);
      if (this.closing) return;
      const index = this.threads.indexOf(thread);
      if (index !== -1) this.threads[index] = this.spawn();
      this.dispatch();
    };
    thread.worker.on('error', replace);
    thread.worker.on('exit', (code) => {
      if (!this.closing) replace(new Error(`worker thread exited with code ${code}`));
    });
    return thread;
  }
}
