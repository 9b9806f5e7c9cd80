/**
 * Comparing the outlets of one story: the same entities, the same statements and the same facts side
 * by side, with conflicts flagged and coverage tabulated. Pure: articles in, findings out.
 */
import type { Article, Coverage, Fact, QuoteGroup, StoryEntity } from '../model/index.ts';
import { linkStoryEntities } from '../nlp/index.ts';
import { buildCoverage } from './coverage.ts';
import { alignEventDates } from './dates.ts';
import { alignFacts } from './facts.ts';
import { alignEventPlaces } from './places.ts';
import { alignQuotes } from './quotes.ts';
import { contentWords, Idf } from './words.ts';

export { insertedSubstance, wordDiff } from './diff.ts';
export { outletOf } from './outlet.ts';

export interface Comparison {
  entities: StoryEntity[];
  quotes: QuoteGroup[];
  facts: Fact[];
  coverage: Coverage;
}

/** Document frequencies over the story's sentences: what is common in this story weighs little. */
export function storyIdf(articles: Article[]): Idf {
  const idf = new Idf();
  for (const a of articles)
    for (const s of a.annotations.sentences) idf.add(contentWords(a.text.slice(s.start, s.end)));
  return idf;
}

export function compareStory(articles: Article[]): Comparison {
  const idf = storyIdf(articles);
  const entities = linkStoryEntities(articles);
  const quotes = alignQuotes(articles, entities, idf);
  const figures = alignFacts(articles, idf);
  const dates = alignEventDates(articles, idf, figures.length + 1);
  const places = alignEventPlaces(articles, entities, idf, figures.length + dates.length + 1);
  const facts = [...figures, ...dates, ...places];
  return { entities, quotes, facts, coverage: buildCoverage(articles, facts, quotes) };
}
