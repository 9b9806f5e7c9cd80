import { describe, expect, it } from 'vitest';
import {
  type Article,
  createArticle,
  type Quantity,
  type QuoteGroup,
  type Story,
  validateFindings,
} from '../model/index.ts';
import { segment } from '../nlp/segment.ts';
import { insertedSubstance, wordDiff } from './diff.ts';
import { compareStory } from './index.ts';

/** An article with hand-placed quantity and quote annotations, so these tests do not depend on the NLP layers. */
function story(
  id: string,
  outlet: string,
  text: string,
  quantities: { text: string; low: number; high: number; measure: string; unit?: string }[] = [],
  quotes: { text: string; direct?: boolean }[] = [],
  published = '2026-03-02',
): Article {
  const a = createArticle({ id, text, meta: { outlet, published } });
  Object.assign(a.annotations, segment(a));
  a.annotations.quantities = quantities.map((q): Quantity => {
    const start = text.indexOf(q.text);
    if (start < 0) throw new Error(`fixture: ${q.text} not in ${id}`);
    return {
      start,
      end: start + q.text.length,
      low: q.low,
      high: q.high,
      value: q.high,
      unit: q.unit ?? 'hour',
      dimension: 'duration',
      measure: q.measure,
    };
  });
  a.annotations.quotes = quotes.map((q) => {
    const start = text.indexOf(q.text);
    if (start < 0) throw new Error(`fixture: ${q.text} not in ${id}`);
    return {
      content: { start, end: start + q.text.length },
      speaker: null,
      speakerEntity: null,
      cue: null,
      direct: q.direct ?? true,
    };
  });
  return a;
}

const wire = () =>
  story('wire', 'Wire', 'The ministers met for nearly six hours of talks in Geneva on Monday.', [
    { text: 'nearly six hours', low: 5.5, high: 6, measure: 'talks' },
  ]);
const radio = () =>
  story('radio', 'Radio', 'After more than five hours of talks in Geneva, the ministers emerged.', [
    { text: 'more than five hours', low: 5, high: 7.5, measure: 'talks' },
  ]);
const state = (text = 'roughly 3-1/2 hours', low = 3.15, high = 3.85) =>
  story('state', 'State TV', `The minister prevailed after ${text} of talks in Geneva.`, [
    { text, low, high, measure: 'talks' },
  ]);

describe('fact alignment', () => {
  it('lets overlapping hedges agree', () => {
    const { facts } = compareStory([wire(), radio()]);
    expect(facts).toHaveLength(1);
    expect(facts[0]!.status).toBe('agree');
    expect(facts[0]!.values.map((v) => v.outlet)).toEqual(['Wire', 'Radio']);
  });

  it('flags values that cannot all be true, naming the outlets on each side', () => {
    const { facts } = compareStory([wire(), radio(), state()]);
    expect(facts).toHaveLength(1);
    expect(facts[0]!.status).toBe('conflict');
    const sides = facts[0]!.sides!.map((s) => s.outlets.sort());
    expect(sides).toEqual(expect.arrayContaining([['State TV'], ['Radio', 'Wire']]));
  });

  it('never calls "some" and "an estimated" of the same figure a conflict', () => {
    const a = story('a', 'A', 'Some 100,000 people marched on Saturday.', [
      { text: 'Some 100,000', low: 90000, high: 110000, measure: 'people', unit: '' },
    ]);
    const b = story('b', 'B', 'An estimated 100,000 people marched on Saturday.', [
      { text: 'An estimated 100,000', low: 90000, high: 110000, measure: 'people', unit: '' },
    ]);
    expect(compareStory([a, b]).facts[0]!.status).toBe('agree');
  });

  it.each([
    ['2 hours', 2, 2],
    ['nine hours', 9, 9],
    ['about 7 hours', 6.3, 7.7],
  ])('flags a perturbed figure (%s) in one outlet and names that outlet', (text, low, high) => {
    const { facts } = compareStory([wire(), radio(), state(text, low, high)]);
    const fact = facts.find((f) => f.values.some((v) => v.article === 'state'))!;
    expect(fact.status).toBe('conflict');
    const lonely = fact.sides!.find((s) => s.outlets.includes('State TV'))!;
    expect(lonely.outlets).toEqual(['State TV']);
  });

  it('keeps a figure of another measure out of the fact', () => {
    const other = story('other', 'Other', 'The border has been closed for five months, officials said.', [
      { text: 'five months', low: 3600, high: 3600, measure: 'closure' },
    ]);
    const { facts } = compareStory([wire(), radio(), other]);
    expect(facts).toHaveLength(2);
    expect(facts.find((f) => f.values.some((v) => v.article === 'other'))!.status).toBe('single');
  });

  it('tells casualty counts apart by what happened, however each outlet words it', () => {
    const count = (q: { text: string; value: number; low?: number; measure: string }) => ({
      text: q.text,
      low: q.low ?? q.value,
      high: q.value,
      measure: q.measure,
      unit: '',
    });
    const asCounts = (a: Article) => {
      for (const q of a.annotations.quantities) q.dimension = 'count';
      return a;
    };
    const wire = asCounts(
      story(
        'w',
        'Wire',
        'The blast killed at least 12 workers on Tuesday night and injured 45 others, officials said.',
        [
          count({ text: 'at least 12', value: 18, low: 12, measure: 'workers' }),
          count({ text: '45', value: 45, measure: 'others' }),
        ],
      ),
    );
    const local = asCounts(
      story('l', 'Local', 'Twelve people died on Tuesday night, and 45 were taken to hospital.', [
        count({ text: 'Twelve', value: 12, measure: 'people' }),
        count({ text: '45', value: 45, measure: 'night' }),
      ]),
    );
    const national = asCounts(
      story('n', 'National', 'As many as 30 people were injured, a hospital spokesman said.', [
        count({ text: 'As many as 30', value: 30, low: 15, measure: 'people' }),
      ]),
    );
    const { facts } = compareStory([wire, local, national]);
    const injured = facts.find((f) => f.values.some((v) => v.article === 'n'))!;
    expect(injured.values.map((v) => v.text).sort()).toEqual(['45', '45', 'As many as 30']);
    expect(injured.status).toBe('conflict');
    const killed = facts.find((f) => f.values.some((v) => v.text === 'Twelve'))!;
    expect(killed.values.map((v) => v.text).sort()).toEqual(['Twelve', 'at least 12']);
    expect(killed.status).toBe('agree');
  });
});

describe('figures that are not disputes', () => {
  /** An article whose figures are counts (or another dimension), placed by hand. */
  const counts = (
    id: string,
    outlet: string,
    text: string,
    figures: { text: string; value: number; low?: number; high?: number; measure: string }[],
    dimension: Quantity['dimension'] = 'count',
    unit = '',
  ) => {
    const a = story(
      id,
      outlet,
      text,
      figures.map((f) => ({
        text: f.text,
        low: f.low ?? f.value,
        high: f.high ?? f.value,
        measure: f.measure,
        unit,
      })),
    );
    for (const q of a.annotations.quantities) q.dimension = dimension;
    return a;
  };
  const conflicts = (articles: Article[]) =>
    compareStory(articles).facts.filter((f) => f.status === 'conflict');

  it('does not read a street address, a tally or a clock time as an amount', () => {
    const a = counts(
      'a',
      'A',
      'The shop in the 3300 block of Elm Avenue was robbed at 9:45 on Sunday night.',
      [
        { text: '3300', value: 3300, measure: 'block' },
        { text: '45', value: 45, measure: 'sunday' },
      ],
    );
    const b = counts('b', 'B', 'The shop in the 3000 block of Elm Avenue was robbed late on Sunday night.', [
      { text: '3000', value: 3000, measure: 'block' },
    ]);
    const c = counts(
      'c',
      'C',
      'The council backed the plan 12-1 on Sunday night, after 40 shops were robbed.',
      [
        { text: '12', value: 12, measure: 'sunday' },
        { text: '40', value: 40, measure: 'shops' },
      ],
    );
    const { facts } = compareStory([a, b, c]);
    expect(facts.flatMap((f) => f.values.map((v) => v.text)).sort()).toEqual(['40']);
  });

  it('keeps a change from one figure to another as two amounts', () => {
    const a = counts('a', 'A', 'The club raised its fee from 64 to 67 dollars, members said.', [
      { text: '64', value: 64, measure: 'dollars' },
      { text: '67', value: 67, measure: 'dollars' },
    ]);
    expect(compareStory([a]).facts).toHaveLength(2);
  });

  it('does not set an outlet against another that gives one of its own figures', () => {
    const a = counts('a', 'A', 'As many as 22 staff had to approve every post, and 17 staff wrote them.', [
      { text: 'As many as 22', value: 22, low: 11, measure: 'staff' },
      { text: '17', value: 17, measure: 'staff' },
    ]);
    const b = counts('b', 'B', 'Every post needed the approval of upwards of 22 staff, the study found.', [
      { text: 'upwards of 22', value: 22, high: 33, measure: 'staff' },
    ]);
    expect(conflicts([a, b])).toEqual([]);
  });

  it('does not call two outlets pairing the same two ages with different words a dispute', () => {
    const ages = (id: string, text: string, figures: { text: string; value: number; measure: string }[]) =>
      counts(id, id.toUpperCase(), text, figures, 'age', 'year');
    const a = ages(
      'a',
      'The 4-year-old boy was thrown from the roof by his 20-year-old brother, police said.',
      [
        { text: '4-year-old', value: 4, measure: 'boy' },
        { text: '20-year-old', value: 20, measure: 'brother' },
      ],
    );
    const b = ages('b', 'A 20-year-old man threw his 4-year-old brother from the roof, police said.', [
      { text: '20-year-old', value: 20, measure: 'man' },
      { text: '4-year-old', value: 4, measure: 'brother' },
    ]);
    expect(conflicts([a, b])).toEqual([]);
  });

  it('does not attach a count of something else that happened to a fact as a stray', () => {
    const a = counts('a', 'A', 'At least 18 troops were wounded in the clashes near the border on Monday.', [
      { text: 'At least 18', value: 18, high: 27, measure: 'troops' },
    ]);
    const b = counts('b', 'B', 'Monitors said 18 troops were wounded in the clashes near the border.', [
      { text: '18', value: 18, measure: 'troops' },
    ]);
    const c = counts('c', 'C', 'Five soldiers, two of them officers, were also killed, the army said.', [
      { text: 'Five', value: 5, measure: 'soldiers' },
    ]);
    expect(conflicts([a, b, c])).toEqual([]);
  });

  it('does not attach a span that dates something to a fact about how long something lasted', () => {
    const years = (id: string, text: string, figure: string, value: number) =>
      counts(id, id.toUpperCase(), text, [{ text: figure, value, measure: '' }], 'duration', 'hour');
    const a = years(
      'a',
      'Voters are not better off than they were four years ago, he said.',
      'four years',
      35064,
    );
    const b = years('b', 'Most voters say they are not better off than four years ago.', 'four years', 35064);
    const c = years('c', 'Banks still struggle three years after the crisis began.', 'three years', 26298);
    expect(conflicts([a, b, c])).toEqual([]);
  });
});

/** A story holding only quote groups, for checking their citations. */
function storyOf(articles: string[], quotes: QuoteGroup[]): Story {
  return {
    id: 's1',
    title: '',
    keywords: [],
    articles,
    entities: [],
    quotes,
    facts: [],
    summary: [],
    timeline: [],
  };
}

describe('quote alignment', () => {
  const q1 =
    'We have agreed to reopen the border crossings within thirty days, and we will hold each other to that';
  const q2 = 'We agreed to reopen the border crossings within 30 days and we will hold each other to it';
  const q3 =
    'We have agreed to reopen the border crossings within ninety days, and we will hold each other to that';
  const partial = 'reopen the border crossings within thirty days';

  it('groups the wordings of one statement and flags the one that changes its substance', () => {
    const { quotes } = compareStory([
      story('w', 'Wire', `"${q1}," Okafor said.`, [], [{ text: q1 }]),
      story('r', 'Radio', `"${q2}," Okafor said.`, [], [{ text: q2 }]),
      story('s', 'State', `"${q3}," Okafor said.`, [], [{ text: q3 }]),
      story('p', 'Paper', `Okafor promised to "${partial}".`, [], [{ text: partial }]),
    ]);
    expect(quotes).toHaveLength(1);
    const group = quotes[0]!;
    expect(group.instances.map((i) => i.outlet).sort()).toEqual(['Paper', 'Radio', 'State', 'Wire']);
    expect(group.instances.filter((i) => i.misquote).map((i) => i.outlet)).toEqual(['State']);
    const state = group.instances.find((i) => i.outlet === 'State')!;
    expect(state.diff!.filter((d) => d.op !== 'equal').map((d) => d.text.trim())).toEqual(
      expect.arrayContaining(['ninety']),
    );
  });

  it('groups a quote split by its attribution by its pieces, not by the "she said" between them', () => {
    const split = story(
      's',
      'Sun',
      `"We have agreed to reopen the border crossings," Okafor said. "Within thirty days."`,
    );
    const first = split.text.indexOf('We have');
    const second = split.text.indexOf('Within');
    const parts = [
      { start: first, end: split.text.indexOf(',"') },
      { start: second, end: split.text.lastIndexOf('.') },
    ];
    split.annotations.quotes = [
      {
        content: { start: first, end: parts[1]!.end },
        parts,
        speaker: null,
        speakerEntity: null,
        cue: null,
        direct: true,
      },
    ];
    const wireStory = story('w', 'Wire', `"${q1}," Okafor said.`, [], [{ text: q1 }]);
    const { quotes } = compareStory([split, wireStory]);
    expect(quotes).toHaveLength(1);
    const instance = quotes[0]!.instances.find((i) => i.outlet === 'Sun')!;
    expect(instance).toMatchObject({
      text: 'We have agreed to reopen the border crossings … Within thirty days',
      parts,
      start: first,
      end: parts[1]!.end,
    });
    expect(
      validateFindings({
        articles: [split, wireStory],
        stories: [storyOf(['s', 'w'], quotes)],
        duplicates: [],
        reuse: [],
      }),
    ).toEqual([]);
  });

  it('keeps the same words said on another occasion apart', () => {
    const { quotes } = compareStory([
      story('w', 'Wire', `"${q1}," Okafor said.`, [], [{ text: q1 }], '2026-03-02'),
      story('f', 'Wire', `"${q1}," Okafor said again.`, [], [{ text: q1 }], '2026-05-20'),
    ]);
    expect(quotes).toHaveLength(2);
  });

  it('does not group unrelated statements that share the story vocabulary', () => {
    const { quotes } = compareStory([
      story('w', 'Wire', `"${q1}," Okafor said.`, [], [{ text: q1 }]),
      story(
        'x',
        'Other',
        '"The border towns need clinics and roads before anything else," the mayor said.',
        [],
        [{ text: 'The border towns need clinics and roads before anything else' }],
      ),
    ]);
    expect(quotes).toHaveLength(2);
  });
});

describe('word diff', () => {
  it('treats number spelling and trimmed words as no change of substance', () => {
    expect(insertedSubstance(wordDiff('within thirty days, and we will hold', 'within 30 days'))).toEqual([]);
    expect(insertedSubstance(wordDiff('within thirty days', 'within ninety days'))).toEqual(['90']);
  });
});

describe('coverage', () => {
  it('tabulates which outlet reports which fact and quote', () => {
    const { coverage } = compareStory([wire(), radio(), state()]);
    expect(coverage.outlets).toEqual(['Wire', 'Radio', 'State TV']);
    expect(coverage.rows[0]!.outlets.sort()).toEqual(['Radio', 'State TV', 'Wire']);
    expect(coverage.rows[0]).toMatchObject({ unique: false, omittedBy: [] });
  });

  it('marks what only one outlet reports and what one outlet omits that most others report', () => {
    const extra = story('extra', 'Daily', 'Observers counted 40 monitors at the crossing near Geneva.', [
      { text: '40 monitors', low: 40, high: 40, measure: 'monitors', unit: '' },
    ]);
    const { coverage } = compareStory([wire(), radio(), state(), extra]);
    const talks = coverage.rows.find((r) => r.label.startsWith('talks'))!;
    expect(talks.omittedBy).toEqual(['Daily']);
    const monitors = coverage.rows.find((r) => r.label.startsWith('monitors'))!;
    expect(monitors).toMatchObject({ outlets: ['Daily'], unique: true, omittedBy: [] });
  });
});

describe('attribution', () => {
  it('flags one statement that outlets attribute to different people, naming the outlets on each side', async () => {
    const { annotateLanguage } = await import('../pipeline/index.ts');
    const quote = 'The crossings will reopen within thirty days and the observers will arrive next week';
    const make = (id: string, outlet: string, speaker: string) =>
      annotateLanguage(
        createArticle({
          id,
          text: `Foreign Minister Amara Okafor and her counterpart Tomas Brandt met in Geneva on Monday.\n\n"${quote}," ${speaker} told reporters after the talks.`,
          meta: { outlet, published: '2026-03-02' },
        }),
      );
    const { quotes } = compareStory([
      make('a', 'Wire', 'Okafor'),
      make('b', 'Radio', 'Okafor'),
      make('c', 'Daily', 'Brandt'),
    ]);
    const group = quotes.find((q) => q.instances.length === 3);
    expect(group).toBeDefined();
    expect(group!.speakerName).toMatch(/Okafor/);
    expect(group!.attributionConflict?.map((a) => [a.speakerName, a.outlets.sort()])).toEqual([
      [expect.stringMatching(/Okafor/), ['Radio', 'Wire']],
      [expect.stringMatching(/Brandt/), ['Daily']],
    ]);
  });

  it('keeps different statements of different speakers apart', async () => {
    const { annotateLanguage } = await import('../pipeline/index.ts');
    const make = (id: string, outlet: string, text: string) =>
      annotateLanguage(createArticle({ id, text, meta: { outlet, published: '2026-03-02' } }));
    const { quotes } = compareStory([
      make(
        'a',
        'Wire',
        'Amara Okafor met Tomas Brandt.\n\n"We agreed to reopen the crossings within thirty days," Okafor said.',
      ),
      make(
        'b',
        'Radio',
        'Amara Okafor met Tomas Brandt.\n\n"Nobody pretends the hard questions are settled," Brandt said.',
      ),
    ]);
    expect(quotes.every((q) => !q.attributionConflict)).toBe(true);
  });
});

describe('dates of one event', () => {
  const coverage = async (day: string) => {
    const { annotateLanguage } = await import('../pipeline/index.ts');
    const make = (id: string, outlet: string, when: string) =>
      annotateLanguage(
        createArticle({
          id,
          text: `The foreign ministers of Valdoria and Kestrel met in Geneva ${when} to discuss reopening the border crossings.\n\nThe talks were held at the Palais des Nations.`,
          meta: { outlet, published: '2026-03-04' },
        }),
      );
    return compareStory([
      make('a', 'Wire', 'on Monday'),
      make('b', 'Radio', 'on March 2'),
      make('c', 'Daily', day),
    ]);
  };

  it('agrees when the outlets date the event alike, however they write the date', async () => {
    const { facts } = await coverage('on Monday');
    const date = facts.find((f) => f.dimension === 'date');
    expect(date?.status).toBe('agree');
    expect(date?.values).toHaveLength(3);
  });

  it('flags a changed date in one outlet, naming that outlet', async () => {
    const { facts } = await coverage('on Tuesday');
    const date = facts.find((f) => f.dimension === 'date')!;
    expect(date.status).toBe('conflict');
    expect(date.sides?.map((s) => s.outlets.sort())).toContainEqual(['Daily']);
    expect(date.sides?.map((s) => s.outlets.sort())).toContainEqual(['Radio', 'Wire']);
  });
});

describe('places of one event', () => {
  const story3 = async (place: string) => {
    const { annotateLanguage } = await import('../pipeline/index.ts');
    const make = (id: string, outlet: string, where: string) =>
      annotateLanguage(
        createArticle({
          id,
          text: `The foreign ministers of Valdoria and Kestrel held talks in ${where} on reopening the border crossings.\n\nBoth sides said the meeting was useful.`,
          meta: { outlet, published: '2026-03-04' },
        }),
      );
    return compareStory([
      make('a', 'Wire', 'Geneva'),
      make('b', 'Radio', 'Geneva'),
      make('c', 'Daily', place),
    ]);
  };

  it('agrees when the outlets name the same place', async () => {
    const { facts } = await story3('Geneva');
    const place = facts.find((f) => f.dimension === 'place');
    expect(place?.status).toBe('agree');
    expect(place?.values.map((v) => v.text)).toEqual(['Geneva', 'Geneva', 'Geneva']);
  });

  it('flags a changed place in one outlet, naming that outlet', async () => {
    const { facts } = await story3('Vienna');
    const place = facts.find((f) => f.dimension === 'place')!;
    expect(place.status).toBe('conflict');
    expect(place.sides?.map((s) => s.outlets.sort())).toEqual(
      expect.arrayContaining([['Daily'], ['Radio', 'Wire']]),
    );
  });

  it('does not set a city against the country it is in', async () => {
    const { facts } = await story3('Switzerland');
    expect(facts.filter((f) => f.dimension === 'place' && f.status === 'conflict')).toEqual([]);
  });
});
