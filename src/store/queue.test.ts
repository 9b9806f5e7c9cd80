/**
 * The worker loop against a stand-in queue: what it asks of pg-boss between fetches. (Three real worker
 * processes on a real server are in workers.test.ts.)
 */
import type PgBoss from 'pg-boss';
import { describe, expect, it } from 'vitest';
import type { Corpus } from './corpus.ts';
import { runWorker } from './queue.ts';

type Handler = (jobs: { data: { seq: number } }[]) => Promise<void>;

function standIns() {
  const prepared: number[] = [];
  const notified: string[] = [];
  let handler: Handler | undefined;
  const boss = {
    work: async (_name: string, _options: unknown, fn: Handler) => {
      handler = fn;
      return 'worker-1';
    },
    notifyWorker: (id: string) => notified.push(id),
    getQueueSize: async () => 0,
    offWork: async () => {},
  } as unknown as PgBoss;
  const corpus = {
    prepareQueued: async (seq: number) => void prepared.push(seq),
    unprepared: async () => [],
    placeReady: async () => 0,
    pendingCount: async () => 0,
    rebuildStale: async () => 0,
  } as unknown as Corpus;
  const jobs = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ data: { seq: from + i } }));
  return { boss, corpus, prepared, notified, jobs, handler: () => handler! };
}

describe('runWorker', () => {
  it('fetches again at once after a full batch, and waits out the interval after a short one', async () => {
    const { boss, corpus, prepared, notified, jobs, handler } = standIns();
    const done = runWorker(corpus, boss, { exitWhenIdle: true, pollSeconds: 0.01 });
    // The handler is registered before the loop's first wait.
    await new Promise((resolve) => setTimeout(resolve, 0));
    await handler()(jobs(8));
    expect(notified).toEqual(['worker-1']);
    await handler()(jobs(3, 8));
    expect(notified).toEqual(['worker-1']);
    expect(prepared).toEqual(Array.from({ length: 11 }, (_, i) => i));
    await done;
  });
});
