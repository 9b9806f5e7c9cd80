/**
 * `npm run eval:resolve` (also printed by `npm run eval:ner`): name-variant resolution on our own fixture
 * stories (src/nlp/fixtures/entities.jsonl, invented text). Each gold entity lists its mentions as
 * [article, surface]; every whole-word occurrence of a surface is a gold mention, longer surfaces first
 * (so "Okafor" inside "Foreign Minister Amara Okafor" is not counted twice). A gold mention is found when
 * a mention of a story entity (compareStory: within-article merging, then across the story) overlaps it;
 * resolution is scored over pairs of found gold mentions — same gold entity against same story entity —
 * as pairwise precision, recall and F1. The fixtures are ours, so this runs without ../shared.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareStory } from '../src/compare/index.ts';
import { fmt, prf, row } from '../src/eval/shared.ts';
import { createArticle } from '../src/model/index.ts';
import { annotateLanguage } from '../src/pipeline/index.ts';

interface Fixture {
  id: string;
  articles: string[];
  entities: { name: string; type: string; mentions: [number, string][] }[];
}

const isLetter = (ch: string | undefined) => !!ch && /[\p{L}\p{N}]/u.test(ch);

/** Whole-word occurrences of `surface` in `text` not overlapping a span already claimed. */
function occurrences(text: string, surface: string, claimed: { start: number; end: number }[]) {
  const out: { start: number; end: number }[] = [];
  for (let at = text.indexOf(surface); at >= 0; at = text.indexOf(surface, at + 1)) {
    const end = at + surface.length;
    if (isLetter(text[at - 1]) || isLetter(text[end])) continue;
    if (claimed.some((c) => c.start < end && at < c.end)) continue;
    out.push({ start: at, end });
  }
  return out;
}

export function resolutionEval(): void {
  const path = join(
    fileURLToPath(new URL('.', import.meta.url)),
    '..',
    'src',
    'nlp',
    'fixtures',
    'entities.jsonl',
  );
  const fixtures = readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Fixture);
  let goldMentions = 0;
  let found = 0;
  const pairs = { tp: 0, fp: 0, fn: 0 };
  for (const f of fixtures) {
    const articles = f.articles.map((text, i) =>
      annotateLanguage(createArticle({ id: `${f.id}-${i}`, text })),
    );
    const { entities } = compareStory(articles);
    // Gold mentions, longest surfaces first, each with its gold entity.
    const gold: { article: number; start: number; end: number; entity: number }[] = [];
    const wanted = f.entities
      .flatMap((e, entity) => e.mentions.map(([article, surface]) => ({ article, surface, entity })))
      .sort((a, b) => b.surface.length - a.surface.length);
    for (const { article, surface, entity } of wanted) {
      const claimed = gold.filter((g) => g.article === article);
      for (const span of occurrences(f.articles[article]!, surface, claimed))
        gold.push({ article, ...span, entity });
    }
    goldMentions += gold.length;
    // The story entity of each gold mention, by the largest overlap with one of its mentions.
    const predicted = gold.map((g) => {
      let best: string | null = null;
      let bestOverlap = 0;
      for (const e of entities)
        for (const m of e.mentions) {
          if (m.article !== `${f.id}-${g.article}`) continue;
          const overlap = Math.min(m.end, g.end) - Math.max(m.start, g.start);
          if (overlap > bestOverlap) {
            best = e.id;
            bestOverlap = overlap;
          }
        }
      return best;
    });
    found += predicted.filter((p) => p !== null).length;
    for (let i = 0; i < gold.length; i++)
      for (let j = i + 1; j < gold.length; j++) {
        if (predicted[i] === null || predicted[j] === null) continue;
        const sameGold = gold[i]!.entity === gold[j]!.entity;
        const samePredicted = predicted[i] === predicted[j];
        if (sameGold && samePredicted) pairs.tp++;
        else if (samePredicted) pairs.fp++;
        else if (sameGold) pairs.fn++;
      }
  }
  const r = prf(pairs.tp, pairs.fp, pairs.fn);
  console.log(
    `\nName-variant resolution on our ${fixtures.length} fixture stories (${goldMentions} gold mentions)`,
  );
  console.log(row('gold mentions found (overlap)', fmt(found / goldMentions)));
  console.log(
    row(
      'resolution, pairs of found mentions',
      `P ${fmt(r.precision)} R ${fmt(r.recall)} F1 ${fmt(r.f1)}`,
      'target >= 0.80',
    ),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) resolutionEval();
