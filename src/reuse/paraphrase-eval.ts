/**
 * Paraphrase detection on fixtures written for the project: hand-made paraphrased copies of original
 * articles (synonym swaps, reordering, quotes turned into reported speech, trimmed tails, new headlines,
 * added boilerplate, hard-wrapped lines, split sentences, heavy rewrites), and hard negatives —
 * independent reports of the same event that quote the same speaker with the same words, follow-ups a
 * week later, and articles that reuse one paragraph of another.
 *
 * Ids carry the gold: articles `p<N>-…` with the same N are copies of each other; `n…` articles are copies
 * of nothing, though each shares a story (and often a quote) with some `p` article.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt, prf, row } from '../eval/shared.ts';
import { loadArticles } from '../pipeline/index.ts';
import { detectReuse } from './index.ts';

export const paraphraseFixtures = join(
  dirname(fileURLToPath(import.meta.url)),
  'fixtures',
  'paraphrase.jsonl',
);

const pairKey = (a: string, b: string) => (a < b ? `${a} ~ ${b}` : `${b} ~ ${a}`);

export async function paraphraseScores() {
  const { articles } = await loadArticles([paraphraseFixtures]);
  const group = (id: string) => id.split('-')[0]!;
  const members = new Map<string, string[]>();
  for (const a of articles)
    if (a.id.startsWith('p')) members.set(group(a.id), [...(members.get(group(a.id)) ?? []), a.id]);
  // Every two members of a group are a gold pair, should a group ever hold more than an original and one copy.
  const gold = new Set<string>();
  for (const ids of members.values())
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) gold.add(pairKey(ids[i]!, ids[j]!));
  const { duplicates } = detectReuse(articles);
  const predicted = duplicates.filter(
    (d) => d.kind === 'paraphrase' || d.kind === 'near' || d.kind === 'syndicated',
  );
  const found = new Set(predicted.map((d) => pairKey(d.a, d.b)));
  const tp = [...found].filter((k) => gold.has(k)).length;
  return {
    ...prf(tp, found.size - tp, gold.size - tp),
    predicted,
    goldPairs: gold.size,
    negatives: articles.filter((a) => a.id.startsWith('n')).length,
    missed: [...gold].filter((k) => !found.has(k)),
    falseAlarms: [...found].filter((k) => !gold.has(k)),
  };
}

export async function paraphraseEval(): Promise<void> {
  const r = await paraphraseScores();
  console.log('Paraphrased copies (project fixtures, with same-quote hard negatives)');
  console.log(`  ${r.goldPairs} copy pairs, ${r.negatives} hard negatives`);
  console.log(row('paraphrase precision', fmt(r.precision)));
  console.log(row('paraphrase recall', fmt(r.recall)));
  if (r.missed.length) console.log(`  missed: ${r.missed.join(', ')}`);
  if (r.falseAlarms.length) console.log(`  false: ${r.falseAlarms.join(', ')}`);
}
