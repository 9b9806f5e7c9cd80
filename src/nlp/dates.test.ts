import { describe, expect, it } from 'vitest';
import { createArticle } from '../model/index.ts';
import { findDates } from './dates.ts';

const dates = (text: string, published?: string) => {
  const a = createArticle({ id: 'd', text, meta: published ? { published } : {} });
  return findDates(a).map((d) => ({
    text: text.slice(d.start, d.end),
    date: d.date,
    relative: d.relative,
    granularity: d.granularity,
  }));
};

describe('dates', () => {
  const pub = '2026-03-03T06:00:00Z'; // a Tuesday

  it.each([
    ['They met on Monday, March 2, in Geneva.', 'Monday, March 2', '2026-03-02'],
    ['The deal was signed on 3 March 2025.', '3 March 2025', '2025-03-03'],
    ['Filed 2026-02-27 by the clerk.', '2026-02-27', '2026-02-27'],
    ['The ministers met on Monday.', 'Monday', '2026-03-02'],
    ['Okafor will brief parliament on Wednesday.', 'Wednesday', '2026-03-04'],
    ['It rained yesterday.', 'yesterday', '2026-03-02'],
    ['A first round was held last week.', 'last week', '2026-02-24'],
    ['Talks resume next month.', 'next month', '2026-04'],
    ['Prices fell in May 2025 and recovered.', 'May 2025', '2025-05'],
    ['In 2019, the plant closed.', '2019', '2019'],
    ['Exports have doubled since 2015.', '2015', '2015'],
    ['Troops will leave by the end of March.', 'March', '2026-03'],
    ['Two weeks ago the border closed.', 'Two weeks ago', '2026-02-17'],
  ])('%s', (text, span, date) => {
    const found = dates(text, pub);
    expect(found.map((d) => [d.text, d.date])).toContainEqual([span, date]);
  });

  it('keeps relative dates unresolved without a publication date, and ordered by position', () => {
    const found = dates(
      'The talks ended on Monday. A week later the first crossing reopened. Next month talks resume.',
    );
    expect(found.map((d) => d.date)).toEqual([null, null, null]);
    expect(found.every((d) => d.relative)).toBe(true);
  });

  it('takes a four-digit number for a year only after a word that makes it one', () => {
    expect(dates('Some 2019 delegates voted for the motion.', pub)).toEqual([]);
    expect(dates('Between 2019 and 2021 the mine was shut.', pub).map((d) => d.text)).toEqual([]);
    expect(dates('Sales rose in 2024-25 as prices fell.', pub).map((d) => d.text)).toEqual([]);
  });

  it('does not read "may" the verb as a month', () => {
    expect(dates('Officials may 3 times reconsider.', pub)).toEqual([]);
  });
});

describe('a month alone', () => {
  it('resolves "since October" to the latest October up to publication and "next June" forward', async () => {
    const { createArticle } = await import('../model/index.ts');
    const { findDates } = await import('./dates.ts');
    const text = 'The fighting has displaced thousands since October, and talks resume next June.';
    const dates = findDates(createArticle({ id: 'd', text, meta: { published: '2026-03-04' } })).map((d) => [
      text.slice(d.start, d.end),
      d.date,
      d.granularity,
    ]);
    expect(dates).toEqual([
      ['October', '2025-10', 'month'],
      ['June', '2026-06', 'month'],
    ]);
  });
});
