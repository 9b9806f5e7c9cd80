/** A neutral, cited multi-source summary and a timeline per story. */
import type { Article, Fact, QuoteGroup, SummarySentence, TimelineEntry } from '../model/index.ts';
import { summarize } from './summary.ts';
import { timeline } from './timeline.ts';

export { porterStem } from './porter.ts';
export { rouge, rougeTokens } from './rouge.ts';
export { describeContested } from './summary.ts';

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

export function summarizeStory(input: SummaryInput, options: SummaryOptions = {}): SummarySentence[] {
  return summarize(input, options);
}

export function buildTimeline(input: SummaryInput): TimelineEntry[] {
  return timeline(input);
}
