/**
 * `corroborate ingest`: adds sources to the stored corpus in batches. Each batch is committed before the
 * next is read, so an interrupted ingest loses nothing it reported done, and re-running it skips what is
 * already stored.
 */
import type { RawDocument } from '../../ingest/index.ts';
import { readInputs } from '../../ingest/index.ts';
import { openCorpus } from '../db.ts';
import { parsePositiveInt } from '../output.ts';
import { progress } from '../progress.ts';
import type { RegisterCommand } from './index.ts';

export const registerIngest: RegisterCommand = (program, setExitCode) => {
  program
    .command('ingest')
    .description('add articles to the stored corpus and update their stories')
    .argument('<sources...>', 'files or directories (as for analyze), or - for stdin')
    .option('--db <url>', 'database: a folder for the embedded database, or postgres://… (default: $CORROBORATE_DB or ~/.local/share/corroborate/db)')
    .option('--batch <n>', 'articles per transaction', (v) => parsePositiveInt(v, '--batch'), 25)
    .action(async (sources: string[], opts: { db?: string; batch: number }) => {
      const corpus = await openCorpus(opts.db);
      const bar = progress('ingesting');
      let created = 0;
      let skipped = 0;
      let problems = 0;
      let batch: RawDocument[] = [];
      const flush = async () => {
        if (!batch.length) return;
        for (const r of await corpus.add(batch)) r.created ? created++ : skipped++;
        batch = [];
        bar.tick(created + skipped, `articles (${created} new)`);
      };
      try {
        for await (const doc of readInputs(sources, {
          onProblem: (p) => {
            problems++;
            process.stderr.write(`corroborate: skipped ${p.input}: ${p.message}\n`);
          },
        })) {
          batch.push(doc);
          if (batch.length >= opts.batch) await flush();
        }
        await flush();
      } finally {
        bar.done();
        await corpus.store.close();
      }
      process.stderr.write(`corroborate: ${created} new articles, ${skipped} already stored, ${problems} inputs skipped\n`);
      if (created + skipped === 0) setExitCode(1);
    });
};
