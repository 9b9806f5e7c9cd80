/**
 * `corroborate annotate`: the per-article language layers as JSON, for checking and for other tools.
 * With `--raw` the input text is used exactly as given (no extraction, no cleaning), so every offset
 * indexes the input itself.
 */
import { Option } from 'commander';
import type { RawDocument } from '../../ingest/index.ts';
import { readInputs } from '../../ingest/index.ts';
import type { Article } from '../../model/index.ts';
import { createArticle } from '../../model/index.ts';
import { annotateLanguage, prepareArticle } from '../../pipeline/index.ts';
import { writeOutput } from '../output.ts';
import type { RegisterCommand } from './index.ts';

/** The language layers over text taken verbatim. */
export function annotateRaw(doc: RawDocument, id: string): Article {
  return annotateLanguage(createArticle({ id, text: doc.content, source: doc.source, meta: doc.meta }));
}

export function annotationJson(a: Article) {
  const { entities, quotes, quantities, dates, sentences } = a.annotations;
  return {
    id: a.id,
    text: a.text,
    ...(a.meta.published ? { published: a.meta.published } : {}),
    sentences,
    entities: entities.map(({ id, name, type, aliases, mentions, roles }) => ({
      id,
      name,
      type,
      aliases,
      mentions,
      ...(roles ? { roles } : {}),
    })),
    quotes,
    quantities,
    dates,
  };
}

export const registerAnnotate: RegisterCommand = (program, setExitCode) => {
  program
    .command('annotate')
    .description('entities, quotes with speakers, quantities and dates for each article, as JSON')
    .argument('<inputs...>', 'files or directories, or - for stdin (as for analyze)')
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(['json', 'jsonl']).default('json'),
    )
    .option('--raw', 'use each input text exactly as given (no extraction or cleaning)')
    .option('-o, --out <file>', 'write to a file instead of stdout')
    .action(async (inputs: string[], opts: { format: string; raw?: boolean; out?: string }) => {
      const results: ReturnType<typeof annotationJson>[] = [];
      let n = 0;
      for await (const doc of readInputs(inputs, {
        onProblem: (p) => process.stderr.write(`corroborate: skipped ${p.input}: ${p.message}\n`),
      })) {
        const id = doc.id ?? `article-${++n}`;
        results.push(annotationJson(opts.raw ? annotateRaw(doc, id) : prepareArticle(doc, { id })));
      }
      if (results.length === 0) {
        process.stderr.write('corroborate: no article could be read\n');
        setExitCode(1);
        return;
      }
      const body =
        opts.format === 'jsonl'
          ? results.map((r) => JSON.stringify(r)).join('\n')
          : JSON.stringify(results, null, 2);
      await writeOutput(`${body}\n`, opts.out);
    });
};
