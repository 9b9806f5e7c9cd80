import { describe, expect, it } from 'vitest';
import { createArticle } from '../model/index.ts';
import { findEntities, linkStoryEntities } from './entities.ts';
import { segment } from './segment.ts';

const entities = (text: string, id = 'a') => {
  const article = createArticle({ id, text });
  Object.assign(article.annotations, segment(article));
  article.annotations.entities = findEntities(article);
  return article;
};
const named = (text: string) =>
  findEntities(entities(text)).map((e) => ({
    name: e.name,
    type: e.type,
    spans: e.mentions.map((m) => text.slice(m.start, m.end)),
  }));

describe('entities', () => {
  it('merges a person\u2019s variants and keeps the title as a role', () => {
    const found = named(
      'Foreign Minister Amara Okafor arrived in Geneva on Monday. Okafor said the talks would be hard. The minister left at noon.',
    );
    const okafor = found.find((e) => e.name === 'Amara Okafor')!;
    expect(okafor.type).toBe('person');
    expect(okafor.spans).toEqual(expect.arrayContaining(['Amara Okafor', 'Okafor']));
    expect(found.find((e) => e.name === 'Geneva')?.type).toBe('place');
  });

  it('types organisations by their form and keeps a company abbreviation\u2019s dot', () => {
    const found = named('First Albany Corp. said it would cut jobs. The Ministry of Finance disagreed.');
    expect(found).toContainEqual({
      name: 'First Albany Corp.',
      type: 'organization',
      spans: ['First Albany Corp.'],
    });
    expect(found.find((e) => e.name === 'Ministry of Finance')?.type).toBe('organization');
  });

  it('leaves a sentence-initial common noun joined by "of" out of the name', () => {
    const found = named('Shares of Johnson Controls Inc rose 5 percent on Monday.');
    expect(found.map((e) => e.name)).toContain('Johnson Controls Inc');
    expect(found.map((e) => e.name)).not.toContain('Shares of Johnson Controls Inc');
  });

  it('reads teams from sports results', () => {
    const found = named('Essex beat Kent by six wickets at Chelmsford on Friday.');
    expect(found.find((e) => e.name === 'Essex')?.type).toBe('organization');
    expect(found.find((e) => e.name === 'Kent')?.type).toBe('organization');
  });

  it('links a name across the articles of a story, renamed places included', () => {
    const story = linkStoryEntities([
      entities('Amara Okafor met reporters in Kiev on Monday.', 'a'),
      entities('On Tuesday Okafor flew from Kyiv to Warsaw, officials said.', 'b'),
    ]);
    const okafor = story.find((e) => e.name.includes('Okafor'))!;
    expect(new Set(okafor.mentions.map((m) => m.article))).toEqual(new Set(['a', 'b']));
    const kyiv = story.filter((e) => e.type === 'place' && e.mentions.length === 2);
    expect(kyiv).toHaveLength(1);
  });
});

describe('names joined by "and"', () => {
  it('splits two people but keeps a company name whole', () => {
    const people = named('Republican Donald Trump and Democrat Hillary Clinton met the press on Monday.');
    expect(people.map((e) => e.name)).toEqual(expect.arrayContaining(['Donald Trump', 'Hillary Clinton']));
    const company = named('Shares in Procter and Gamble rose on Monday.');
    expect(company.map((e) => e.name)).toContain('Procter and Gamble');
  });
});

describe('place names', () => {
  it('reads a place word in front of a name as a place', () => {
    const found = named(
      'The fire at the depot in Port Sorrel burned for hours, and smoke reached Mount Kerin by noon.',
    );
    expect(found.find((e) => e.name === 'Port Sorrel')?.type).toBe('place');
    expect(found.find((e) => e.name === 'Mount Kerin')?.type).toBe('place');
  });
});
