/**
 * Dates: absolute ("March 3, 2026", "3 March", "2026-03-03", "March 2026", "in 2019") and relative ("on Monday",
 * "yesterday", "last week", "next month", "a week later"), resolved against the article's publication
 * date when it is known. In news a bare weekday means the latest such day up to publication ("said on
 * Monday"); "next Monday" the first one after. Without a publication date, relative mentions keep
 * `date: null` and stay in text order.
 */
import type { Article, DateMention } from '../model/index.ts';

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
// Month and day names are capitalised in news copy; a lower-case "may" is the verb.
const MONTH_RE =
  '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const DAY_CAP = '(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)';
const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const DAY_RE = '(sunday|monday|tuesday|wednesday|thursday|friday|saturday)';

const PATTERNS: { re: RegExp; kind: string }[] = [
  { re: /\b(\d{4})-(\d{2})-(\d{2})\b/g, kind: 'iso' },
  {
    re: new RegExp(
      `\\b(?:${DAY_CAP},?\\s+)?${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b`,
      'g',
    ),
    kind: 'mdy',
  },
  {
    re: new RegExp(
      `\\b(?:${DAY_CAP},?\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_RE}(?:,?\\s+(\\d{4}))?\\b`,
      'g',
    ),
    kind: 'dmy',
  },
  { re: new RegExp(`\\b${MONTH_RE}\\s+(\\d{4})\\b`, 'g'), kind: 'my' },
  // A month alone, after a word that makes it one ("since October", "in March", "next June"); not "May"
  // the verb, which is never capitalised mid-sentence after these words anyway.
  {
    re: new RegExp(
      `\\b(in|since|until|by|from|last|next|this|early|late|mid-|during|through|of)\\s*${MONTH_RE}\\b(?!\\s*\\d)`,
      'g',
    ),
    kind: 'month',
  },
  {
    re: new RegExp(
      `\\b(?:(last|next|this|on|since|until|by|from)\\s+)${DAY_RE}\\b|\\b${DAY_RE}(?=\\s*(?:,|\\.|morning|afternoon|evening|night|\\s+(?:at|in|when|after|before)\\b))`,
      'gi',
    ),
    kind: 'weekday',
  },
  // A bare year only after a word that makes it a time ("in 2019", "since 2015"): alone, a four-digit
  // number is as often a count.
  {
    re: /\b(?:in|since|until|by|from|during|through|before|after|early|late|mid-)\s*((?:19|20)\d{2})\b(?![-–/,.]?\d)/gi,
    kind: 'year',
  },
  { re: /\b(yesterday|today|tomorrow|tonight|last night)\b/gi, kind: 'deictic' },
  {
    re: /\b(last|next|this|a|one|two|three)\s+(week|month|year)(s)?(\s+(?:ago|later|earlier|before|after))?\b/gi,
    kind: 'period',
  },
];

const monthIndex = (s: string) => MONTHS.findIndex((m) => m.startsWith(s.toLowerCase().slice(0, 3)));
const iso = (d: Date) => d.toISOString().slice(0, 10);

function addDays(d: Date, n: number): Date {
  return new Date(d.getTime() + n * 86_400_000);
}

export function findDates(article: Article): DateMention[] {
  const text = article.text;
  const pubTime = Date.parse(article.meta.published ?? '');
  const pub = Number.isNaN(pubTime)
    ? null
    : new Date(
        Date.UTC(
          new Date(pubTime).getUTCFullYear(),
          new Date(pubTime).getUTCMonth(),
          new Date(pubTime).getUTCDate(),
        ),
      );
  const out: DateMention[] = [];
  const taken: { start: number; end: number }[] = [];
  const free = (s: number, e: number) => !taken.some((t) => t.start < e && s < t.end);
  for (const { re, kind } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      let start = m.index;
      const end = m.index + m[0].length;
      if (!free(start, end)) continue;
      let date: string | null = null;
      let granularity: DateMention['granularity'] = 'day';
      let relative = false;
      if (kind === 'iso') {
        const d = new Date(`${m[1]}-${m[2]}-${m[3]}T00:00:00Z`);
        if (Number.isNaN(d.getTime())) continue;
        date = iso(d);
      } else if (kind === 'mdy' || kind === 'dmy') {
        const month = monthIndex(kind === 'mdy' ? m[2]! : m[3]!);
        const day = Number(kind === 'mdy' ? m[3] : m[2]);
        const explicitYear = m[4] ? Number(m[4]) : null;
        if (month < 0 || day < 1 || day > 31) continue;
        if (kind === 'dmy' && /^may$/i.test(m[3]!) && !m[1] && !explicitYear && !/^\d/.test(m[0])) continue;
        const year = explicitYear ?? (pub ? pub.getUTCFullYear() : null);
        if (year === null) {
          relative = true;
          granularity = 'day';
        } else {
          let d = new Date(Date.UTC(year, month, day));
          // "December 30" in an article of 2 January is last year's.
          if (!explicitYear && pub && d.getTime() - pub.getTime() > 200 * 86_400_000)
            d = new Date(Date.UTC(year - 1, month, day));
          date = iso(d);
        }
      } else if (kind === 'my') {
        const month = monthIndex(m[1]!);
        if (month < 0) continue;
        date = `${m[2]}-${String(month + 1).padStart(2, '0')}`;
        granularity = 'month';
      } else if (kind === 'month') {
        const modifier = m[1]!.toLowerCase();
        const month = monthIndex(m[2]!);
        if (month < 0 || (/^may$/i.test(m[2]!) && modifier !== 'in' && modifier !== 'since')) continue;
        start = m.index + m[0].indexOf(m[2]!);
        granularity = 'month';
        relative = true;
        if (pub) {
          // The latest such month up to publication; "next June" the first one after it.
          const pubMonth = pub.getUTCMonth();
          let year = pub.getUTCFullYear();
          // "talks would be held in April": future tense points forward, as for weekdays.
          const future =
            modifier === 'next' ||
            /\b(will|would|to be|expected|due|plans?|scheduled|set to)\b[^.]{0,60}$/i.test(
              text.slice(Math.max(0, m.index - 80), m.index),
            );
          if (future) year += month < pubMonth ? 1 : 0;
          else if (month > pubMonth) year -= 1;
          date = `${year}-${String(month + 1).padStart(2, '0')}`;
        }
      } else if (kind === 'year') {
        start = m.index + m[0].lastIndexOf(m[1]!);
        date = m[1]!;
        granularity = 'year';
      } else if (kind === 'weekday') {
        relative = true;
        const modifier = (m[1] ?? '').toLowerCase();
        const dayName = (m[2] ?? m[3] ?? '').toLowerCase();
        if (m[1] && modifier === 'on') start = m.index + m[0].toLowerCase().indexOf(dayName);
        if (pub) {
          const target = DAYS.indexOf(dayName);
          const diffBack = (pub.getUTCDay() - target + 7) % 7;
          // "will brief parliament on Wednesday": future tense points forward.
          const future =
            modifier === 'next' ||
            /\b(will|to be|expected|due|plans?|scheduled|set to)\b[^.]{0,40}$/i.test(
              text.slice(Math.max(0, m.index - 60), m.index),
            );
          const d = future
            ? addDays(pub, (target - pub.getUTCDay() + 7) % 7 || 7)
            : modifier === 'last'
              ? addDays(pub, -(diffBack || 7))
              : addDays(pub, -diffBack);
          date = iso(d);
        }
      } else if (kind === 'deictic') {
        relative = true;
        const w = m[1]!.toLowerCase();
        if (pub)
          date = iso(addDays(pub, w === 'yesterday' || w === 'last night' ? -1 : w === 'tomorrow' ? 1 : 0));
      } else {
        relative = true;
        const which = m[1]!.toLowerCase();
        const unit = m[2]!.toLowerCase();
        const direction = (m[4] ?? '').trim().toLowerCase();
        granularity = unit === 'week' ? 'week' : unit === 'month' ? 'month' : 'year';
        const count = { a: 1, one: 1, two: 2, three: 3, last: -1, next: 1, this: 0 }[which] ?? 0;
        const sign =
          which === 'last' || direction === 'ago' || direction === 'earlier' || direction === 'before'
            ? -1
            : 1;
        if (!direction && !['last', 'next', 'this'].includes(which)) continue;
        if (pub && !(direction === 'later' || direction === 'after')) {
          const n = Math.abs(count) * sign;
          const d =
            unit === 'week'
              ? addDays(pub, 7 * n)
              : unit === 'month'
                ? new Date(Date.UTC(pub.getUTCFullYear(), pub.getUTCMonth() + n, 1))
                : new Date(Date.UTC(pub.getUTCFullYear() + n, 0, 1));
          date =
            unit === 'year' ? String(d.getUTCFullYear()) : unit === 'month' ? iso(d).slice(0, 7) : iso(d);
        }
      }
      taken.push({ start, end });
      out.push({ start, end, date, relative, granularity });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
