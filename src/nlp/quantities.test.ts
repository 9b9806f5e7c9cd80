import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createArticle, validateArticle } from '../model/index.ts';
import { findQuantities } from './quantities.ts';

const find = (text: string) =>
  findQuantities(createArticle({ id: 'q', text })).map((q) => ({ text: text.slice(q.start, q.end), ...q }));

describe('quantities', () => {
  it('reads "N-year-old" and "N years old" as an age in years, not as a duration', () => {
    const [girl] = find('The ferry carried a 6-year-old girl and her mother.');
    expect(girl).toMatchObject({
      text: '6-year-old',
      dimension: 'age',
      unit: 'year',
      value: 6,
      measure: 'girl',
    });
    const [infant] = find('Rescuers lifted an 18-month-old baby from the car.');
    expect(infant).toMatchObject({ dimension: 'age', unit: 'year', measure: 'baby' });
    expect(infant!.value).toBeCloseTo(1.5, 2);
    const [captain] = find('The captain, who is 56 years old, stayed on the bridge.');
    expect(captain).toMatchObject({ text: '56 years old', dimension: 'age', value: 56 });
    // A span of time stays a duration.
    const [sentence] = find('He is serving a 10-year sentence for the fraud.');
    expect(sentence).toMatchObject({ dimension: 'duration', unit: 'hour', measure: 'sentence' });
  });

  it('reads a percent sign before a space, a comma or the end of the text', () => {
    expect(
      find('Inflation rose to 7.5% in May, from 6.9%.').map((q) => [q.text, q.unit, q.dimension]),
    ).toEqual([
      ['7.5%', '%', 'percent'],
      ['6.9%', '%', 'percent'],
    ]);
  });

  it('reads "and a half" after words and digits', () => {
    const [flight] = find('The flight takes about six and a half hours.');
    expect(flight).toMatchObject({ text: 'about six and a half hours', value: 6.5, unit: 'hour' });
    expect([flight!.low, flight!.high].map((x) => x.toFixed(2))).toEqual(['5.85', '7.15']);
    const [term] = find('She served 3 and a half years in the post.');
    expect(term).toMatchObject({ text: '3 and a half years', value: 3.5 * 8766 });
  });

  it('counts the noun after "of the" and stops the counted phrase at a preposition', () => {
    expect(find('Roughly a third of the budget goes to defence.')[0]).toMatchObject({
      text: 'Roughly a third',
      measure: 'budget',
    });
    expect(find('The storm left almost 2,000 homes without power.')[0]).toMatchObject({
      text: 'almost 2,000',
      measure: 'homes',
    });
  });

  it('scales a fraction by the number after it, and leaves "N weeks ago" to the dates', () => {
    expect(find('A quarter of a million people attended.')[0]).toMatchObject({
      text: 'A quarter of a million',
      value: 250_000,
      measure: 'people',
    });
    expect(find('Three weeks ago, the president fired his chief of staff.')).toEqual([]);
  });

  it("reads a number set off by commas after a name as that person's age", () => {
    expect(find('The minister, 54, resigned on Thursday.')[0]).toMatchObject({
      text: '54',
      dimension: 'age',
      unit: 'year',
      measure: 'minister',
    });
    // A list of numbers is not an age.
    expect(find('Rooms 3, 54, and 60 were flooded.').map((q) => q.dimension)).not.toContain('age');
  });

  it('reads centimetres and millimetres as lengths in km', () => {
    const [snow] = find('Up to 15 cm of snow is expected.');
    expect(snow).toMatchObject({ text: 'Up to 15 cm', unit: 'km', dimension: 'length', measure: 'snow' });
    expect(snow!.high).toBeCloseTo(0.00015, 9);
  });

  it('does not take an adverb after a figure for what it measures', () => {
    const [talks] = find('The talks ran for five hours instead of the planned three.');
    expect(talks).toMatchObject({ text: 'five hours', unit: 'hour' });
    expect(talks!.measure).not.toBe('instead');
  });

  it('turns hedges into intervals so that overlapping hedges agree and the outlier does not', () => {
    const [nearly] = find('after nearly six hours of talks');
    const [more] = find('after more than five hours of talks');
    const [roughly] = find('after roughly 3-1/2 hours of talks');
    expect(nearly).toMatchObject({
      text: 'nearly six hours',
      unit: 'hour',
      dimension: 'duration',
      measure: 'talks',
      hedge: 'nearly',
      high: 6,
    });
    expect(more).toMatchObject({ text: 'more than five hours', low: 5, hedge: 'more than' });
    expect(roughly!.low).toBeCloseTo(3.15);
    expect(roughly!.high).toBeCloseTo(3.85);
    const overlap = (a: { low: number; high: number }, b: { low: number; high: number }) =>
      a.low <= b.high && b.low <= a.high;
    expect(overlap(nearly!, more!)).toBe(true);
    expect(overlap(roughly!, nearly!)).toBe(false);
    expect(overlap(roughly!, more!)).toBe(false);
  });

  it.each([
    ['a $250 million reconstruction fund', '$250 million', 250e6, 250e6, 'USD', 'fund'],
    ['some 12,000 people', 'some 12,000', 10800, 13200, '', 'people'],
    ['Tens of thousands of people marched', 'Tens of thousands', 20000, 99999, '', 'people'],
    ['a dozen ships', 'a dozen', 12, 12, '', 'ships'],
    ['between 500 and 5,500 km of road', 'between 500 and 5,500 km', 500, 5500, 'km', 'road'],
    ['shares fell 8 percent', '8 percent', 8, 8, '%', 'shares'],
    ['a 5-1/2 hour delay', '5-1/2 hour', 5.5, 5.5, 'hour', 'delay'],
    ['two-thirds of voters', 'two-thirds', 2 / 3, 2 / 3, '', 'voters'],
    ['100,000 troops', '100,000', 1e5, 1e5, '', 'troops'],
    ['a five-month closure', 'five-month', 3650, 3650, 'hour', 'closure'],
    ['within ten years', 'ten years', 87660, 87660, 'hour', ''],
    ['up to 30 people', 'up to 30', 15, 30, '', 'people'],
    ['€3bn in aid', '€3bn', 3e9, 3e9, 'EUR', 'aid'],
    ['a 12 km stretch', '12 km', 12, 12, 'km', 'stretch'],
  ])('%s', (text, span, low, high, unit, measure) => {
    const [q] = find(text);
    expect(q).toBeDefined();
    expect(q!.text).toBe(span);
    expect(q!.low).toBeCloseTo(low);
    expect(q!.high).toBeCloseTo(high);
    expect(q!.unit).toBe(unit);
    expect(q!.measure).toBe(measure);
  });

  it.each([
    'In 2019 the council met.',
    'on March 3 at 9 p.m.',
    'GENEVA, March 2 (MPA) - talks began.',
    'Flight 370 and Route 66 and the A320.',
    'She finished 2nd in the race.',
    'one of the officials said.',
    'COVID-19 cases',
  ])('finds no quantity in "%s"', (text) => {
    expect(find(text)).toEqual([]);
  });

  it('keeps spans valid and intervals ordered for any text, with huge and odd numbers', () => {
    for (const text of [
      '1e308 hours',
      `${'9'.repeat(400)} people`,
      '',
      '$',
      '1/0 of',
      '99999999999999999999 troops',
    ]) {
      const a = createArticle({ id: 'x', text });
      a.annotations.quantities = findQuantities(a);
      expect(validateArticle(a)).toEqual([]);
    }
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const a = createArticle({ id: 'x', text });
        a.annotations.quantities = findQuantities(a);
        expect(validateArticle(a)).toEqual([]);
        for (const q of a.annotations.quantities)
          expect(Number.isFinite(q.low) && Number.isFinite(q.high)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
