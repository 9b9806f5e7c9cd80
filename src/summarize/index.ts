/** A neutral, cited multi-source summary and a timeline per story. */
import type { Article, Fact, QuoteGroup, SummarySentence, TimelineEntry } from '../model/index.ts';

export interface SummaryOptions {
  words?: number;
  sentences?: number;
}

/** What the summary stands on: the story's articles and the comparison stage's aligned findings. */
export interface SummaryInput {
  articles: Article[];
  facts: Fact[];
  quotes: QuoteGroup[];
}

// PLACEHOLDER until the summary work lands.
export function summarizeStory(_input: SummaryInput, _options: SummaryOptions = {}): SummarySentence[] {
  return [];
}

export function buildTimeline(_input: SummaryInput): TimelineEntry[] {
  return [];
}
