/** `corroborate worker`: one of any number of processes sharing the work through PostgreSQL. */
import { loadStore, openCorpus } from '../db.ts';
import type { RegisterCommand } from './index.ts';

export const registerWorker: RegisterCommand = (program) => {
  program
    .command('worker')
    .description('prepare and place queued articles; run as many as you like against one PostgreSQL database')
    .requiredOption(
      '--db <url>',
      'postgres://… (workers need a PostgreSQL server)',
      process.env.CORROBORATE_DB,
    )
    .option('--exit-when-idle', 'stop once nothing is queued')
    .action(async (opts: { db: string; exitWhenIdle?: boolean }) => {
      if (!/^postgres(ql)?:\/\//.test(opts.db))
        throw new Error('worker needs --db postgres://… (the embedded database serves one process)');
      const { runWorker, startBoss } = await loadStore();
      const corpus = await openCorpus(opts.db);
      const boss = await startBoss(opts.db);
      let placed = 0;
      try {
        await runWorker(corpus, boss, { exitWhenIdle: opts.exitWhenIdle, onPlaced: (n) => (placed += n) });
      } finally {
        await boss.stop({ graceful: true, wait: true });
        await corpus.store.close();
      }
      process.stderr.write(`corroborate: worker placed ${placed} articles\n`);
    });
};
