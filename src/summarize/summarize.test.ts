import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareStory } from '../compare/index.ts';
import { validateFindings } from '../model/index.ts';
import { loadArticles } from '../pipeline/index.ts';
import { summarizeCluster } from './clusters.ts';
import { buildTimeline, porterStem, rouge, summarizeStory } from './index.ts';
import {
  datelineLength,
  describeContested,
  isHeading,
  isUsable,
  leansOnPrevious,
  wordCount,
} from './summary.ts';

const examples = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples');

describe('summary and timeline of the example story', async () => {
  const { articles } = await loadArticles([examples]);
  const { facts, quotes } = compareStory(articles);
  const summary = summarizeStory({ articles, facts, quotes }, { words: 150 });
  const timeline = buildTimeline({ articles, facts, quotes });
  const story = {
    id: 's',
    title: '',
    keywords: [],
    articles: articles.map((a) => a.id),
    entities: [],
    quotes: [],
    facts: [],
    summary,
    timeline,
  };

  it('cites valid spans for every sentence', () => {
    expect(summary.length).toBeGreaterThan(2);
    expect(summary.every((s) => s.sources.length > 0)).toBe(true);
    expect(validateFindings({ articles, stories: [story], duplicates: [], reuse: [] })).toEqual([]);
  });

  it('states the contested length of the talks as contested, citing every value', () => {
    const contested = summary.find((s) => /^Reports of the talks differ/.test(s.text));
    expect(contested).toBeDefined();
    expect(contested!.text).toContain('roughly 3-1/2 hours (Valdoria State News)');
    expect(new Set(contested!.sources.map((s) => s.article)).size).toBeGreaterThanOrEqual(4);
  });

  it('respects the length budget, dispute lines included, and cites several outlets for shared sentences', () => {
    const words = summary.reduce((n, s) => n + s.text.split(/\s+/).length, 0);
    expect(words).toBeLessThanOrEqual(150);
    for (const budget of [70, 100, 120]) {
      const short = summarizeStory({ articles, facts, quotes }, { words: budget });
      expect(short.some((s) => s.text.startsWith('Reports of'))).toBe(true);
      expect(short.reduce((n, s) => n + s.text.split(/\s+/).length, 0)).toBeLessThanOrEqual(budget);
    }
    expect(summary.some((s) => new Set(s.sources.map((x) => x.article)).size >= 3)).toBe(true);
    expect(summarizeStory({ articles, facts: [], quotes: [] }, { sentences: 2 })).toHaveLength(2);
  });

  it('orders a dated timeline and merges one event told by several outlets', () => {
    const dated = timeline.filter((t) => t.date);
    expect(dated.map((t) => t.date)).toEqual([...dated.map((t) => t.date)].sort());
    expect(
      timeline.some(
        (t) => t.date?.startsWith('2026-03-02') && new Set(t.sources.map((s) => s.article)).size >= 2,
      ),
    ).toBe(true);
    expect(timeline.some((t) => t.date?.startsWith('2026-03-09'))).toBe(true);
  });
});

describe('summary candidates', () => {
  it('keeps news sentences and drops scraping debris', () => {
    expect(isUsable('The city council approved the new bridge budget on Tuesday after a long debate.')).toBe(
      true,
    );
    expect(isUsable('The paper said its subscriber numbers rose by a third over the past year.')).toBe(true);
    expect(isUsable('The new river bridge opened to traffic in Riverton on March 3, 2026.')).toBe(true);
    for (const junk of [
      'Sign up for our daily newsletter to get the latest headlines in your inbox.',
      'You can add location information to your Tweets, such as your city, from the web.',
      'FILE - In this March 4, 2019, file photo, the mayor speaks to reporters outside city hall.',
      'Mayor Jane Doe speaks at a rally in Riverton on Monday (AP Photo/John Roe).',
      'Local Officials Say Riverton Bridge Will Finally Open Next Spring After Delays.',
      'The mayor was seen leaving the building with her aides late on Monday evening...',
      'and the council members said they would vote again after the summer recess.',
      'Read the full statement from the council at https://example.org/statement today.',
      'Council members listen to residents at the town hall in Riverton, Tuesday, March 3, 2026.',
      'The interactive transcript could not be loaded, so please try again in a few minutes.',
    ])
      expect(isUsable(junk), junk).toBe(false);
  });

  it('finds wire datelines and nothing else', () => {
    expect(datelineLength('RIVERTON (AP) — The council voted on Tuesday.')).toBe('RIVERTON (AP) — '.length);
    expect(datelineLength('PORT ELLIS, Calif. (Reuters) - The council voted.')).toBe(
      'PORT ELLIS, Calif. (Reuters) - '.length,
    );
    expect(datelineLength('The council voted on Tuesday - and the mayor agreed.')).toBe(0);
    expect(datelineLength('KXAS-TV reports that the council voted on Tuesday.')).toBe(0);
    expect(datelineLength('(AP) — The council voted on Tuesday.')).toBe('(AP) — '.length);
    expect(datelineLength('(CNN) -- The council voted on Tuesday.')).toBe('(CNN) -- '.length);
    expect(datelineLength('(CNN) The council voted on Tuesday.')).toBe('(CNN) '.length);
    expect(datelineLength('(Jane Roe/Riverton Daily) The council voted.')).toBe(0);
    expect(datelineLength('(The vote was close.) The council adjourned.')).toBe(0);
  });

  it('takes a sentence leaning on the one before it only right after that one', () => {
    expect(leansOnPrevious('But the mayor said she would veto the bridge budget within a week.')).toBe(true);
    expect(leansOnPrevious('"We will not pay for it," she said on Tuesday after the council meeting.')).toBe(
      true,
    );
    expect(leansOnPrevious('The mayor said she would veto the bridge budget within a week.')).toBe(false);
    expect(isUsable('But the mayor said she would veto the bridge budget within a week.')).toBe(false);
    const veto = 'But the mayor of Riverton said she would veto the bridge budget within a week.';
    const cluster = (lead: string) => ({
      id: 'c',
      documents: [
        {
          doc_id: 'a',
          text: `${lead} ${veto} \n \n Residents of the town packed the hall to hear the long debate.`,
        },
        {
          doc_id: 'b',
          text: 'The mayor of Riverton has opposed the new river bridge for months. \n \n Work on the new river bridge could start in the spring, the city engineer said.',
        },
      ],
    });
    const { articles, summary } = summarizeCluster(
      cluster('The Riverton council approved the new river bridge budget on Tuesday after a long debate.'),
      { words: 200 },
    );
    const at = summary.findIndex((s) => s.text === veto);
    expect(at).toBeGreaterThan(0);
    expect(summary[at - 1]!.text).toMatch(/^The Riverton council approved .* after a long debate\.$/);
    const own = summary[at]!.sources[0]!;
    expect(articles.find((a) => a.id === own.article)!.text.slice(own.start, own.end)).toBe(veto);
    // After debris, never a candidate, the leaning sentence has nothing to follow: it is left out.
    const prompted = summarizeCluster(
      cluster('Sign up for our daily newsletter to get the latest Riverton headlines in your inbox.'),
      { words: 200 },
    );
    expect(prompted.summary.length).toBeGreaterThan(0);
    expect(prompted.summary.some((s) => s.text.includes('would veto'))).toBe(false);
  });

  it('brings in the sentence a strong leaning sentence needs, as one passage', () => {
    const veto =
      'But the mayor warned that she would veto the harbour tunnel plan that the council passed by a single vote.';
    const before = 'Several residents of Riverton spoke at the town hall meeting on a rainy evening.';
    const cluster = (leaning: string) => ({
      id: 'c',
      documents: [
        {
          doc_id: 'a',
          text: `Parking near the hall was hard to find all evening. \n \n ${before}${leaning} \n \n A choir from the local school sang before the meeting began.`,
        },
        {
          doc_id: 'b',
          text: 'Engineers spent two years designing the harbour tunnel under the river. \n \n Council members passed the plan by a single vote after midnight. \n \n The mayor has warned that a veto is likely. \n \n Critics of the harbour tunnel plan cheered the warning from the mayor.',
        },
        {
          doc_id: 'c',
          text: 'Supporters say the harbour tunnel will ease traffic in the old town. \n \n The council approved the tunnel plan by a single vote on Tuesday. \n \n Aides to the mayor said a veto was being drafted at city hall. \n \n The mayor warned the council against the tunnel plan last year.',
        },
      ],
    });
    const texts = (leaning: string) =>
      summarizeCluster(cluster(leaning), { words: 40 }).summary.map((s) => s.text);
    // Alone, the sentence before it is not worth the words; with the sentence leaning on it, it is.
    expect(texts('')).not.toContain(before);
    const summary = texts(` ${veto}`);
    expect(summary).toContain(veto);
    expect(summary[summary.indexOf(veto) - 1]).toBe(before);
  });

  it("ranks by the fitted scorer: the story's central, supported sentence first, even from one article", () => {
    const cluster = {
      id: 'c',
      documents: [
        {
          doc_id: 'a',
          text: 'A choir from the local school sang two songs before the meeting in the old hall began. \n \n The Riverton council voted to build a toll bridge over the river after a long debate on Tuesday.',
        },
        {
          doc_id: 'b',
          text: 'Riverton will build a toll bridge over the river, the council decided on Tuesday. \n \n Parking near the old hall was hard to find for most of the cold and windy evening.',
        },
        {
          doc_id: 'c',
          text: 'The toll bridge over the river was approved by the Riverton council on Tuesday night. \n \n Tickets for the spring fair at the school go on sale next week at the library.',
        },
      ],
    };
    const { summary } = summarizeCluster(cluster, { words: 20 });
    expect(summary).toHaveLength(1);
    expect(summary[0]!.text).toMatch(/toll bridge/);
    expect(summary[0]!.sources.length).toBeGreaterThan(1);
    // One article: no support at all, and still a summary (every score stays above zero).
    const single = summarizeCluster({ id: 's', documents: [cluster.documents[0]!] }, { words: 40 });
    expect(single.summary.length).toBeGreaterThan(0);
  });

  it('leaves the dateline out and cites the kept text as an exact span', () => {
    const cluster = {
      id: 'c',
      documents: [
        {
          doc_id: 'a',
          text: 'RIVERTON (AP) — The Riverton city council approved a budget of 40 million dollars for the new river bridge on Tuesday. \n \n Construction of the river bridge is expected to begin in the spring and last for two years.',
        },
        {
          doc_id: 'b',
          text: 'The Riverton city council on Tuesday approved a 40 million dollar budget for the new river bridge. \n \n Several residents spoke against the river bridge plan during the long council meeting.',
        },
      ],
    };
    const { articles, summary } = summarizeCluster(cluster, { words: 60 });
    expect(summary.length).toBeGreaterThan(0);
    expect(summary.every((s) => !s.text.startsWith('RIVERTON'))).toBe(true);
    expect(summary.some((s) => s.text.startsWith('The Riverton city council approved'))).toBe(true);
    for (const s of summary) {
      const own = s.sources[0]!;
      expect(articles.find((a) => a.id === own.article)!.text.slice(own.start, own.end)).toBe(s.text);
    }
    // The two budget sentences say the same thing: one of them is enough.
    expect(summary.filter((s) => /budget/.test(s.text))).toHaveLength(1);
  });
});

describe('ROUGE', () => {
  it('stems as NLTK does, including its extensions', () => {
    expect(
      [
        'caresses',
        'ponies',
        'ties',
        'dying',
        'agreed',
        'happiness',
        'generalization',
        'sensibility',
        'archaeology',
        'enjoy',
      ].map(porterStem),
    ).toEqual(['caress', 'poni', 'tie', 'die', 'agre', 'happi', 'gener', 'sensibl', 'archaeolog', 'enjoy']);
  });

  it('scores identical texts 1 and disjoint texts 0, with clipped counts', () => {
    expect(rouge('the cat sat', 'the cat sat').rouge1.f).toBe(1);
    expect(rouge('the cat sat', 'dogs ran far').rouge2.f).toBe(0);
    const r = rouge('the the the cat', 'the cat');
    expect(r.rouge1.p).toBe(1);
    expect(r.rouge1.r).toBe(0.5);
  });
});

describe('describeContested', () => {
  const value = (article: string, outlet: string, text: string, years: number) => ({
    article,
    outlet,
    start: 0,
    end: text.length,
    text,
    low: years,
    high: years,
  });
  it("names an age as someone's age, with each outlet's value", () => {
    const line = describeContested({
      id: 'f1',
      measure: 'girl',
      unit: 'year',
      dimension: 'age',
      status: 'conflict',
      values: [value('a', 'Varna Post', '6-year-old', 6), value('b', 'River News', '7-year-old', 7)],
      sides: [
        { outlets: ['Varna Post'], low: 6, high: 6 },
        { outlets: ['River News'], low: 7, high: 7 },
      ],
    });
    expect(line.text).toBe(
      "Reports of the girl's age differ: 6-year-old (Varna Post) against 7-year-old (River News).",
    );
    expect(line.sources.map((s) => s.article)).toEqual(['a', 'b']);
  });
});

describe('wordCount and isHeading', () => {
  it('read words as the pieces splitting on white space gives, for every kind of space', () => {
    const pieces = ['word', 'a', '—', '3-1/2', '', 'x', 'Trending', 'News:', 'ÉLAN', 'Good', '"Quote'];
    const spaces = [' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2009', '\u3000', '\ufeff', '\u200b'];
    let seed = 11;
    const pick = <T>(list: T[]) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return list[seed % list.length]!;
    };
    for (let n = 0; n < 500; n++) {
      let text = '';
      for (let k = 0; k < n % 13; k++) text += pick(pieces) + pick(spaces);
      text += pick(pieces);
      expect(wordCount(text)).toBe(text.split(/\s+/).length);
      const long = text.split(/\s+/).filter((w) => w.length > 3 && /^[A-Za-z]/.test(w));
      const heading = long.length >= 4 && long.filter((w) => /^[A-Z]/.test(w)).length > 0.7 * long.length;
      expect(isHeading(text)).toBe(heading);
    }
  });
});
