/**
 * Dates of one event across outlets: a sentence that dates an event ("The ministers met in Geneva on
 * Monday") is matched with the other outlets' sentences about the same event, and their dates are
 * compared as intervals of days (a month contains its days, so "in March" and "on March 2" agree). Dates
 * that cannot both be true make the event a conflict, shown as a fact of dimension `date`.
 */
import type { Article, Fact } from '../model/index.ts';
import { type EventMention, eventFacts } from './events.ts';
import { outletOf } from './outlet.ts';
import { contentWords, type Idf } from './words.ts';

const SAME_EVENT = 0.5;
const MIN_SHARED_WORDS = 2;
const DAY = 86_400_000;
const CALENDAR_WORD =
  /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|today|yesterday|tomorrow|week|month|year|last|next|day|night|morning|evening|ago|earlier|later)$/;

/** The days an ISO date (YYYY-MM-DD or YYYY-MM) covers, as day numbers. */
function daysOf(iso: string): { low: number; high: number } | null {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (day) {
    const t = Date.UTC(+day[1]!, +day[2]! - 1, +day[3]!) / DAY;
    return { low: t, high: t };
  }
  const month = /^(\d{4})-(\d{2})$/.exec(iso);
  if (month) {
    const first = Date.UTC(+month[1]!, +month[2]! - 1, 1) / DAY;
    const next = Date.UTC(+month[1]!, +month[2]!, 1) / DAY;
    return { low: first, high: next - 1 };
  }
  return null;
}

function datedSentences(article: Article): EventMention[] {
  const out: EventMention[] = [];
  const used = new Set<number>();
  for (const d of article.annotations.dates) {
    if (!d.date || (d.granularity !== 'day' && d.granularity !== 'month')) continue;
    const days = daysOf(d.date);
    const sentence = article.annotations.sentences.find((s) => s.start <= d.start && d.start < s.end);
    if (!days || !sentence || used.has(sentence.start)) continue;
    used.add(sentence.start);
    // A sentence with two dates ("killed 12 on Tuesday night, officials said on Wednesday") does not say
    // which one belongs to which event.
    const inSentence = article.annotations.dates.filter(
      (o) => o.start >= sentence.start && o.end <= sentence.end && o.granularity !== 'year',
    );
    if (inSentence.length > 1) continue;
    const text = article.text.slice(sentence.start, d.start) + article.text.slice(d.end, sentence.end);
    const words = contentWords(text).filter((w) => !CALENDAR_WORD.test(w) && !/^\d/.test(w));
    out.push({
      value: {
        article: article.id,
        start: d.start,
        end: d.end,
        text: article.text.slice(d.start, d.end),
        ...days,
        outlet: outletOf(article),
      },
      words,
    });
  }
  return out;
}

/** Events dated by more than one outlet, as facts; `firstId` numbers them after the figures. */
export function alignEventDates(articles: Article[], idf: Idf, firstId: number): Fact[] {
  return eventFacts(
    articles.flatMap(datedSentences),
    idf,
    { minCosine: SAME_EVENT, minSharedWords: MIN_SHARED_WORDS },
    { dimension: 'date', unit: 'date', firstId },
  );
}
