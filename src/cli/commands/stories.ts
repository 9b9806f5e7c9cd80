/** `corroborate stories` and `corroborate story`: reading the stored corpus. */
import { Option } from 'commander';
import { jsonDocument, renderHtml, renderMarkdown, renderText, reportJson } from '../../report/index.ts';
import { openStore } from '../db.ts';
import { parsePositiveInt, writeOutput } from '../output.ts';
import type { RegisterCommand } from './index.ts';

export const registerStories: RegisterCommand = (program) => {
  program
    .command('stories')
    .description('list stored stories, newest first')
    .option('--db <url>', 'database folder or postgres://…')
    .option('-q, --query <q>', 'full-text search over stories and their articles')
    .option('--since <date>', 'only stories with articles published since this ISO date')
    .option('--outlet <name>', 'only stories covered by this outlet')
    .option('--limit <n>', 'how many', (v) => parsePositiveInt(v, '--limit'), 50)
    .addOption(new Option('-f, --format <format>').choices(['text', 'json', 'jsonl']).default('text'))
    .action(
      async (opts: {
        db?: string;
        query?: string;
        since?: string;
        outlet?: string;
        limit: number;
        format: string;
      }) => {
        if (opts.since && Number.isNaN(Date.parse(opts.since)))
          throw new Error(`--since: not a date: ${opts.since}`);
        const store = await openStore(opts.db);
        try {
          const { total, stories } = await store.listStories({
            query: opts.query,
            since: opts.since,
            outlet: opts.outlet,
            limit: opts.limit,
          });
          if (opts.format === 'json')
            await writeOutput(`${JSON.stringify({ total, stories }, null, 2)}\n`, undefined);
          else if (opts.format === 'jsonl')
            await writeOutput(stories.map((s) => `${JSON.stringify(s)}\n`).join(''), undefined);
          else {
            const lines = stories.map(
              (s) =>
                `${s.id.padEnd(14)} ${String(s.articleCount).padStart(4)} art ${String(s.outletCount).padStart(3)} outlets ${s.conflictCount ? `${s.conflictCount} conflicts ` : ''}${(s.lastPublished ?? '').slice(0, 10)}  ${s.title}`,
            );
            await writeOutput(
              `${lines.join('\n')}${lines.length ? '\n' : ''}${stories.length} of ${total} stories\n`,
              undefined,
            );
          }
        } finally {
          await store.close();
        }
      },
    );

  program
    .command('story')
    .description('one stored story as a report')
    .argument('<id>')
    .option('--db <url>', 'database folder or postgres://…')
    .addOption(new Option('-f, --format <format>').choices(['text', 'md', 'json', 'html']).default('text'))
    .option('-o, --out <file>')
    .action(async (id: string, opts: { db?: string; format: string; out?: string }) => {
      const store = await openStore(opts.db);
      try {
        const story = await store.getStory(id);
        if (!story) throw new Error(`no story ${id}`);
        const articles = await store.articlesOfStory(id);
        const duplicates = await store.duplicatesOf(articles.map((a) => a.id));
        const analysis = { articles, stories: [story], duplicates, reuse: [], problems: [] };
        const out =
          opts.format === 'json'
            ? jsonDocument(reportJson(analysis))
            : opts.format === 'html'
              ? renderHtml(analysis)
              : opts.format === 'md'
                ? renderMarkdown(analysis)
                : renderText(analysis, { color: !opts.out && process.stdout.isTTY === true });
        await writeOutput(out, opts.out);
      } finally {
        await store.close();
      }
    });
};
