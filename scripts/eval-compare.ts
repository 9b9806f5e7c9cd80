/**
 * `npm run eval:compare`: quote and fact alignment and conflict detection on the project's own
 * multi-outlet fixture stories (src/compare/fixtures), each compared as one story.
 */

import { loadGoldStories, type PairCounts, scoreStory } from '../src/compare/gold.ts';
import { compareStory } from '../src/compare/index.ts';
import { fmt, prf, row } from '../src/eval/shared.ts';
import { loadArticles } from '../src/pipeline/index.ts';

const total = {
  quotes: { tp: 0, fp: 0, fn: 0 },
  facts: { tp: 0, fp: 0, fn: 0 },
  conflicts: { tp: 0, fp: 0, fn: 0 },
  misquotes: { tp: 0, fp: 0, fn: 0 },
};
const add = (into: PairCounts, x: PairCounts) => {
  into.tp += x.tp;
  into.fp += x.fp;
  into.fn += x.fn;
};
const show = (c: PairCounts) => {
  const r = prf(c.tp, c.fp, c.fn);
  return `P ${fmt(r.precision)} R ${fmt(r.recall)} F1 ${fmt(r.f1)}`;
};

for (const gold of loadGoldStories()) {
  const { articles } = await loadArticles(gold.inputs);
  const comparison = compareStory(articles);
  const score = scoreStory(gold, articles, comparison.quotes, comparison.facts);
  console.log(
    `\n${gold.name}: ${articles.length} articles, ${comparison.quotes.length} quote groups, ${comparison.facts.length} facts`,
  );
  console.log(
    `  quotes    ${show(score.quotes)}  (findings matching no gold item: ${score.quotes.unmatched})`,
  );
  console.log(`  facts     ${show(score.facts)}  (findings matching no gold item: ${score.facts.unmatched})`);
  console.log(`  conflicts ${show(score.conflicts)}`);
  for (const c of score.falseConflicts) console.log(`    false conflict: ${c}`);
  if (score.missingGold.length)
    console.log(`  gold substrings not found in cleaned text: ${score.missingGold.join(' | ')}`);
  add(total.quotes, score.quotes);
  add(total.facts, score.facts);
  add(total.conflicts, score.conflicts);
  add(total.misquotes, score.misquotes);
}

const c = prf(total.conflicts.tp, total.conflicts.fp, total.conflicts.fn);
console.log('\nAll fixture stories');
console.log(row('quote alignment (pairwise)', show(total.quotes)));
console.log(row('fact alignment (pairwise)', show(total.facts)));
console.log(row('conflict precision', fmt(c.precision), 'target 1.000'));
console.log(row('conflict recall', fmt(c.recall), 'target >= 0.900'));
console.log(row('misquote flags', show(total.misquotes)));
