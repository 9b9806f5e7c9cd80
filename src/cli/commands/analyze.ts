/** `corroborate analyze`: the whole pipeline in memory over local inputs, then one report. */
import { Option } from 'commander';
import { analyze } from '../../pipeline/index.ts';
import { jsonDocument, renderHtml, renderMarkdown, renderText, reportJson } from '../../report/index.ts';
import { parsePositiveInt, writeOutput } from '../output.ts';
import { progress } from '../progress.ts';
import type { RegisterCommand } from './index.ts';

export const registerAnalyze: RegisterCommand = (program, setExitCode) => {
  program
    .command('analyze')
    .description('read articles, find copies, group stories, compare outlets, and print a report')
    .argument('<inputs...>', 'files or directories (.txt .md .html .json .jsonl .jsonl.gz), or - for stdin')
    .addOption(
      new Option('-f, --format <format>', 'report format')
        .choices(['text', 'md', 'json', 'html'])
        .default('text'),
    )
    .option('-o, --out <file>', 'write the report to a file instead of stdout')
    .option('--words <n>', 'summary length in words', (v) => parsePositiveInt(v, '--words'))
    .option('--sentences <n>', 'summary length in sentences', (v) => parsePositiveInt(v, '--sentences'))
    .action(
      async (
        inputs: string[],
        opts: { format: string; out?: string; words?: number; sentences?: number },
      ) => {
        const bar = progress('reading');
        const analysis = await analyze(inputs, {
          summary: { words: opts.words, sentences: opts.sentences },
          onArticle: (_a, i) => bar.tick(i + 1, 'articles'),
          onProblem: (p) => process.stderr.write(`corroborate: skipped ${p.input}: ${p.message}\n`),
        });
        bar.done();
        if (analysis.articles.length === 0) {
          process.stderr.write('corroborate: no article could be read\n');
          setExitCode(1);
          return;
        }
        const toTerminal = !opts.out && process.stdout.isTTY === true;
        const report =
          opts.format === 'json'
            ? jsonDocument(reportJson(analysis))
            : opts.format === 'html'
              ? renderHtml(analysis)
              : opts.format === 'md'
                ? renderMarkdown(analysis)
                : renderText(analysis, { color: toTerminal });
        await writeOutput(report, opts.out);
      },
    );
};
