import { describe, expect, it } from 'vitest';
import { createArticle, validateArticle } from '../model/index.ts';
import { annotateLanguage } from '../pipeline/index.ts';
import { tokenize } from './quotes/clauses.ts';

function quotes(text: string) {
  const a = annotateLanguage(createArticle({ id: 'q', text }));
  expect(validateArticle(a)).toEqual([]);
  return a.annotations.quotes.map((q) => ({
    content: text.slice(q.content.start, q.content.end),
    parts: q.parts?.map((p) => text.slice(p.start, p.end)),
    speaker: q.speaker ? text.slice(q.speaker.start, q.speaker.end) : null,
    entity: a.annotations.entities.find((e) => e.id === q.speakerEntity)?.name ?? null,
    direct: q.direct,
  }));
}

describe('quotes', () => {
  it.each([
    [
      '"We will rebuild the bridge by spring," Mayor Lena Ostrova said.',
      'We will rebuild the bridge by spring',
      'Mayor Lena Ostrova',
    ],
    [
      '“We will rebuild the bridge by spring,” said Lena Ostrova.',
      'We will rebuild the bridge by spring',
      'Lena Ostrova',
    ],
    [
      'Lena Ostrova told reporters: «We will rebuild the bridge by spring.»',
      'We will rebuild the bridge by spring.',
      'Lena Ostrova',
    ],
  ])('finds a direct quote and its speaker: %s', (text, content, speaker) => {
    const [q] = quotes(text);
    expect(q).toMatchObject({ content, speaker, direct: true });
  });

  it('resolves a pronoun and a continuing quote to the person named before', () => {
    const qs = quotes(
      'Mayor Lena Ostrova visited the site on Monday. "We will rebuild the bridge by spring," she said on the riverbank. The crowd cheered. "And we will pay for it ourselves."',
    );
    expect(qs.map((q) => q.entity)).toEqual(['Lena Ostrova', 'Lena Ostrova']);
  });

  it('carries a quote across paragraphs when the next paragraph reopens it', () => {
    const text =
      'Ostrova said: "The bridge carried eight thousand cars a day and we cannot wait for the ministry.\n\n"We will start the work ourselves next week," she added.';
    const [q] = quotes(text);
    expect(q!.content).toContain('eight thousand cars');
    expect(q!.content).toContain('start the work ourselves');
  });

  it.each([
    ['Ostrova said that the bridge would reopen in April.', 'the bridge would reopen in April', 'Ostrova'],
    [
      'Mayor Lena Ostrova told reporters on Monday that the bridge would reopen in April.',
      'the bridge would reopen in April',
      'Mayor Lena Ostrova',
    ],
    ['The bridge will reopen in April, the mayor said.', 'The bridge will reopen in April', 'the mayor'],
    [
      'According to the city council, the bridge will reopen in April.',
      'the bridge will reopen in April',
      'the city council',
    ],
  ])('finds an indirect quote: %s', (text, content, speaker) => {
    const [q] = quotes(text);
    expect(q).toMatchObject({ content, speaker, direct: false });
  });

  it('finds a partial quote inside paraphrase and leaves scare quotes alone', () => {
    const qs = quotes(
      'The envoy called the outcome "a serious first step" and left. The so-called "deal" was thin.',
    );
    expect(qs.map((q) => q.content)).toEqual(['a serious first step']);
  });

  it('gives a quote with no speaker a null speaker', () => {
    const [q] = quotes('"Nobody saw it coming."');
    expect(q).toMatchObject({ content: 'Nobody saw it coming.', speaker: null, entity: null });
  });
});

describe('quotes split by their attribution', () => {
  it.each([
    ['"We will talk," she said. "But not today."', ['We will talk', 'But not today.'], 'she'],
    ['"We will talk," she said, "but not today."', ['We will talk', 'but not today.'], 'she'],
    [
      '"The cables are worn," said Ivo Marsh, the harbour engineer. "They should have been replaced in 1990."',
      ['The cables are worn', 'They should have been replaced in 1990.'],
      'Ivo Marsh',
    ],
    [
      '"We will talk," she said on Monday, but "not before the vote."',
      ['We will talk', 'not before the vote.'],
      'she',
    ],
  ])('gives one quote in pieces: %s', (text, parts, speaker) => {
    const found = quotes(`Mayor Lena Ostrova met the council. ${text}`);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ parts, speaker, direct: true });
    // The content is the hull, from the first piece to the last, with the attribution inside.
    expect(found[0]!.content.startsWith(parts[0]!)).toBe(true);
    expect(found[0]!.content.endsWith(parts[1]!)).toBe(true);
  });

  it.each([
    ['two speakers', '"We will talk," said Ostrova. "Not before the vote," said Berg.'],
    ['a new paragraph', '"We will talk," said Ostrova.\n\n"Nobody asked the ferry crews about any of this."'],
    ['a second verb', '"We will talk," said Ostrova, adding, "but not before the vote."'],
    ['a sentence between', '"We will talk," said Ostrova. Berg left early. "Not before the vote."'],
  ])('keeps quotes apart across %s', (_, text) => {
    const found = quotes(text);
    expect(found.filter((q) => q.direct)).toHaveLength(2);
    expect(found.every((q) => q.parts === undefined)).toBe(true);
  });

  it('gives an indirect quote split by a parenthetical attribution its two pieces', () => {
    const [q] = quotes('The new harbour bridge, the mayor said, will open to traffic in April.');
    expect(q).toMatchObject({
      parts: ['The new harbour bridge', 'will open to traffic in April'],
      speaker: 'the mayor',
      direct: false,
    });
  });
});

describe('indirect attributions', () => {
  it('reads a closing "according to" and a poll share as speakers', () => {
    const trailing = quotes(
      'Turnout in the river districts fell to 41 percent, according to the electoral commission.',
    );
    expect(trailing).toContainEqual(
      expect.objectContaining({
        content: 'Turnout in the river districts fell to 41 percent',
        speaker: 'the electoral commission',
        direct: false,
      }),
    );
    const share = quotes(
      'In the same survey, 73 percent said the ferry should keep running through the winter.',
    );
    expect(share).toContainEqual(
      expect.objectContaining({
        speaker: '73 percent',
        content: 'the ferry should keep running through the winter',
      }),
    );
  });
});

describe('speakers after a quote', () => {
  it('reads past a party tag, an apposition or a dash', () => {
    expect(quotes('"We cannot allow this," Rep. John Mica (R-Fla.) said on Tuesday.')[0]?.speaker).toBe(
      'Rep. John Mica',
    );
    expect(
      quotes('"He is absolutely right," Flynn, a top campaign surrogate, said on Thursday.')[0]?.speaker,
    ).toBe('Flynn');
    expect(quotes('“The debate showed who he really is.” ― Martha Aguilar')[0]?.speaker).toBe(
      'Martha Aguilar',
    );
  });
});

describe('pronoun speakers', () => {
  it('gives "she said" to the latest person who can be "she"', () => {
    const found = quotes(
      'Senator Ana Ruiz met Mr. Tom Berg on Monday. Berg said he would vote no. "This bill fails the families it claims to help," she said.',
    );
    const bill = found.find((q) => q.content.startsWith('This bill'))!;
    expect(bill.entity).toBe('Ana Ruiz');
  });
});

describe('reported speech', () => {
  it.each([
    [
      'Harbour officials, speaking after the vote, warned that the ferry would stop in March.',
      'the ferry would stop in March',
    ],
    ['The levy will rise next year, the treasurer said on Tuesday.', 'The levy will rise next year'],
    ['The levy will rise next year, said Dara Quinlan, the city treasurer.', 'The levy will rise next year'],
    ['The levy, the treasurer said, will rise next year.', 'will rise next year'],
    ['Dara Quinlan, the city treasurer, insisted the levy would rise.', 'the levy would rise'],
    ['Most residents say the ferry should keep running.', 'the ferry should keep running'],
  ])('reads the clause a cue introduces: %s', (text, content) => {
    expect(quotes(text).map((q) => q.content)).toContain(content);
  });

  it('gives a second verb the speaker of the first', () => {
    const found = quotes(
      'Dara Quinlan rejected the budget on Friday, saying the harbour fund was already empty.',
    );
    expect(found).toContainEqual(
      expect.objectContaining({ content: 'the harbour fund was already empty', speaker: 'Dara Quinlan' }),
    );
  });

  it('splits two attributions joined by a coordinator', () => {
    const found = quotes(
      'The mayor said the bridge was safe, but engineers argued that the cables were worn.',
    );
    expect(found.map((q) => [q.speaker, q.content])).toEqual([
      ['The mayor', 'the bridge was safe'],
      ['engineers', 'the cables were worn'],
    ]);
  });

  it('reads a reporting noun with its owner', () => {
    const [q] = quotes("Quinlan's claim that the harbour fund was empty surprised the council.");
    expect(q).toMatchObject({
      speaker: "Quinlan's",
      content: 'the harbour fund was empty surprised the council',
    });
  });

  it('leaves verbs in other senses alone', () => {
    expect(quotes('The ferry was called the Pelican by everyone on the coast.')).toEqual([]);
    expect(quotes('Engineers found themselves stuck on the bridge for an hour.')).toEqual([]);
    expect(quotes('Additional reporting by Dara Quinlan.')).toEqual([]);
  });

  it('reads two apostrophes as quotation marks', () => {
    const [q] = quotes("''The bridge will hold for another decade,'' said Dara Quinlan.");
    expect(q).toMatchObject({ content: 'The bridge will hold for another decade', speaker: 'Dara Quinlan' });
  });

  it('gives a quote inside reported speech the speaker of the clause', () => {
    const [q] = quotes('Dara Quinlan called the repair plan "a waste of harbour money" on Friday.');
    expect(q).toMatchObject({ content: 'a waste of harbour money', speaker: 'Dara Quinlan', direct: true });
  });

  it('reads a long title before the verb after a quote', () => {
    const [q] = quotes('"The cables are worn," harbour board chairman Dr. Ivo Marsh said on Monday.');
    expect(q?.speaker).toBe('harbour board chairman Dr. Ivo Marsh');
  });

  it('leaves a verb that opens the next quote to that quote', () => {
    const found = quotes(
      'Ivo Marsh spoke first. "We cannot wait any longer." Quinlan replied, "We have no money for it."',
    );
    expect(found.find((q) => q.content.startsWith('We cannot'))?.speaker).toBeNull();
  });
});

describe('colon attributions', () => {
  it('reads a named speaker or a poll before a headline colon', () => {
    const named = quotes('Ostrova: Bridge Will Reopen by Spring.\n\nMayor Lena Ostrova spoke on Monday.');
    expect(named[0]).toMatchObject({
      content: 'Bridge Will Reopen by Spring',
      speaker: 'Ostrova',
      direct: false,
    });
    const poll = quotes(
      'Poll: Voters in the river districts back the ferry levy.\n\nThe survey ran for a week.',
    );
    expect(poll[0]).toMatchObject({
      content: 'Voters in the river districts back the ferry levy',
      speaker: 'Poll',
    });
  });

  it('gives each transcript line to its speaker tag, to the end of the paragraph', () => {
    const text =
      'Partial transcript follows.\n\nRUIZ: We will open the bridge in April. The ministry knows it.\n\nHOST: What about the ferry?\n\nRUIZ: The ferry keeps running until the bridge opens.';
    const found = quotes(text);
    expect(found.filter((q) => q.speaker === 'RUIZ').map((q) => q.content)).toEqual([
      'We will open the bridge in April. The ministry knows it',
      'The ferry keeps running until the bridge opens',
    ]);
    // A tag seen once speaks only as a reporting agent ("HOST"); the words inside a line have no
    // attributions of their own ("The ministry knows it").
    expect(found.map((q) => q.speaker)).toEqual(['RUIZ', 'HOST', 'RUIZ']);
    const once = quotes(
      'Partial transcript follows.\n\nRUIZ: We will open the bridge in April.\n\nThat was all.',
    );
    expect(once).toEqual([]);
  });

  it('leaves section labels and unknown headline words alone', () => {
    expect(quotes('Update: The bridge will reopen in April after all.')).toEqual([]);
    expect(quotes('Stormy Weather: The Ferry Stays in Port.\n\nThe harbour was closed.')).toEqual([]);
  });

  it('gives a direct quote after a colon label its speaker', () => {
    const [q] = quotes('Ostrova: "We will rebuild the bridge by spring."\n\nLena Ostrova is the mayor.');
    expect(q).toMatchObject({
      content: 'We will rebuild the bridge by spring.',
      speaker: 'Ostrova',
      direct: true,
    });
  });
});

describe('more attribution shapes', () => {
  it.each([
    // a title-case headline with a capitalised verb
    ['Ostrova Says Bridge Will Reopen in April.', 'Bridge Will Reopen in April', 'Ostrova'],
    ['Bridge Will Reopen in April, Harbour Mayor Says.', 'Bridge Will Reopen in April', 'Harbour Mayor'],
    // a reporting verb in the passive with its agent
    ['The closure was first reported by the Harbour Gazette.', 'The closure', 'the Harbour Gazette'],
    // a verb that hands its subject on through "to"
    [
      'Ostrova appeared to suggest that the bridge would stay closed.',
      'the bridge would stay closed',
      'Ostrova',
    ],
    // a long setting before "that"
    [
      'Ostrova said at a press conference in Port Sorrel, Dunmarsh, that the bridge would reopen.',
      'the bridge would reopen',
      'Ostrova',
    ],
    // a preposition right after "that, "
    [
      'Ostrova noted that, like the ferry, the bridge had been built in 1961.',
      'like the ferry, the bridge had been built in 1961',
      'Ostrova',
    ],
    // an adjective of certainty after "be", a verb that casts something in a light, "make clear"
    [
      'Ostrova was confident that the bridge would reopen in April.',
      'the bridge would reopen in April',
      'Ostrova',
    ],
    ["Ostrova portrayed the delay as the ministry's fault.", "the delay as the ministry's fault", 'Ostrova'],
    ['The treasurer made clear that the levy would not rise.', 'the levy would not rise', 'The treasurer'],
    // an abbreviation closing the subject
    ['The S.E.C. said it would review the filings.', 'it would review the filings', 'The S.E.C.'],
  ])('%s', (text, content, speaker) => {
    expect(quotes(text)).toContainEqual(expect.objectContaining({ content, speaker, direct: false }));
  });

  it.each([
    // a time between the verb and its content or particle
    [
      'The harbour board announced on Friday the closure of the north pier.',
      'the closure of the north pier',
      'The harbour board',
    ],
    ['The council voted Thursday to close the ferry office.', 'close the ferry office', 'The council'],
    // "that" as the subject of a relative clause, standing for the noun before it
    ['Ruiz leads one of the groups that oppose the new fuel levy.', 'the new fuel levy', 'the groups'],
    // a participle after a comma takes the opening subject, even one with an article
    [
      'The Harbour Board filed a complaint on Monday, claiming that the contractor had broken the law.',
      'the contractor had broken the law',
      'The Harbour Board',
    ],
    // a participle after a closing attribution takes its speaker
    [
      'The bridge will reopen in April, Ostrova said on Monday, adding that the ferry would keep running.',
      'the ferry would keep running',
      'Ostrova',
    ],
    // the verb after a relative clause belongs to the subject before it
    [
      'Ostrova, who believed that the repairs were too slow, told the council to hire a second crew.',
      'to hire a second crew',
      'Ostrova',
    ],
    // a participle of a reporting verb opening the sentence, and one right after a closing quote
    [
      'Citing the winter storms, the harbour board delayed the vote.',
      'the winter storms',
      'the harbour board',
    ],
    [
      '"The ferry is safe," Ostrova said on the quay, adding that the crews had been trained.',
      'the crews had been trained',
      'Ostrova',
    ],
    // a second verb after "but"
    ['The crews said they were tired, but promised to keep working.', 'to keep working', 'The crews'],
    // a name in apposition to a plain head
    [
      'A lawyer for the ferry crews, Ivo Marsh, said no decision had been made.',
      'no decision had been made',
      'the ferry crews, Ivo Marsh',
    ],
    // a progressive with a contracted negation
    ["The treasurer isn't saying whether the levy will rise.", 'whether the levy will rise', 'The treasurer'],
  ])('%s', (text, content, speaker) => {
    expect(quotes(text)).toContainEqual(expect.objectContaining({ content, speaker, direct: false }));
  });

  it('reads a passive of judging with no agent as a content in two pieces and no speaker', () => {
    const [q] = quotes('The contractor was accused of hiding the cracks from the inspectors.');
    expect(q).toMatchObject({
      parts: ['The contractor', 'hiding the cracks from the inspectors'],
      speaker: null,
      direct: false,
    });
    expect(quotes('The bridge was painted green in the spring.')).toEqual([]);
  });

  it('leaves an adjective without "be" alone', () => {
    expect(quotes('A confident Ostrova opened the bridge on Monday.')).toEqual([]);
  });

  it('opens a second attribution at "who", "because" and an opening subordinate clause', () => {
    const who = quotes('Ostrova thanked the engineers, who said the repairs would take six weeks.');
    expect(who).toContainEqual(
      expect.objectContaining({ content: 'the repairs would take six weeks', speaker: 'who' }),
    );
    const because = quotes('Ruiz said the bridge was safe because they believed the cables were new.');
    expect(because.map((q) => [q.speaker, q.content])).toEqual([
      ['Ruiz', 'the bridge was safe'],
      ['they', 'the cables were new'],
    ]);
    const when = quotes(
      'When Ostrova noted that the bridge was closed, the minister replied that it would reopen soon.',
    );
    expect(when.map((q) => [q.speaker, q.content])).toEqual([
      ['Ostrova', 'the bridge was closed'],
      ['the minister', 'it would reopen soon'],
    ]);
  });

  it('reads a quoted title of a show as a name, and quoted words after a verb of saying as a quote', () => {
    expect(quotes('Ostrova appeared on "The Morning Harbour Hour" on Monday.')).toEqual([]);
    const [q] = quotes('Ostrova called the new timetable "A Total Harbour Disaster" on Monday.');
    expect(q).toMatchObject({ content: 'A Total Harbour Disaster', direct: true });
  });
});

describe('indirect attributions: subjects', () => {
  it.each([
    // a time between the subject and its verb
    ['Ostrova on Monday said that the bridge would reopen.', 'the bridge would reopen', 'Ostrova'],
    ['A review panel in 2019 found the pier was unsafe.', 'the pier was unsafe', 'A review panel'],
    // a pronoun and its auxiliary in one token
    ['She’ll argue that the pier is safe.', 'the pier is safe', 'She’ll'],
    // a raising verb with its own "be"
    ['Ostrova was able to show that the pier was safe.', 'the pier was safe', 'Ostrova'],
    // a relative clause with no "that" between the subject and the verb
    ['All the engineers I asked said the pier was safe.', 'the pier was safe', 'All the engineers I asked'],
    // an aside between dashes, and one between commas with an age or a relative clause
    [
      'The report — which took two years to write — explains how the pier failed.',
      'how the pier failed',
      'The report',
    ],
    [
      'Ruiz, 56, who has served on the board for years, said the pier was safe.',
      'the pier was safe',
      'Ruiz, 56',
    ],
    [
      'The alliance, which includes the two ferry unions, advocates for lower fares.',
      'lower fares',
      'The alliance',
    ],
    // a quantifier with "of whom"
    [
      'The plan angered the ferry crews, many of whom say the pier is unsafe.',
      'the pier is unsafe',
      'many of whom',
    ],
    // a verb of going on or avoiding before an "-ing" cue
    ['Ostrova avoids criticizing the harbour board.', 'the harbour board', 'Ostrova'],
    // an "-ing" cue right after a noun, and a document speaking for the one who issued it
    ['The crews walked out, with the union backing the strike.', 'the strike', 'the union'],
    ['The Harbour Board sent a letter urging the crews to return.', 'to return', 'The Harbour Board'],
    // the subject after opening phrases, for a participle after a comma
    [
      'On Monday night, however, Ostrova spoke at the pier, promising to lift the levy.',
      'to lift the levy',
      'Ostrova',
    ],
    // an infinitive of purpose after the main clause
    ['The senators met with the harbour minister to discuss the new levy.', 'the new levy', 'The senators'],
  ])('%s', (text, content, speaker) => {
    expect(quotes(text)).toContainEqual(expect.objectContaining({ content, speaker, direct: false }));
  });

  it('leaves the pronoun of a bare relative clause, and an infinitive after a verb of urging, to the main verb', () => {
    expect(quotes('All the engineers I asked said the pier was safe.').map((q) => q.speaker)).toEqual([
      'All the engineers I asked',
    ]);
    expect(quotes('Ostrova urged the board to reject the levy.').map((q) => [q.speaker, q.content])).toEqual([
      ['Ostrova', 'to reject the levy'],
    ]);
  });

  it('reads a verb form after a determiner or before an auxiliary as a noun', () => {
    const [veto] = quotes('The veto is expected to come before the vote on Friday.');
    expect(veto).toMatchObject({ parts: ['The veto', 'to come before the vote on Friday'], speaker: null });
    expect(quotes('A harbour judge ruled that the levy was lawful.')[0]?.speaker).toBe('A harbour judge');
    expect(quotes('Ferry advocates have said the levy is unfair.')[0]).toMatchObject({
      speaker: 'Ferry advocates',
      content: 'the levy is unfair',
    });
  });
});

describe('indirect attributions: closing and parenthetical', () => {
  it.each([
    // a noun of the tail that is also a verb form
    [
      'The north pier will close in May, the harbour board said in a June report, and the ferry will move.',
      'The north pier will close in May',
      'the harbour board',
    ],
    // "as" before the attribution
    [
      'The pier was never inspected, as the harbour police have said.',
      'The pier was never inspected',
      'the harbour police',
    ],
    [
      'As Ostrova noted, the bridge has been closed for a year.',
      'the bridge has been closed for a year',
      'Ostrova',
    ],
    // verbs of showing and learning
    [
      'Ferry fares rose by a third last year, a harbour survey shows.',
      'Ferry fares rose by a third last year',
      'a harbour survey',
    ],
    ['The pier will close in May, the Gazette has learned.', 'The pier will close in May', 'the Gazette'],
    // a possessive opening the speaker after an inverted verb
    [
      'The pier will close, noted Harbour Radio’s Ana Ruiz.',
      'The pier will close',
      'Harbour Radio’s Ana Ruiz',
    ],
    // an aside between the verb and its "that"
    [
      'Several engineers cautioned, as did the ministry itself, that the pier might close.',
      'the pier might close',
      'Several engineers',
    ],
  ])('%s', (text, content, speaker) => {
    expect(quotes(text)).toContainEqual(expect.objectContaining({ content, speaker, direct: false }));
  });

  it('keeps a participle after an inverted speaker as a verb of its own, and the quote after it joined', () => {
    const found = quotes(
      '"The pier is a mess," said Ostrova, speaking of the north pier. "We will fix it by spring."',
    );
    expect(found).toContainEqual(
      expect.objectContaining({ content: 'the north pier', speaker: 'Ostrova', direct: false }),
    );
    expect(found.find((q) => q.direct)?.parts).toEqual(['The pier is a mess', 'We will fix it by spring.']);
  });

  it('does not read a parenthetical "as" after a word or two as the attribution of the sentence', () => {
    expect(
      quotes('If, as I noted, the pier closes, the ferry will run.').map((q) => q.content),
    ).not.toContain('the pier closes, the ferry will run');
  });
});

describe('indirect attributions: cues', () => {
  it.each([
    // verbs that take a preposition, a needed particle after an adverb, "make it clear"
    ['The mayor responded with a plan of her own.', 'a plan of her own', 'The mayor'],
    ['Ostrova asked about the ferry timetable.', 'the ferry timetable', 'Ostrova'],
    ['Ostrova wrote about the ferry strike.', 'the ferry strike', 'Ostrova'],
    ['Ostrova spoke emotionally of her years on the council.', 'her years on the council', 'Ostrova'],
    ['Ostrova made it clear that she would run.', 'she would run', 'Ostrova'],
    // "about" before a number
    ['Ostrova said about 20 ferries were idle.', 'about 20 ferries were idle', 'Ostrova'],
    // a verb of casting with a reflexive object
    [
      'Ostrova has portrayed herself as a careful manager of the port.',
      'herself as a careful manager of the port',
      'Ostrova',
    ],
    // verbs of feeling, judging and criticizing
    ['The crews resent the new levy.', 'the new levy', 'The crews'],
    ['The ferry union has repeatedly disparaged the harbour board.', 'the harbour board', 'The ferry union'],
    // adjectives of attitude after "be", and a participle that is also one
    ['Ostrova has been critical of the levy since May.', 'the levy since May', 'Ostrova'],
    ['The aides were coy about whether she would run.', 'whether she would run', 'The aides'],
    ['The crews were convinced that the pier was unsafe.', 'the pier was unsafe', 'The crews'],
    ['Ostrova convinced the board to delay the vote.', 'to delay the vote', 'Ostrova'],
    // "what" or "which" standing for the cue's object
    ['That was what Ostrova said when she quit the board.', 'what', 'Ostrova'],
    // a reporting noun and its preposition
    ['Her comments on the ferry strike, made on Monday, angered the crews.', 'the ferry strike', 'Her'],
  ])('%s', (text, content, speaker) => {
    expect(quotes(text)).toContainEqual(expect.objectContaining({ content, speaker, direct: false }));
  });

  it('reads the passive of a verb of asking as a content in two pieces', () => {
    const [q] = quotes('Ostrova was asked whether the pier would reopen.');
    expect(q).toMatchObject({ parts: ['Ostrova', 'whether the pier would reopen'], speaker: null });
  });

  it('reads "it is clear that" as a content with no speaker, and "it is unclear whether" as none', () => {
    const [q] = quotes('It is clear that the pier will not reopen this year.');
    expect(q).toMatchObject({ content: 'the pier will not reopen this year', speaker: null, direct: false });
    expect(quotes('It is unclear whether the pier will reopen.')).toEqual([]);
  });

  it('leaves nouns, addressees and settings alone', () => {
    for (const text of [
      'The harbour debates are long and loud.',
      'Ostrova found herself in a difficult spot.',
      'Ferry traffic grew, and demand from the islands rose.',
      'Tolls rose after the levy imposed by the harbour board.',
      'His remarks on Saturday were brief.',
      'Ostrova spoke to the ferry crews on Monday.',
      'The plan has 85 percent support among ferry users.',
    ])
      expect(quotes(text), text).toEqual([]);
  });
});

describe('indirect attributions: more cases', () => {
  it.each([
    // a form that is mostly a noun, after a modal
    ['Among ferry users, 46 percent would back Ruiz.', 'Ruiz', '46 percent'],
    // a particle after a time
    ['The mayor called Friday for releasing the pier report.', 'releasing the pier report', 'The mayor'],
    ['Ruiz backed off some of her proposals.', 'some of her proposals', 'Ruiz'],
    // a participle that is also an adjective of attitude
    ['The crews are worried about the new levy.', 'the new levy', 'The crews'],
    // "no one" as a subject
    ['No one expected a vote on the levy.', 'a vote on the levy', 'No one'],
    // a dateline before the subject, and names before an agent noun
    [
      'HARBOURTON - Port leaders gathered on Friday in the old town hall to discuss the new levy.',
      'the new levy',
      'Port leaders',
    ],
    // "said as much"
    ['The harbour master said as much on Monday.', 'as much on Monday', 'The harbour master'],
    // a share after "while" opens an attribution of its own
    [
      'Only half of the riders agreed that the ferry was safe, while 73 percent said the same of the bridge.',
      'the same of the bridge',
      '73 percent',
    ],
  ])('%s', (text, content, speaker) => {
    expect(quotes(text)).toContainEqual(expect.objectContaining({ content, speaker, direct: false }));
  });

  it('keeps the reported words before a quote set apart from them, but not a quote run into the clause', () => {
    const apart = quotes(
      "Several council members have said the same thing, including Ruiz -- ''It is a disgrace to the harbour'' -- and Ivo Marsh.",
    );
    expect(apart).toContainEqual(
      expect.objectContaining({ content: 'the same thing, including Ruiz', direct: false }),
    );
    expect(apart).toContainEqual(
      expect.objectContaining({ content: 'It is a disgrace to the harbour', direct: true }),
    );
    const phrase = quotes(
      'The crews called for more information about the pier closure, marching past the town hall while chanting, "Open the pier now."',
    );
    expect(phrase).toContainEqual(
      expect.objectContaining({ content: 'more information about the pier closure', speaker: 'The crews' }),
    );
    expect(
      quotes('Ruiz called the plan "a disaster for the harbour" on Monday.').map((q) => q.direct),
    ).toEqual([true]);
  });
});

describe('quotes sharing a cue', () => {
  it('joins the quoted pieces one cue introduces in its sentence into one quote', () => {
    const text =
      'The mayor called the contractor a "habitual liar" who is "utterly careless with public money."';
    const qs = quotes(text);
    expect(qs).toHaveLength(1);
    expect(qs[0]).toMatchObject({
      parts: ['habitual liar', 'utterly careless with public money.'],
      speaker: 'The mayor',
      direct: true,
    });
  });

  it('keeps quotes with cues of their own apart', () => {
    const text =
      'Ruiz said the port is "running out of room for new ships." Ostrova said the plan is "far too expensive for us."';
    expect(quotes(text).map((q) => q.speaker)).toEqual(['Ruiz', 'Ostrova']);
  });
});

describe('clauses inside a content', () => {
  it('ends a content where a subject with a prepositional phrase opens a clause of its own', () => {
    const found = quotes(
      'The harbour board published the survey on Friday, and lawyers for the ferry crews released it to the press.',
    );
    expect(found.map((q) => [q.speaker, q.content])).toEqual([
      ['The harbour board', 'the survey on Friday'],
      ['lawyers for the ferry crews', 'it to the press'],
    ]);
    // (A prepositional phrase that is not after a comma and a coordinator ends nothing.)
    expect(
      quotes('Ostrova said the report on the bridge for the council was late.').map((q) => q.content),
    ).toEqual(['the report on the bridge for the council was late']);
  });

  it('keeps a past verb after "and" in a content whose cue is in the present', () => {
    expect(
      quotes('Harbour police say the driver ignored the barrier and refused to stop.').map((q) => q.content),
    ).toEqual(['the driver ignored the barrier and refused to stop']);
    // (After a cue in the past tense, the second verb is the speaker's.)
    const found = quotes('The mayor said the ferry was safe and urged the council to keep it running.');
    expect(found.map((q) => q.content)).toEqual(['the ferry was safe', 'to keep it running']);
  });

  it('keeps a past verb after "and" in a content that opens with its own pronoun subject', () => {
    expect(quotes('Ostrova said she missed the vote and regretted it deeply.').map((q) => q.content)).toEqual(
      ['she missed the vote and regretted it deeply'],
    );
  });

  it('reads a second verb after "yet" or past a verb that passes its subject on', () => {
    const found = quotes('Ruiz demands openness from the board, yet refuses to publish her own accounts.');
    expect(found.map((q) => [q.speaker, q.content])).toEqual([
      ['Ruiz', 'openness from the board'],
      ['Ruiz', 'publish her own accounts'],
    ]);
    const second = quotes('Ostrova agreed with the engineers and seemed to think the cables were worn.');
    expect(second.map((q) => q.content)).toContain('the cables were worn');
  });
});

describe('long appositions', () => {
  it('reads the speaker past a long apposition between it and the cue', () => {
    const text =
      '"The bridge will not survive another winter," Lena Ostrova, a structural engineer at the regional transport authority and a former adviser to the city council, said on Monday.';
    expect(quotes(text)[0]).toMatchObject({ speaker: 'Lena Ostrova', direct: true });
  });
});

describe('tokenize', () => {
  it('joins letters across apostrophes, dots, hyphens, ampersands and slashes', () => {
    const text = 'U.S. co-chair don’t AT&T and/or $5 “Ruiz”';
    expect(tokenize(text, { start: 0, end: text.length }).map((t) => t.text)).toEqual([
      'U.S',
      '.',
      'co-chair',
      'don’t',
      'AT&T',
      'and/or',
      '$5',
      '“',
      'Ruiz',
      '”',
    ]);
  });
});

describe('quotation marks', () => {
  it('reads a paragraph opened with a closing mark as a quote', () => {
    const [q] = quotes('”The ferry is late again and nobody tells us why.” ― Ana Ruiz');
    expect(q).toMatchObject({
      content: 'The ferry is late again and nobody tells us why.',
      speaker: 'Ana Ruiz',
    });
  });

  it('closes a straight opening mark with a curly closing one', () => {
    const [q] = quotes('"The crossing has become a daily gamble,” said Ivo Marsh, a ferry captain.');
    expect(q).toMatchObject({
      content: 'The crossing has become a daily gamble',
      speaker: 'Ivo Marsh',
      direct: true,
    });
  });

  it('joins quoted phrases coordinated by "and" into one quote', () => {
    const [q, ...rest] = quotes(
      'The rally ended with talk of "fair fares for islanders" and "safe boats for everyone."',
    );
    expect(rest).toEqual([]);
    expect(q!.parts).toEqual(['fair fares for islanders', 'safe boats for everyone.']);
  });

  it('reads a quoted title with a short lowercase word as a name', () => {
    expect(quotes('Ostrova handed out copies of her "Contract with Islanders" at the pier.')).toEqual([]);
  });
});

describe('seeming and passives', () => {
  it('reads how something seems as a content in two pieces with no speaker', () => {
    const [q] = quotes('The new timetable seems too ambitious for the crews.');
    expect(q).toMatchObject({ parts: ['The new timetable', 'too ambitious for the crews'], speaker: null });
    const [which] = quotes('The cuts, which seem to be permanent, worry the islanders.');
    expect(which).toMatchObject({ parts: ['which', 'to be permanent'], speaker: null });
    // ("appeared on" is being seen; "appeared to suggest" is read as "suggest".)
    expect(quotes('Ostrova appeared on the evening news on Monday.')).toEqual([]);
    const [suggest] = quotes('Ostrova appeared to suggest that the levy would rise.');
    expect(suggest).toMatchObject({ content: 'the levy would rise', speaker: 'Ostrova' });
  });

  it('reads a passive of casting and rating with its particle right after the verb', () => {
    expect(quotes('The old pier was portrayed as a danger to swimmers.')[0]).toMatchObject({
      parts: ['The old pier', 'a danger to swimmers'],
      speaker: null,
    });
    expect(quotes('Only a few of the boats (12%) were rated as safe.')[0]).toMatchObject({
      parts: ['Only a few of the boats', 'safe'],
    });
  });

  it('reads the subject of a passive past a relative clause, and ends the complement at its comma', () => {
    expect(quotes('Berg, who managed the toll booths, was accused of theft.')[0]).toMatchObject({
      parts: ['Berg', 'theft'],
      speaker: null,
    });
    const found = quotes('The new pier is expected to open in May, though the builders seem worried.');
    expect(found.map((q) => q.parts)).toEqual([
      ['The new pier', 'to open in May'],
      ['the builders', 'worried'],
    ]);
  });

  it('reads a participle of a verb of saying after its noun, with "by", as a passive', () => {
    expect(quotes('It was a complaint echoed by every captain on the island.')[0]).toMatchObject({
      content: 'a complaint',
      speaker: 'every captain',
    });
    // (An act is not a view: "the levy imposed by the harbour board" stays alone.)
    expect(quotes('Tolls rose after the levy imposed by the harbour board.')).toEqual([]);
  });
});

describe('subjects and speakers', () => {
  it('ends a subject at a pronoun with its verb, and takes a plural possessive into it', () => {
    expect(quotes("That's what the ferry union wants.")[0]).toMatchObject({
      content: 'what',
      speaker: 'the ferry union',
    });
    expect(quotes("The dockers' union endorses Ruiz.")[0]).toMatchObject({ content: 'Ruiz' });
  });

  it('reads a plural head with a list of its members as a speaker', () => {
    expect(
      quotes('Several guilds, including the pilots and the welders, backed Ruiz on Monday.')[0],
    ).toMatchObject({
      content: 'Ruiz on Monday',
      speaker: 'Several guilds, including the pilots and the welders',
    });
  });

  it('reads "one" after an inverted verb as a speaker, and a quotation after it as none', () => {
    expect(quotes('The pier will stay closed until spring, said one engineer on the site.')[0]).toMatchObject(
      {
        content: 'The pier will stay closed until spring',
        speaker: 'one engineer on the site',
      },
    );
    const quoted = quotes(
      'Ana Ruiz, the harbour master of Tallinn, a port city, said the board\'s "delay has cost us a whole season."',
    );
    expect(quoted.map((q) => q.direct)).toEqual([true]);
  });

  it('reads an agent of an organisation as a subject of a second verb', () => {
    const found = quotes(
      'A reporter for the Island Gazette saw the crews and reported their anger at the pier.',
    );
    expect(found[0]).toMatchObject({
      content: 'their anger at the pier',
      speaker: 'A reporter for the Island Gazette',
    });
  });

  it('gives a participle after a comma the pronoun subject of the clause before it', () => {
    const found = quotes('Later the crowd grew restless, and she walked off, yelling insults at the crew.');
    expect(found[0]).toMatchObject({ content: 'insults at the crew', speaker: 'she' });
  });

  it('reads a poll or a document in an opening "In" phrase as the source', () => {
    expect(quotes('In the latest harbour poll, Ruiz leads Ostrova by six points.')[0]).toMatchObject({
      content: 'Ruiz leads Ostrova by six points',
      speaker: 'the latest harbour poll',
    });
  });

  it('reads a subjectless passive of asking as the question, with the asker after "by"', () => {
    expect(quotes('Pressed by the islanders on why the fares rose, Berg left the room.')[0]).toMatchObject({
      content: 'why the fares rose',
      speaker: 'the islanders',
    });
  });
});

describe('cues and their contents', () => {
  it('reads "believe in" with its particle', () => {
    expect(quotes('As a ferry captain, I believe in a strong harbour board.')[0]).toMatchObject({
      content: 'a strong harbour board',
      speaker: 'I',
    });
  });

  it('reads a form that is often a noun as one before a dash, a past verb or a noun and an auxiliary', () => {
    for (const text of [
      'The dockside protest stayed calm on Sunday.',
      'Council debate tickets are sold out.',
      'Ferry claims – most of them small – were paid.',
    ])
      expect(quotes(text), text).toEqual([]);
  });

  it('leaves a verb followed by "or" without a content', () => {
    expect(quotes('Residents received bills they never asked for or could not read.')).toEqual([]);
  });

  it('does not take the "that" of a later verb as the content of a verb of urging', () => {
    const found = quotes('The pilots urged Ruiz to wait, warning that the channel was still blocked.');
    expect(found.map((q) => q.content)).toEqual(['to wait', 'the channel was still blocked']);
  });

  it('keeps an opening participle of a verb of saying apart from the verb after it', () => {
    const found = quotes('Regretting the vote, Ruiz said, "We moved too fast."');
    expect(found.map((q) => [q.content, q.speaker])).toEqual([
      ['the vote', 'Ruiz'],
      ['We moved too fast.', 'Ruiz'],
    ]);
  });

  it('reads a spaced hyphen or a double hyphen as a dash around an aside', () => {
    for (const text of [
      'The old crane - critics call it an eyesore - still lifts most of the cargo.',
      'The old crane -- critics call it an eyesore -- still lifts most of the cargo.',
    ])
      expect(quotes(text)[0], text).toMatchObject({ content: 'it an eyesore', speaker: 'critics' });
  });
});

describe('clauses inside a content: more', () => {
  it('keeps a verb after a modal, or a bare verb after a cue in another tense, in the content', () => {
    expect(
      quotes(
        'The council says the toll would slow traffic at first but would soon add revenue for repairs.',
      ).map((q) => q.content),
    ).toEqual(['the toll would slow traffic at first but would soon add revenue for repairs']);
    expect(
      quotes('Ruiz thinks the crews should stay calm and accept the new shifts.').map((q) => q.content),
    ).toEqual(['the crews should stay calm and accept the new shifts']);
    // ("did not recommend" is the board's own verb.)
    expect(quotes('The board chastised the contractor but did not recommend a fine.')).toHaveLength(2);
  });

  it('opens a clause at "which" with a subject of its own, and at "with" before a participle', () => {
    const which = quotes('Ruiz praised the crews for their work, which she said was done in record time.');
    expect(which.map((q) => [q.speaker, q.content])).toEqual([
      ['Ruiz', 'the crews for their work'],
      ['she', 'was done in record time'],
    ]);
    const withing = quotes('Polls show Ruiz ahead, with analysts predicting a narrow win.');
    expect(withing.map((q) => [q.speaker, q.content])).toEqual([
      ['Polls', 'Ruiz ahead'],
      ['analysts', 'a narrow win'],
    ]);
    // ("showing" is mostly a noun, but not after "with".)
    const showing = quotes('Polls show Ruiz ahead, with the harbour survey showing her up six points.');
    expect(showing.map((q) => q.content)).toEqual(['Ruiz ahead', 'her up six points']);
  });

  it('opens a clause at "after", but keeps "as" and a second "and who" in the content', () => {
    const after = quotes('The mayor rebuked Berg after he mocked the ferry crews.');
    expect(after.map((q) => [q.speaker, q.content])).toEqual([
      ['The mayor', 'Berg'],
      ['he', 'the ferry crews'],
    ]);
    expect(quotes('Ostrova says the levy is fair, even as she admits that it hurts islanders.')).toHaveLength(
      1,
    );
    expect(
      quotes(
        'Ruiz argues that the plan hurts crews who work nights, and who believe the board ignores them.',
      ),
    ).toHaveLength(1);
  });

  it('ends an attribution in a subordinate clause at its comma anywhere in the sentence', () => {
    const found = quotes(
      'The board met on Monday, and once Ruiz had noted that the fares would rise, the mayor left.',
    );
    expect(found.map((q) => q.content)).toEqual(['the fares would rise']);
  });

  it('finishes a short opening phrase with the clause after a parenthetical attribution', () => {
    expect(quotes('In those years, Berg said, he worked on the night ferry.')[0]).toMatchObject({
      parts: ['In those years', 'he worked on the night ferry'],
      speaker: 'Berg',
    });
  });
});
