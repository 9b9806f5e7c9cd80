/**
 * Dates of one event across outlets: a sentence that dates an event ("The ministers met in Geneva on
 * Monday") is matched with the other outlets' sentences about the same event, and their dates are
 * compared as intervals of days (a month contains its days, so "in March" and "on March 2" agree). Dates
 * that cannot both be true make the event a conflict, shown as a fact of dimension `date`.
 */
import type { Article, Fact, FactValue } from '../model/index.ts';
import { outletOf } from './outlet.ts';
import { contentWords, type Idf, weightedCosine } from './words.ts';

const SAME_EVENT = 0.5;
const MIN_SHARED_WORDS = 2;
const DAY = 86_400_000;
const CALENDAR_WORD =
  /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|today|yesterday|tomorrow|week|month|year|last|next|day|night|morning|evening|ago|earlier|later)$/;

interface DatedSentence {
  value: FactValue;
  words: string[];
}

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

function datedSentences(article: Article): DatedSentence[] {
  const out: DatedSentence[] = [];
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

function shared(a: string[], b: string[]): string[] {
  const set = new Set(a);
  return [...new Set(b.filter((w) => set.has(w)))];
}

/** Outlets whose dates can be true together: exact interval overlap, no rounding for days. */
function dateSides(values: FactValue[]): { outlets: string[]; low: number; high: number }[] {
  const sides: { outlets: string[]; low: number; high: number }[] = [];
  for (const v of [...values].sort((a, b) => a.low - b.low || a.high - b.high)) {
    const side = sides.find((s) => v.low <= s.high && s.low <= v.high);
    const outlet = v.outlet ?? v.article;
    if (side) {
      side.low = Math.max(side.low, v.low);
      side.high = Math.min(side.high, v.high);
      if (!side.outlets.includes(outlet)) side.outlets.push(outlet);
    } else sides.push({ outlets: [outlet], low: v.low, high: v.high });
  }
  return sides;
}

/** Events dated by more than one outlet, as facts; `firstId` numbers them after the figures. */
export function alignEventDates(articles: Article[], idf: Idf, firstId: number): Fact[] {
  const groups: DatedSentence[][] = [];
  for (const item of articles.flatMap(datedSentences)) {
    let best: DatedSentence[] | undefined;
    let bestScore = SAME_EVENT;
    for (const g of groups) {
      if (g.some((m) => m.value.article === item.value.article)) continue;
      const score = Math.max(
        ...g.map((m) =>
          shared(m.words, item.words).length >= MIN_SHARED_WORDS
            ? weightedCosine(m.words, item.words, idf)
            : 0,
        ),
      );
      if (score >= bestScore) {
        best = g;
        bestScore = score;
      }
    }
    if (best) best.push(item);
    else groups.push([item]);
  }
  return groups
    .filter((g) => new Set(g.map((i) => i.value.outlet ?? i.value.article)).size > 1)
    .map((g, n) => {
      const values = g.map((i) => i.value);
      const sides = dateSides(values);
      const counts = new Map<string, number>();
      for (const i of g) for (const w of new Set(i.words)) counts.set(w, (counts.get(w) ?? 0) + 1);
      const label = [...counts].sort((a, b) => b[1] - a[1] || idf.weight(b[0]) - idf.weight(a[0]))[0]?.[0];
      return {
        id: `f${firstId + n}`,
        measure: label ? `date of ${label}` : 'date',
        unit: 'date',
        dimension: 'date',
        status: sides.length > 1 ? 'conflict' : 'agree',
        values,
        ...(sides.length > 1 ? { sides } : {}),
      } satisfies Fact;
    });
}
