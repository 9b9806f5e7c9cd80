import type { Article, Quote } from '../model/index.ts';

// PLACEHOLDER until the quotes work lands.
export function findQuotes(_article: Article): Quote[] {
  return [];
}
