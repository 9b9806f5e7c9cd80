/**
 * Fact alignment: quantities that measure the same thing across outlets (same dimension and unit, same
 * measured noun), judged with interval logic. Hedged values are intervals, so "nearly six hours" and "more
 * than five hours" agree, while "roughly 3-1/2 hours" cannot be true with either: a conflict.
 */
import type { Article, Fact, FactValue } from '../model/index.ts';
import { outletOf } from './outlet.ts';

// Unhedged figures in news are rounded; a value is taken to stand for this much either side.
const ROUNDING = 0.02;

function measureKey(measure: string): string {
  return measure
    .toLowerCase()
    .replace(/[^\p{L}\p{N} ]/gu, '')
    .replace(/(?<=\w{3})s$/, '')
    .trim();
}

/** Groups of outlets whose values can all be true together (greedy sweep over sorted intervals). */
export function compatibleSides(values: FactValue[]): { outlets: string[]; low: number; high: number }[] {
  const sorted = [...values].sort((a, b) => a.low - b.low || a.high - b.high);
  const sides: { outlets: string[]; low: number; high: number }[] = [];
  for (const v of sorted) {
    const low = v.low * (1 - ROUNDING);
    const high = v.high * (1 + ROUNDING);
    const side = sides.find((s) => low <= s.high && s.low <= high);
    if (side) {
      side.low = Math.max(side.low, low);
      side.high = Math.min(side.high, high);
      if (!side.outlets.includes(v.outlet ?? v.article)) side.outlets.push(v.outlet ?? v.article);
    } else sides.push({ outlets: [v.outlet ?? v.article], low, high });
  }
  return sides;
}

export function alignFacts(articles: Article[]): Fact[] {
  const groups = new Map<string, { measure: string; unit: string; dimension: string; values: FactValue[] }>();
  for (const article of articles) {
    for (const q of article.annotations.quantities) {
      if (!q.measure) continue;
      const key = `${q.dimension}|${q.unit}|${measureKey(q.measure)}`;
      let group = groups.get(key);
      if (!group) {
        group = { measure: q.measure, unit: q.unit, dimension: q.dimension, values: [] };
        groups.set(key, group);
      }
      group.values.push({
        article: article.id,
        start: q.start,
        end: q.end,
        text: article.text.slice(q.start, q.end),
        low: q.low,
        high: q.high,
        outlet: outletOf(article),
      });
    }
  }
  let n = 0;
  return [...groups.values()].map((g) => {
    const articlesInvolved = new Set(g.values.map((v) => v.article));
    const sides = compatibleSides(g.values);
    const status: Fact['status'] =
      articlesInvolved.size < 2 ? 'single' : sides.length > 1 ? 'conflict' : 'agree';
    return {
      id: `f${++n}`,
      measure: g.measure,
      unit: g.unit,
      dimension: g.dimension,
      status,
      values: g.values,
      ...(status === 'conflict' ? { sides } : {}),
    };
  });
}
