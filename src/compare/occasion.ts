/**
 * When a statement was made: the resolved date written beside it (same sentence, else same paragraph),
 * else the day its article was published. The same words said on another day are another statement.
 */
import type { Article, Span } from '../model/index.ts';

const DAY = 86_400_000;
const SAME_OCCASION_DAYS = 2;

function enclosing(spans: Span[], at: Span): Span | undefined {
  return spans.find((s) => s.start <= at.start && at.start < s.end);
}

export function occasionOf(article: Article, at: Span): number | null {
  const { sentences, paragraphs, dates } = article.annotations;
  for (const scope of [enclosing(sentences, at), enclosing(paragraphs, at)]) {
    if (!scope) continue;
    const date = dates.find(
      (d) => d.date && d.start >= scope.start && d.end <= scope.end && d.granularity === 'day',
    );
    if (date?.date) return Date.parse(date.date);
  }
  const published = article.meta.published ? Date.parse(article.meta.published.slice(0, 10)) : Number.NaN;
  return Number.isNaN(published) ? null : published;
}

export function sameOccasion(a: number | null, b: number | null): boolean {
  return a === null || b === null || Math.abs(a - b) <= SAME_OCCASION_DAYS * DAY;
}
