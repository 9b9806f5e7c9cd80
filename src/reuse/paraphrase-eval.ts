/**
 * Paraphrase detection on fixtures written for the project: hand-made paraphrased copies of original
 * articles, and hard negatives — independent reports that quote the same speaker with the same words.
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

export async function paraphraseScores() {
  const { articles } = await loadArticles([paraphraseFixtures]);
  const group = (id: string) => id.split('-')[0]!.replace(/^p/, 'g');
  const { duplicates } = detectReuse(articles);
  const predicted = duplicates.filter(
    (d) => d.kind === 'paraphrase' || d.kind === 'near' || d.kind === 'syndicated',
  );
  const isPositive = (a: string, b: string) =>
    a.startsWith('p') && b.startsWith('p') && group(a) === group(b);
  const tp = predicted.filter((d) => isPositive(d.a, d.b)).length;
  const positives = new Set(articles.map((a) => group(a.id)).filter((g) => g.startsWith('g'))).size;
  return { ...prf(tp, predicted.length - tp, positives - tp), predicted };
}

export async function paraphraseEval(): Promise<void> {
  const r = await paraphraseScores();
  console.log('Paraphrased copies (project fixtures, with same-quote hard negatives)');
  console.log(row('paraphrase precision', fmt(r.precision)));
  console.log(row('paraphrase recall', fmt(r.recall)));
}
