/**
 * The story's timeline: every sentence that carries a date becomes an event on that date (relative dates
 * as resolved against publication), the same event told by several outlets is merged into one entry
 * citing them all, and each article's publication is the fallback event when it names no date.
 */
import { contentWords, Idf, weightedCosine } from '../compare/words.ts';
import type { Article, Cite, TimelineEntry } from '../model/index.ts';
import type { SummaryInput } from './index.ts';

const SAME_EVENT = 0.35;

interface Event {
  date: string | null;
  when: string;
  text: string;
  words: string[];
  sources: Cite[];
  order: number;
}

function sentenceAround(article: Article, pos: number) {
  return article.annotations.sentences.find((s) => s.start <= pos && pos < s.end);
}

export function timeline(input: SummaryInput): TimelineEntry[] {
  const idf = new Idf();
  const events: Event[] = [];
  let order = 0;
  for (const article of input.articles) {
    const dated = new Set<number>();
    for (const d of article.annotations.dates) {
      const s = sentenceAround(article, d.start);
      if (!s || dated.has(s.start) || d.granularity === 'year') continue;
      dated.add(s.start);
      const text = article.text.slice(s.start, s.end);
      const words = contentWords(text);
      idf.add(words);
      events.push({
        date: d.date,
        when: article.text.slice(d.start, d.end),
        text,
        words,
        sources: [{ article: article.id, start: s.start, end: s.end, text }],
        order: order++,
      });
    }
    if (dated.size === 0 && article.meta.published) {
      const first = article.annotations.sentences[0];
      if (first) {
        const text = article.text.slice(first.start, first.end);
        events.push({
          date: article.meta.published.slice(0, 10),
          when: 'published',
          text,
          words: contentWords(text),
          sources: [{ article: article.id, start: first.start, end: first.end, text }],
          order: order++,
        });
      }
    }
  }
  const merged: Event[] = [];
  for (const e of events) {
    const same = merged.find(
      (m) =>
        m.date === e.date &&
        m.date !== null &&
        weightedCosine(m.words, e.words, idf) >= SAME_EVENT &&
        !m.sources.some((s) => s.article === e.sources[0]!.article),
    );
    if (same) same.sources.push(...e.sources);
    else merged.push(e);
  }
  return merged
    .sort(
      (a, b) =>
        (a.date === null ? 1 : 0) - (b.date === null ? 1 : 0) ||
        (a.date ?? '').localeCompare(b.date ?? '') ||
        a.order - b.order,
    )
    .map((e) => ({ date: e.date, when: e.when, text: e.text, sources: e.sources }));
}
