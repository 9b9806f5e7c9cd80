import type { Article, Quantity } from '../model/index.ts';

// PLACEHOLDER until the quantities work lands.
export function findQuantities(_article: Article): Quantity[] {
  return [];
}
