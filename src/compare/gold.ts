/**
 * Scoring comparison output against hand-made gold (fixtures/README.md): pairwise alignment of quote
 * instances and fact values, conflict precision/recall, misquote flags. Shared by the eval command and
 * the tests, so that both measure the same thing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article, Cite, Fact, QuoteGroup } from '../model/index.ts';

type GoldItem = [article: string, substring: string];

export interface GoldStory {
  name: string;
  inputs: string[];
  quotes: GoldItem[][];
  facts: { label: string; values: GoldItem[]; conflict: boolean }[];
  misquotes?: GoldItem[];
}

export const fixturesDir = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

export function loadGoldStories(dir = fixturesDir): GoldStory[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.gold.json'))
    .sort()
    .map((f) => {
      const gold = JSON.parse(readFileSync(join(dir, f), 'utf8'));
      const name = f.replace(/\.gold\.json$/, '');
      const inputs = [gold.articles ? resolve(dir, gold.articles) : join(dir, `${name}.jsonl`)];
      return { name, inputs, quotes: gold.quotes, facts: gold.facts, misquotes: gold.misquotes };
    });
}

interface Located {
  article: string;
  start: number;
  end: number;
  group: number;
}

function locate(items: GoldItem[][], byId: Map<string, Article>, missing: string[]): Located[] {
  const out: Located[] = [];
  items.forEach((group, g) => {
    for (const [article, substring] of group) {
      const start = byId.get(article)?.text.indexOf(substring) ?? -1;
      if (start < 0) missing.push(`${article}: ${substring}`);
      else out.push({ article, start, end: start + substring.length, group: g });
    }
  });
  return out;
}

function match(gold: Located[], cite: Cite): Located | undefined {
  return gold.find((g) => g.article === cite.article && g.start < cite.end && cite.start < g.end);
}

export interface PairCounts {
  tp: number;
  fp: number;
  fn: number;
}

/** Pairs of gold items put in one group by the prediction and by the gold; unmatched findings are skipped. */
function pairCounts(gold: Located[], predictedGroups: Cite[][]): PairCounts & { unmatched: number } {
  const goldPairs = new Set<string>();
  const key = (a: Located, b: Located) =>
    [`${a.article}:${a.start}`, `${b.article}:${b.start}`].sort().join('|');
  for (const a of gold)
    for (const b of gold)
      if (a !== b && a.group === b.group && a.article !== b.article) goldPairs.add(key(a, b));
  const predicted = new Set<string>();
  let unmatched = 0;
  for (const group of predictedGroups) {
    const matched = group.map((c) => match(gold, c));
    unmatched += matched.filter((m) => !m).length;
    const hits = [...new Set(matched.filter((m): m is Located => !!m))];
    for (const a of hits)
      for (const b of hits) if (a !== b && a.article !== b.article) predicted.add(key(a, b));
  }
  let tp = 0;
  for (const p of predicted) if (goldPairs.has(p)) tp++;
  return { tp, fp: predicted.size - tp, fn: goldPairs.size - tp, unmatched };
}

export interface StoryScore {
  quotes: PairCounts & { unmatched: number };
  facts: PairCounts & { unmatched: number };
  conflicts: PairCounts;
  misquotes: PairCounts;
  missingGold: string[];
  /** Predicted conflicts that no gold conflict matches, described for error analysis. */
  falseConflicts: string[];
}

export function scoreStory(
  gold: GoldStory,
  articles: Article[],
  quotes: QuoteGroup[],
  facts: Fact[],
): StoryScore {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const missingGold: string[] = [];
  const goldQuotes = locate(gold.quotes, byId, missingGold);
  const goldFacts = locate(
    gold.facts.map((f) => f.values),
    byId,
    missingGold,
  );
  const quoteScore = pairCounts(
    goldQuotes,
    quotes.map((q) => q.instances),
  );
  const factScore = pairCounts(
    goldFacts,
    facts.map((f) => f.values),
  );
  // A predicted conflict is right when most of its matched values belong to one gold conflict.
  const goldConflicts = new Set(gold.facts.flatMap((f, i) => (f.conflict ? [i] : [])));
  const found = new Set<number>();
  const falseConflicts: string[] = [];
  let tp = 0;
  let fp = 0;
  for (const fact of facts.filter((f) => f.status === 'conflict')) {
    const groups = fact.values
      .map((v) => match(goldFacts, v)?.group)
      .filter((g): g is number => g !== undefined);
    const counts = new Map<number, number>();
    for (const g of groups) counts.set(g, (counts.get(g) ?? 0) + 1);
    const best = [...counts].sort((a, b) => b[1] - a[1])[0];
    if (best && goldConflicts.has(best[0]) && !found.has(best[0])) {
      tp++;
      found.add(best[0]);
    } else {
      fp++;
      falseConflicts.push(
        `${fact.measure}: ${fact.values.map((v) => `${v.text} (${v.article})`).join(', ')}`,
      );
    }
  }
  const misquoteGold = locate([gold.misquotes ?? []], byId, missingGold);
  const flagged = quotes.flatMap((q) => q.instances.filter((i) => i.misquote));
  const misTp = flagged.filter((i) => match(misquoteGold, i)).length;
  return {
    quotes: quoteScore,
    facts: factScore,
    conflicts: { tp, fp, fn: goldConflicts.size - found.size },
    misquotes: { tp: misTp, fp: flagged.length - misTp, fn: misquoteGold.length - misTp },
    missingGold,
    falseConflicts,
  };
}
