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
    const people = named('Republican Ada Ruiz and Democrat Tomas Greer met the press on Monday.');
    expect(people.map((e) => e.name)).toEqual(expect.arrayContaining(['Ada Ruiz', 'Tomas Greer']));
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

describe('sports reports', () => {
  it('reads teams from score lines and from "beat", and keeps them teams across the report', () => {
    const text =
      'Results on Saturday:\nBrixford 3 Maltby 1\nNorcaster 0 Elmsworth 2\n' +
      'Brixford beat Maltby for the second time this season, and Elmsworth climbed to third.';
    const found = named(text);
    for (const team of ['Brixford', 'Maltby', 'Norcaster', 'Elmsworth'])
      expect(found.find((e) => e.name === team)?.type).toBe('organization');
    expect(found.find((e) => e.name === 'Brixford')?.spans).toHaveLength(2);
  });

  it('types a town that names a club as the club, but a country as a place', () => {
    const found = named('Leeds 2 Everton 1\nSpain 3 Wales 0\nLeeds moved up to fourth after the win.');
    expect(found.find((e) => e.name === 'Leeds')?.type).toBe('organization');
    expect(found.find((e) => e.name === 'Spain')?.type).toBe('place');
  });

  it('reads players from a cricket scorecard', () => {
    const found = named('Scorecard\nJ. Marsden c Okoro b Vantongeren 45\nR. Delacroix not out 12');
    expect(found.find((e) => e.name === 'J. Marsden')?.type).toBe('person');
    expect(found.find((e) => e.name === 'Okoro')?.type).toBe('person');
    expect(found.find((e) => e.name === 'Vantongeren')?.type).toBe('person');
  });
});

describe('datelines and headlines', () => {
  it('reads a dateline as a place and the words of an all-caps headline one by one', () => {
    const text =
      'OKAFOR WINS VOTE IN GENEVA\nTALVERA, Spain 2024-03-01\nAmara Okafor won the vote in Geneva on Monday, officials said.';
    const found = named(text);
    const okafor = found.find((e) => e.name === 'Amara Okafor')!;
    expect(okafor.type).toBe('person');
    expect(okafor.spans).toContain('OKAFOR');
    expect(found.find((e) => e.spans.includes('GENEVA'))?.type).toBe('place');
    expect(found.find((e) => e.spans.includes('TALVERA'))?.type).toBe('place');
    expect(found.flatMap((e) => e.spans)).not.toContain('WINS');
    expect(found.flatMap((e) => e.spans)).not.toContain('OKAFOR WINS VOTE IN GENEVA');
  });
});

describe('organisations', () => {
  it('keeps a company typed when it is shortened to its first word, and splits two companies', () => {
    const found = named(
      'Talvex Holdings Inc and Brandt Motors Corp agreed to merge on Tuesday. Talvex shares rose 4 percent.',
    );
    const talvex = found.find((e) => e.name === 'Talvex Holdings Inc')!;
    expect(talvex.type).toBe('organization');
    expect(talvex.spans).toContain('Talvex');
    expect(found.find((e) => e.name === 'Brandt Motors Corp')?.type).toBe('organization');
  });

  it('reads the head before "of" and a news agency without any organisation word', () => {
    const found = named('The Central Bank of Norland raised rates, Reuters reported.');
    expect(found.find((e) => e.name === 'Central Bank of Norland')?.type).toBe('organization');
    expect(found.find((e) => e.name === 'Reuters')?.type).toBe('organization');
  });
});

describe('people and peoples', () => {
  it('leaves a nationality out of a name and out of PER/ORG/LOC, and keeps a place before a title apart', () => {
    const found = named(
      'Canadian Lena Ortiz won the final. U.S. Deputy Trade Representative Marcus Hale said Iraqi officials agreed.',
    );
    expect(found.find((e) => e.name === 'Lena Ortiz')?.type).toBe('person');
    const hale = found.find((e) => e.name === 'Marcus Hale')!;
    expect(hale.type).toBe('person');
    expect(found.find((e) => e.spans.includes('U.S.'))?.type).toBe('place');
    for (const people of ['Canadian', 'Iraqi'])
      expect(found.find((e) => e.spans.includes(people))?.type ?? 'other').toBe('other');
  });

  it('does not take a sentence-opening adverb for part of a name', () => {
    const found = named('Instead Delacroix kept the ball. During Okoro\u2019s spell the crowd sang.');
    expect(found.map((e) => e.name)).toEqual(expect.arrayContaining(['Delacroix', 'Okoro']));
    expect(found.map((e) => e.name)).not.toContain('Instead Delacroix');
  });
});
