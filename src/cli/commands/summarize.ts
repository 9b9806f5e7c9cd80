/** `corroborate summarize`: cited summaries of document clusters given as JSON lines. */

import { createReadStream } from 'node:fs';
import { Option } from 'commander';
import { splitLines } from '../../ingest/lines.ts';
import { type Cluster, summarizeCluster } from '../../summarize/clusters.ts';
import { parsePositiveInt } from '../output.ts';
import type { RegisterCommand } from './index.ts';

export const registerSummarize: RegisterCommand = (program, setExitCode) => {
  program
    .command('summarize')
    .description(
      'summarise clusters of documents: input lines {"id","documents":[{"doc_id","text"}]}, output lines {"id","summary"}',
    )
    .argument('<clusters>', 'a .jsonl file, or - for stdin')
    .option('--words <n>', 'summary length in words', (v) => parsePositiveInt(v, '--words'), 250)
    .option('--sentences <n>', 'summary length in sentences', (v) => parsePositiveInt(v, '--sentences'))
    .addOption(new Option('-f, --format <format>').choices(['jsonl']).default('jsonl'))
    .option('--cited', 'also output each summary sentence with its cited spans')
    .action(async (input: string, opts: { words: number; sentences?: number; cited?: boolean }) => {
      const source = input === '-' ? process.stdin : createReadStream(input);
      let ok = 0;
      for await (const event of splitLines(source as AsyncIterable<Buffer>, 64 * 1024 * 1024)) {
        if ('tooLong' in event) {
          process.stderr.write(`corroborate: ${input}:${event.number}: line too long, skipped\n`);
          continue;
        }
        if (!event.line.trim()) continue;
        let cluster: Cluster;
        try {
          cluster = JSON.parse(event.line);
          if (!cluster || typeof cluster.id !== 'string' || !Array.isArray(cluster.documents))
            throw new Error('expected {"id","documents":[…]}');
        } catch (error) {
          process.stderr.write(`corroborate: ${input}:${event.number}: ${(error as Error).message}\n`);
          continue;
        }
        const { summary } = summarizeCluster(cluster, { words: opts.words, sentences: opts.sentences });
        process.stdout.write(
          `${JSON.stringify({ id: cluster.id, summary: summary.map((s) => s.text).join(' '), ...(opts.cited ? { sentences: summary } : {}) })}\n`,
        );
        ok++;
      }
      if (ok === 0) setExitCode(1);
    });
};
