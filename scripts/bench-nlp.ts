/**
 * `npx tsx scripts/bench-nlp.ts`: throughput of the whole language layer (`annotateLanguage`: sentences,
 * entities, quotes, quantities, dates) on synthetic 700-word news articles on one thread, against
 * sentence segmentation alone measured in the same run; and language identification (`detectLanguage`,
 * franc's models scored in one table) against franc-min's own `franc` on the same samples.
 */
import { franc } from 'franc-min';
import { createArticle } from '../src/model/index.ts';
import { segment } from '../src/nlp/index.ts';
import { annotateLanguage, detectLanguage } from '../src/pipeline/index.ts';
import { newsArticle, rng, storyFacts } from './synthetic-news.ts';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 300);
const WARMUP = 30;
const WORDS = 700;

const rand = rng(42);
const texts = Array.from({ length: WARMUP + ARTICLES }, (_, i) =>
  newsArticle(storyFacts(i % 40), rand, WORDS).paragraphs.join('\n\n'),
);
const words = texts.slice(WARMUP).reduce((n, t) => n + t.split(/\s+/).length, 0) / ARTICLES;
// A fresh Article per run: annotateLanguage segments only when no sentences are stored yet.
const fresh = (i: number) => createArticle({ id: `a${i}`, text: texts[i]! });

function rate(run: (i: number) => void): number {
  for (let i = 0; i < WARMUP; i++) run(i);
  const t = performance.now();
  for (let i = WARMUP; i < texts.length; i++) run(i);
  return ARTICLES / ((performance.now() - t) / 1000);
}

// Counted so a layer that silently finds nothing cannot pass for a fast one.
const found = { entities: 0, quotes: 0, quantities: 0, dates: 0 };
const full = rate((i) => {
  const a = annotateLanguage(fresh(i)).annotations;
  if (i < WARMUP) return;
  found.entities += a.entities.length;
  found.quotes += a.quotes.length;
  found.quantities += a.quantities.length;
  found.dates += a.dates.length;
});
const baseline = rate((i) => segment(fresh(i)));

const per = (n: number) => (n / ARTICLES).toFixed(1);
console.log(
  `${ARTICLES} articles of ${words.toFixed(0)} words; per article: ${per(found.entities)} entities, ${per(found.quotes)} quotes, ${per(found.quantities)} quantities, ${per(found.dates)} dates`,
);
console.log(
  `language layer: ${full.toFixed(0)} articles/s (annotateLanguage), ${baseline.toFixed(0)} articles/s (segment only, same run): ${(full / baseline).toFixed(3)}x`,
);
console.log('target: >= 300 articles/s of 700 words on one thread');

// The opening that detectLanguage reads, so both identify the same sample.
const samples = texts.map((t) => t.slice(0, 600));
let agree = 0;
const ours = rate((i) => {
  if (detectLanguage(samples[i]!) === 'en' && i >= WARMUP) agree++;
});
const theirs = rate((i) => franc(samples[i]!, { minLength: 40 }));
console.log(
  `language identification: ${ours.toFixed(0)} samples/s (detectLanguage), ${theirs.toFixed(0)} samples/s (franc-min's franc, same run): ${(ours / theirs).toFixed(2)}x; ${agree} of ${ARTICLES} identified as English`,
);
