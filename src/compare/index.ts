/**
 * Comparing the outlets of one story: the same entities, the same statements and the same facts side
 * by side, with conflicts flagged and coverage tabulated. Pure: articles in, findings out.
 */
import type { Article, Coverage, Fact, QuoteGroup, StoryEntity } from '../model/index.ts';
import { linkStoryEntities } from '../nlp/index.ts';
import { buildCoverage } from './coverage.ts';
import { alignFacts } from './facts.ts';
import { alignQuotes } from './quotes.ts';

export { wordDiff } from './diff.ts';
export { outletOf } from './outlet.ts';

export interface Comparison {
  entities: StoryEntity[];
  quotes: QuoteGroup[];
  facts: Fact[];
  coverage: Coverage;
}

export function compareStory(articles: Article[]): Comparison {
  const entities = linkStoryEntities(articles);
  const quotes = alignQuotes(articles, entities);
  const facts = alignFacts(articles);
  return { entities, quotes, facts, coverage: buildCoverage(articles, facts, quotes) };
}
