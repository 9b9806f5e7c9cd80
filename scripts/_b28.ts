import { buildStory, prepareArticle } from '../src/pipeline/index.ts';
import { newsArticle, rng, storyFacts, toHtml } from './synthetic-news.ts';

const rand = rng(7);
const arts = Array.from({ length: 28 }, (_, i) => {
  const a = newsArticle(storyFacts(3), rand, 500);
  return prepareArticle({
    id: `p${i}`,
    source: { url: `https://x${i % 12}.example/${i}` },
    format: 'html',
    content: toHtml(a),
    meta: {},
  });
});
const g = { id: 's', title: 't', keywords: [], articles: arts.map((a) => a.id) };
buildStory(g, arts);
const t = performance.now();
for (let i = 0; i < 5; i++) buildStory(g, arts);
console.log('buildStory ms', ((performance.now() - t) / 5).toFixed(0));
