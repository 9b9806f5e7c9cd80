/**
 * `corroborate dedupe`: related pairs among the inputs, one JSON line each. Streams through the copy
 * index without the language layers, so it scales to large JSON Lines corpora.
 */
import { Option } from 'commander';
import { readInputs } from '../../ingest/index.ts';
import { extractDocument } from '../../pipeline/index.ts';
import { ReuseIndex } from '../../reuse/index.ts';
import type { RegisterCommand } from './index.ts';

export const registerDedupe: RegisterCommand = (program, setExitCode) => {
  program
    .command('dedupe')
    .description('find exact and near-duplicate pairs; one JSON line per related pair')
    .argument('<inputs...>', 'files or directories (as for analyze), or - for stdin')
    .option(
      '--threshold <x>',
      'estimated shingle Jaccard from which a pair is reported',
      (v) => {
        const n = Number(v);
        if (!(n > 0 && n <= 1)) throw new Error('--threshold must be in (0, 1]');
        return n;
      },
      0.5,
    )
    .addOption(new Option('-f, --format <format>').choices(['jsonl']).default('jsonl'))
    .action(async (inputs: string[], opts: { threshold: number }) => {
      const index = new ReuseIndex();
      let n = 0;
      const lines: string[] = [];
      const flush = () => {
        if (lines.length) process.stdout.write(`${lines.join('\n')}\n`);
        lines.length = 0;
      };
      for await (const doc of readInputs(inputs, {
        onProblem: (p) => process.stderr.write(`corroborate: skipped ${p.input}: ${p.message}\n`),
      })) {
        const id = doc.id ?? `doc-${n + 1}`;
        n++;
        const text = extractDocument(doc).text;
        const { exactOf, candidates } = index.insert(ReuseIndex.sketch(id, text), opts.threshold);
        if (exactOf) lines.push(JSON.stringify({ a: exactOf, b: id, kind: 'exact', similarity: 1 }));
        else
          for (const c of candidates)
            lines.push(
              JSON.stringify({
                a: c.id,
                b: id,
                kind: c.estimate >= 0.8 ? 'near' : 'syndicated',
                similarity: Math.round(c.estimate * 1000) / 1000,
              }),
            );
        if (lines.length > 1000) flush();
      }
      flush();
      if (n === 0) setExitCode(1);
    });
};
