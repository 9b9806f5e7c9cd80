/**
 * Fact alignment: quantities that measure the same thing across outlets. Candidates must share dimension
 * and unit; among them, values join one fact when their measured noun and the words around them agree
 * (IDF-weighted, so a story's common words do not glue unrelated figures together). Agreement is then
 * judged with interval logic: hedged values are intervals, so "nearly six hours" and "more than five
 * hours" agree, while "roughly 3-1/2 hours" cannot be true with either — a conflict, with the outlets on
 * each side named.
 */
import type { Article, Fact, FactValue, Quantity } from '../model/index.ts';
import { outletOf } from './outlet.ts';
import { contentWords, type Idf, stem, weightedCosine } from './words.ts';

// Unhedged figures in news are rounded; a value is taken to stand for this much either side.
const ROUNDING = 0.02;
const SAME_FACT = 0.5;

interface Item {
  value: FactValue;
  quantity: Quantity;
  measure: string;
  context: string[];
}

function measureKey(measure: string): string {
  const words = measure.toLowerCase().match(/[\p{L}]+/gu) ?? [];
  return words.length ? stem(words[words.length - 1]!) : '';
}

function sentenceAround(article: Article, q: Quantity): { start: number; end: number } {
  return (
    article.annotations.sentences.find((s) => s.start <= q.start && q.end <= s.end) ?? {
      start: q.start,
      end: q.end,
    }
  );
}

function items(articles: Article[]): Item[] {
  const out: Item[] = [];
  for (const article of articles) {
    for (const q of article.annotations.quantities) {
      const sentence = sentenceAround(article, q);
      const around = article.text.slice(sentence.start, q.start) + article.text.slice(q.end, sentence.end);
      out.push({
        value: {
          article: article.id,
          start: q.start,
          end: q.end,
          text: article.text.slice(q.start, q.end),
          low: q.low,
          high: q.high,
          outlet: outletOf(article),
        },
        quantity: q,
        measure: measureKey(q.measure),
        context: contentWords(around).filter((w) => !/^\d/.test(w)),
      });
    }
  }
  return out;
}

function similarity(a: Item, b: Item, idf: Idf): number {
  const measure = a.measure && b.measure ? (a.measure === b.measure ? 1 : 0) : 0.5;
  const context = weightedCosine(a.context, b.context, idf);
  const magnitude = Math.max(a.value.high, b.value.high) / Math.max(Math.min(a.value.low, b.value.low), 1e-9);
  return 0.5 * measure + 0.5 * context - (magnitude > 20 ? 0.3 : 0);
}

/** Groups of outlets whose values can all be true together (greedy sweep over sorted intervals). */
export function compatibleSides(values: FactValue[]): { outlets: string[]; low: number; high: number }[] {
  const sorted = [...values].sort((a, b) => a.low - b.low || a.high - b.high);
  const sides: { outlets: string[]; low: number; high: number }[] = [];
  for (const v of sorted) {
    const low = v.low * (1 - ROUNDING);
    const high = v.high * (1 + ROUNDING);
    const side = sides.find((s) => low <= s.high && s.low <= high);
    const outlet = v.outlet ?? v.article;
    if (side) {
      side.low = Math.max(side.low, low);
      side.high = Math.min(side.high, high);
      if (!side.outlets.includes(outlet)) side.outlets.push(outlet);
    } else sides.push({ outlets: [outlet], low, high });
  }
  return sides;
}

function labelOf(group: Item[]): string {
  const counts = new Map<string, number>();
  for (const i of group)
    if (i.quantity.measure) counts.set(i.quantity.measure, (counts.get(i.quantity.measure) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  return best?.[0] ?? group[0]!.quantity.dimension;
}

export function alignFacts(articles: Article[], idf: Idf): Fact[] {
  const groups: Item[][] = [];
  for (const item of items(articles)) {
    let best: Item[] | undefined;
    let bestScore = SAME_FACT;
    for (const g of groups) {
      const head = g[0]!.quantity;
      if (head.dimension !== item.quantity.dimension || head.unit !== item.quantity.unit) continue;
      const score = g.reduce((s, other) => s + similarity(item, other, idf), 0) / g.length;
      if (score >= bestScore) {
        best = g;
        bestScore = score;
      }
    }
    if (best) best.push(item);
    else groups.push([item]);
  }
  return groups.map((g, n) => {
    const values = g.map((i) => i.value);
    const sides = compatibleSides(values);
    const status: Fact['status'] =
      new Set(values.map((v) => v.article)).size < 2 ? 'single' : sides.length > 1 ? 'conflict' : 'agree';
    const head = g[0]!.quantity;
    return {
      id: `f${n + 1}`,
      measure: labelOf(g),
      unit: head.unit,
      dimension: head.dimension,
      status,
      values,
      ...(status === 'conflict' ? { sides } : {}),
    };
  });
}
