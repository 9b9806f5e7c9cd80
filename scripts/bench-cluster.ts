/**
 * `npm run bench:cluster`: assignment throughput with 100,000 live stories on one thread, against a
 * brute-force scan over every story measured in the same run.
 */
import { type SerializedClusterer, StoryClusterer } from '../src/cluster/index.ts';
import { createArticle } from '../src/model/index.ts';

const STORIES = Number(process.env.BENCH_STORIES ?? 100_000);
const ARTICLES = 3000;
let seed = 42;
const rand = () => {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 4294967296;
};
const vocabulary = Array.from({ length: 60_000 }, (_, i) => `w${i.toString(36)}x`);
// Story centroids hold their distinctive (high-IDF) terms, spread over the vocabulary; article text
// mixes common words (low indexes) with distinctive ones.
const pick = () => vocabulary[Math.floor(rand() * vocabulary.length)]!;
const pickText = () => vocabulary[Math.floor(rand() ** 2 * vocabulary.length)]!;

const state: SerializedClusterer = {
  next: STORIES + 1,
  docs: STORIES,
  df: vocabulary.map((w, i) => [w, 1 + Math.floor(STORIES / (i + 10))] as [string, number]),
  stories: Array.from({ length: STORIES }, (_, i) => ({
    id: `s${i + 1}`,
    title: '',
    centroid: Array.from({ length: 40 }, () => [pick(), rand()] as [string, number]),
    count: 3,
    last: null,
    articles: [],
  })),
};
const articles = Array.from({ length: ARTICLES }, (_, i) =>
  createArticle({ id: `a${i}`, text: Array.from({ length: 300 }, pickText).join(' ') }),
);

let t = performance.now();
const clusterer = StoryClusterer.fromJSON(state);
console.log(
  `state of ${clusterer.liveStories} live stories restored in ${((performance.now() - t) / 1000).toFixed(1)} s`,
);
t = performance.now();
for (const a of articles) clusterer.add(a);
const indexed = ARTICLES / ((performance.now() - t) / 1000);

// Baseline: the same similarity against every live story, no inverted index.
const centroids = state.stories.map((s) => new Map(s.centroid));
const sample = articles.slice(0, 10);
t = performance.now();
for (const a of sample) {
  const terms = StoryClusterer.terms(a);
  let best = 0;
  for (const c of centroids) {
    let dot = 0;
    for (const [w, x] of terms) dot += x * (c.get(w) ?? 0);
    if (dot > best) best = dot;
  }
}
const brute = sample.length / ((performance.now() - t) / 1000);
console.log(
  `assignment with ${STORIES} live stories: ${indexed.toFixed(0)} articles/s (inverted index), ${brute.toFixed(0)} articles/s (brute-force scan, same run): ${(indexed / brute).toFixed(1)}x`,
);
console.log('target: >= 2,000 articles/s with 100,000 live stories');
