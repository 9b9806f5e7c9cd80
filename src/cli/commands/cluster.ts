/**
 * `corroborate cluster`: the inputs read in order as a stream and placed in stories one at a time by the
 * same engine as `ingest` (copy index, then the story clusterer); one line per article, in input order,
 * with its final story.
 */
import { Option } from 'commander';
import { followMerges } from '../../cluster/index.ts';
import { readInputs } from '../../ingest/index.ts';
import { findEntities } from '../../nlp/index.ts';
import { prepareArticle } from '../../pipeline/index.ts';
import { createCorpusEngine } from '../../store/engine.ts';
import type { RegisterCommand } from './index.ts';

export const registerCluster: RegisterCommand = (program, setExitCode) => {
  program
    .command('cluster')
    .description('group a stream of articles into stories; one JSON line {"id","story"} per article')
    .argument('<inputs...>', 'files or directories (as for analyze), or - for stdin')
    .addOption(new Option('-f, --format <format>').choices(['jsonl']).default('jsonl'))
    .action(async (inputs: string[]) => {
      const engine = createCorpusEngine(null);
      const placed: { id: string; story: string }[] = [];
      const seen = new Set<string>();
      for await (const doc of readInputs(inputs, {
        onProblem: (p) => process.stderr.write(`corroborate: skipped ${p.input}: ${p.message}\n`),
      })) {
        let id = doc.id ?? `doc-${placed.length + 1}`;
        // Ids must stay unique for the output to be joinable back to the input.
        while (seen.has(id)) id = `${id}~`;
        seen.add(id);
        const article = prepareArticle(doc, { id, textOnly: true });
        article.annotations.entities = findEntities(article);
        placed.push({ id, story: engine.add(article).story });
      }
      // Stories merged after an article was placed hand their articles to the surviving story.
      const final = followMerges(engine.takeMerges());
      process.stdout.write(
        placed.map((p) => `${JSON.stringify({ id: p.id, story: final(p.story) })}\n`).join(''),
      );
      if (placed.length === 0) setExitCode(1);
    });
};
