/**
 * Places of one event across outlets: "the ministers met in Geneva" against "the ministers met in
 * Vienna". A sentence naming exactly one place after "in" or "at" is matched with the other outlets'
 * sentences about the same event; places are told apart by story entity, so "Kiev" and "Kyiv" (one
 * entity through the gazetteer) agree. Countries and provinces are left out: "in Switzerland" and "in
 * Geneva" are both true.
 */
import type { Article, Fact, StoryEntity } from '../model/index.ts';
import { gazetteer } from '../nlp/entities/gazetteer.ts';
import { type EventMention, eventFacts } from './events.ts';
import { outletOf } from './outlet.ts';
import { storyEntityIndex } from './quotes.ts';
import { contentWords, type Idf } from './words.ts';

const SAME_EVENT = 0.6;
const MIN_SHARED_WORDS = 3;

function placedSentences(article: Article, placeAt: (at: number) => number | undefined): EventMention[] {
  const out: EventMention[] = [];
  const regions = gazetteer().regions;
  const places = article.annotations.entities.filter((e) => e.type === 'place');
  for (const sentence of article.annotations.sentences) {
    const inside = places.flatMap((e) =>
      e.mentions.filter((m) => m.start >= sentence.start && m.end <= sentence.end).map((m) => ({ e, m })),
    );
    // Two places in one sentence ("flew from Geneva to Vienna") do not say which is the event's.
    if (inside.length !== 1) continue;
    const { e, m } = inside[0]!;
    if (!/\b(in|at)\s+(the\s+)?$/i.test(article.text.slice(Math.max(sentence.start, m.start - 8), m.start)))
      continue;
    if (regions.has(e.name.toLowerCase())) continue;
    // The story entity's position stands for the place: one entity is one place, two cannot both be true.
    const rank = placeAt(m.start);
    if (rank === undefined) continue;
    const text = article.text.slice(sentence.start, m.start) + article.text.slice(m.end, sentence.end);
    const name = new Set(contentWords(article.text.slice(m.start, m.end)));
    out.push({
      value: {
        article: article.id,
        start: m.start,
        end: m.end,
        text: article.text.slice(m.start, m.end),
        low: rank,
        high: rank,
        outlet: outletOf(article),
      },
      words: contentWords(text).filter((w) => !name.has(w)),
    });
  }
  return out;
}

/** Events placed by more than one outlet, as facts; `firstId` numbers them after the others. */
export function alignEventPlaces(
  articles: Article[],
  entities: StoryEntity[],
  idf: Idf,
  firstId: number,
): Fact[] {
  const index = storyEntityIndex(entities);
  const position = new Map(entities.map((e, i) => [e, i]));
  return eventFacts(
    articles.flatMap((a) =>
      placedSentences(a, (at) => {
        const entity = index.get(`${a.id}:${at}`);
        return entity ? position.get(entity) : undefined;
      }),
    ),
    idf,
    { minCosine: SAME_EVENT, minSharedWords: MIN_SHARED_WORDS },
    { dimension: 'place', unit: 'place', firstId },
  );
}
