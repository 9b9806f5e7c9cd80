/**
 * Name lists from compromise's English lexicon (a maintained, pure-JS package): first names and
 * surnames, organisations and sports teams, places, demonyms, and the common words (verbs,
 * adjectives, adverbs, prepositions…) that a capitalised sentence-initial word may be. Only the
 * lexicon is read; compromise's tagger is never run. Loaded once, on first use.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface NameLists {
  /** lower-cased given names ("amara", "pete") */
  firstNames: Set<string>;
  /** lower-cased surnames */
  lastNames: Set<string>;
  /** lower-cased organisation names, words joined by single spaces ("procter & gamble") */
  organizations: Set<string>;
  /** lower-cased sports teams ("aston villa", "white sox") */
  teams: Set<string>;
  /** lower-cased places: countries, cities, regions */
  places: Set<string>;
  /** lower-cased demonyms ("iraqi", "iraqis") */
  demonyms: Set<string>;
  /** lower-cased common words that are not names: verbs, adjectives, adverbs, function words, nouns */
  common: Set<string>;
  /**
   * lower-cased words that open sentences but never names: adverbs, prepositions, conjunctions,
   * determiners, pronouns, verbs, plurals ("During", "Instead", "Traders") — not nouns or adjectives,
   * which are also given names ("Guy", "Rose", "Frank")
   */
  openers: Set<string>;
  /** compromise's words that end organisation names ("bank", "holdings") */
  orgWords: Set<string>;
}

const NAME_TAGS = new Set([
  'FirstName',
  'MaleName',
  'FemaleName',
  'LastName',
  'Person',
  'ProperNoun',
  'Place',
  'City',
  'Country',
  'Region',
  'Organization',
  'SportsTeam',
  'Demonym',
  'Honorific',
  'Abbreviation',
  'Currency',
  'Unit',
]);

const OPENER_TAGS = new Set([
  'Adverb',
  'Preposition',
  'Conjunction',
  'Determiner',
  'Pronoun',
  'Possessive',
  'Reflexive',
  'Modal',
  'QuestionWord',
  'Expression',
  'Copula',
  'Negative',
  'Infinitive',
  'PastTense',
  'PresentTense',
  'Gerund',
  'Participle',
  'PhrasalVerb',
  'Plural',
  'Comparative',
  'Superlative',
  'Cardinal',
  'Ordinal',
  'TextValue',
]);

let cached: NameLists | undefined;

export function nameLists(): NameLists {
  if (cached) return cached;
  const nlp = require('compromise/two') as {
    model(): { one: { lexicon: Record<string, string | string[]> }; two: { orgWords: Record<string, true> } };
  };
  const model = nlp.model();
  const lists: NameLists = {
    firstNames: new Set(),
    lastNames: new Set(),
    organizations: new Set(),
    teams: new Set(),
    places: new Set(),
    demonyms: new Set(),
    common: new Set(),
    openers: new Set(),
    orgWords: new Set(Object.keys(model.two.orgWords)),
  };
  for (const [word, tag] of Object.entries(model.one.lexicon)) {
    const tags = Array.isArray(tag) ? tag : [tag];
    const has = (t: string) => tags.includes(t);
    if (has('FirstName') || has('MaleName') || has('FemaleName')) lists.firstNames.add(word);
    if (has('LastName')) lists.lastNames.add(word);
    if (has('Organization') && word.length > 2) lists.organizations.add(word);
    if (has('SportsTeam')) lists.teams.add(word);
    if (
      (has('City') || has('Country') || has('Region') || (has('Place') && word.length > 4)) &&
      word.length > 2
    )
      lists.places.add(word);
    if (has('Demonym')) lists.demonyms.add(word);
    if (!tags.some((t) => NAME_TAGS.has(t))) {
      lists.common.add(word);
      if (tags.some((t) => OPENER_TAGS.has(t))) lists.openers.add(word);
    }
  }
  cached = lists;
  return lists;
}
