/**
 * Place names from maintained packages — countries with their official names, alternative spellings and
 * demonyms (world-countries), and cities with their provinces (city-timezones) — plus the renamings
 * that outlets still disagree on. Loaded once, on first use.
 */
import { createRequire } from 'node:module';
import { EXTRA_PLACES, STATE_ABBREVIATIONS } from './lexicon.ts';
import { nameLists } from './names.ts';

const require = createRequire(import.meta.url);

// Places renamed or respelled; either form names the same place (the value is the current name).
const RENAMED: Record<string, string> = {
  kiev: 'Kyiv',
  kharkov: 'Kharkiv',
  odessa: 'Odesa',
  lvov: 'Lviv',
  bombay: 'Mumbai',
  calcutta: 'Kolkata',
  madras: 'Chennai',
  peking: 'Beijing',
  canton: 'Guangzhou',
  rangoon: 'Yangon',
  burma: 'Myanmar',
  swaziland: 'Eswatini',
  'ivory coast': "Côte d'Ivoire",
  'czech republic': 'Czechia',
  turkey: 'Türkiye',
  saigon: 'Ho Chi Minh City',
  leningrad: 'Saint Petersburg',
  'st petersburg': 'Saint Petersburg',
  'u.s.': 'United States',
  'u.s.a.': 'United States',
  usa: 'United States',
  'u.k.': 'United Kingdom',
  uk: 'United Kingdom',
  'new delhi': 'New Delhi',
  'the hague': 'The Hague',
  byelorussia: 'Belarus',
  'east timor': 'Timor-Leste',
  'cape verde': 'Cabo Verde',
};

export interface Gazetteer {
  /** lower-cased place name → canonical name */
  places: Map<string, string>;
  /** lower-cased demonym ("russian") → country */
  demonyms: Map<string, string>;
  /** lower-cased names of countries and provinces: places that contain cities, not points on a map */
  regions: Set<string>;
  /** lower-cased names of countries and the nations of the UK: their sports teams are still places in CoNLL's scheme */
  countries: Set<string>;
}

let cached: Gazetteer | undefined;

export function gazetteer(): Gazetteer {
  if (cached) return cached;
  const places = new Map<string, string>();
  const demonyms = new Map<string, string>();
  const regions = new Set<string>();
  const nations = new Set<string>(['england', 'scotland', 'wales', 'northern ireland', 'britain', 'ireland']);
  const countries = require('world-countries') as {
    name: { common: string; official: string };
    altSpellings: string[];
    demonyms?: { eng?: { f: string; m: string } };
    capital?: string[];
  }[];
  for (const c of countries) {
    const name = c.name.common;
    places.set(name.toLowerCase(), name);
    places.set(c.name.official.toLowerCase(), name);
    regions.add(name.toLowerCase());
    regions.add(c.name.official.toLowerCase());
    nations.add(name.toLowerCase());
    for (const alt of c.altSpellings) if (alt.length > 3) nations.add(alt.toLowerCase());
    for (const alt of c.altSpellings) if (alt.length > 3) places.set(alt.toLowerCase(), name);
    for (const cap of c.capital ?? []) places.set(cap.toLowerCase(), cap);
    const d = c.demonyms?.eng;
    if (d)
      for (const form of [d.m, d.f])
        if (form) {
          demonyms.set(form.toLowerCase(), name);
          if (!/(ese|ss|sh|ch|s)$/i.test(form)) demonyms.set(`${form.toLowerCase()}s`, name);
        }
  }
  const cities = (
    require('city-timezones') as {
      cityMapping: { city: string; city_ascii: string; province: string; pop: number }[];
    }
  ).cityMapping;
  for (const c of cities) {
    if (c.pop < 50_000) continue;
    for (const n of [c.city, c.city_ascii]) if (n && n.length > 2) places.set(n.toLowerCase(), c.city);
    if (c.province && c.province.length > 3) {
      places.set(c.province.toLowerCase(), c.province);
      regions.add(c.province.toLowerCase());
    }
  }
  for (const place of EXTRA_PLACES) {
    const name = place.replace(/\b\p{L}/gu, (ch) => ch.toUpperCase());
    if (!places.has(place)) places.set(place, name);
  }
  for (const abbreviation of STATE_ABBREVIATIONS) {
    places.set(abbreviation, abbreviation);
    if (!abbreviation.endsWith('.')) places.set(`${abbreviation}.`, abbreviation);
  }
  const lists = nameLists();
  for (const place of lists.places)
    if (!places.has(place) && !lists.common.has(place))
      places.set(
        place,
        place.replace(/\b\p{L}/gu, (ch) => ch.toUpperCase()),
      );
  for (const demonym of lists.demonyms) if (!demonyms.has(demonym)) demonyms.set(demonym, '');
  for (const [old, current] of Object.entries(RENAMED)) {
    places.set(old, current);
    places.set(current.toLowerCase(), current);
  }
  for (const d of demonyms.keys()) places.delete(d);
  cached = { places, demonyms, regions, countries: nations };
  return cached;
}
