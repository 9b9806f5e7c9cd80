import type { Article, DateMention } from '../model/index.ts';

// PLACEHOLDER until the dates work lands.
export function findDates(_article: Article): DateMention[] {
  return [];
}
