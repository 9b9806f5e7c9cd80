/**
 * `npm run bench:compare`: the cross-outlet comparison (quotes, facts, coverage) and the summary of one
 * 50-article story, which must be quick enough to rerun on every new article. The story is the bundled
 * example coverage, each article repeated under new outlet names with one figure changed, so that the
 * comparison meets both agreement and conflict. Baseline in the same run: annotating those 50 articles.
 */
import { join } from 'node:path';
import { compareStory } from '../src/compare/index.ts';
import { createArticle } from '../src/model/index.ts';
import { annotateLanguage, buildStory, loadArticles, prepareArticle } from '../src/pipeline/index.ts';
import { newsArticle, rng, storyFacts, toHtml } from './synthetic-news.ts';

const ARTICLES = 50;
const { articles: examples } = await loadArticles([join(import.meta.dirname, '..', 'examples')]);
const texts = Array.from({ length: ARTICLES }, (_, i) => {
  const source = examples[i % examples.length]!;
  // Every other copy reports a different length of the talks, as rival outlets do.
  const text = i % 2 ? source.text.replace(/six hours/g, `${4 + (i % 3)} hours`) : source.text;
  return {
    id: `${source.id}-${i}`,
    text,
    meta: { ...source.meta, outlet: `${source.meta.outlet ?? 'Outlet'} ${i}` },
  };
});

const annotateStarted = performance.now();
const story = texts.map((t) => annotateLanguage(createArticle(t)));
const annotateMs = performance.now() - annotateStarted;

const group = { id: 's1', title: 'bench', keywords: [], articles: story.map((a) => a.id) };
buildStory(group, story); // warm-up
const runs = 5;
let compareMs = 0;
let storyMs = 0;
let conflicts = 0;
for (let r = 0; r < runs; r++) {
  let t = performance.now();
  const comparison = compareStory(story);
  compareMs += performance.now() - t;
  conflicts = comparison.facts.filter((f) => f.status === 'conflict').length;
  t = performance.now();
  buildStory(group, story);
  storyMs += performance.now() - t;
}
compareMs /= runs;
storyMs /= runs;
console.log(
  `${ARTICLES}-article story: ${story.reduce((n, a) => n + a.text.length, 0)} characters, ${conflicts} conflicts found`,
);
console.log(`compare (quotes, facts, coverage)    ${compareMs.toFixed(0)} ms`);
console.log(`compare + summary + timeline         ${storyMs.toFixed(0)} ms   target < 1000 ms`);
console.log(
  `baseline: annotating the 50 articles  ${annotateMs.toFixed(0)} ms   (story / annotation: ${(storyMs / annotateMs).toFixed(2)}x)`,
);

// How the cost grows with a story's size: one synthetic story (the generator bench:ingest uses) of 100,
// 200 and 400 articles, built once each after a warm-up. Per article it should stay flat; it does not
// (fact clustering and the summary's sentence comparisons grow with the square of the story's figures
// and sentences), which is what makes very large stories slow to rebuild.
const rand = rng(2026);
const big = Array.from({ length: 400 }, (_, i) => {
  const a = newsArticle(storyFacts(0), rand, 500);
  return prepareArticle(
    {
      id: `n${i}`,
      source: { url: `https://news.example/${i}` },
      format: 'html',
      content: toHtml(a),
      meta: {},
    },
    { id: `n${i}` },
  );
});
buildStory({ ...group, articles: [] }, big.slice(0, 50));
for (const n of [100, 200, 400]) {
  const members = big.slice(0, n);
  const t = performance.now();
  buildStory({ ...group, articles: members.map((a) => a.id) }, members);
  const ms = performance.now() - t;
  console.log(
    `${String(n).padStart(3)}-article synthetic story        ${ms.toFixed(0)} ms   (${(ms / n).toFixed(1)} ms per article)`,
  );
}
