/** Number words, hedges and units for quantity extraction. Base units: hours, km, kg, km², km/h, %. */
import type { Quantity } from '../../model/index.ts';

export const UNITS_WORDS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

export const SCALE_WORDS: Record<string, number> = {
  hundred: 100,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
  m: 1e6,
  mn: 1e6,
  bn: 1e9,
  b: 1e9,
  k: 1e3,
  tn: 1e12,
};

export const FRACTION_WORDS: Record<string, number> = {
  half: 0.5,
  'one-half': 0.5,
  'a half': 0.5,
  'one-third': 1 / 3,
  'two-thirds': 2 / 3,
  'a third': 1 / 3,
  'one-quarter': 0.25,
  'a quarter': 0.25,
  'three-quarters': 0.75,
};

/** Vague quantities: the interval they stand for. */
export const VAGUE: { pattern: RegExp; low: number; high: number }[] = [
  { pattern: /^tens of thousands/i, low: 20_000, high: 99_999 },
  { pattern: /^hundreds of thousands/i, low: 200_000, high: 999_999 },
  { pattern: /^(several|a few) thousand/i, low: 2_000, high: 9_999 },
  { pattern: /^(several|a few) hundred/i, low: 200, high: 999 },
  { pattern: /^thousands/i, low: 2_000, high: 9_999 },
  { pattern: /^hundreds/i, low: 200, high: 999 },
  { pattern: /^dozens/i, low: 24, high: 99 },
  { pattern: /^millions/i, low: 2e6, high: 9.99e6 },
  { pattern: /^a dozen/i, low: 12, high: 12 },
  { pattern: /^a couple of/i, low: 2, high: 3 },
];

type Hedge = { words: RegExp; low: (v: number) => number; high: (v: number) => number };

// Constants are deliberate: "nearly 6" may be 5.4 but not 6.1; "more than 5" rarely means 8.
export const HEDGES: { name: string; hedge: Hedge }[] = [
  {
    name: 'nearly',
    hedge: {
      words: /^(nearly|almost|just under|close to|not quite|just shy of)$/i,
      low: (v) => v * 0.9,
      high: (v) => v,
    },
  },
  {
    name: 'about',
    hedge: {
      words:
        /^(about|around|roughly|approximately|some|an estimated|estimated|circa|an approximate|approx\.?|~|nearly about|more or less)$/i,
      low: (v) => v * 0.9,
      high: (v) => v * 1.1,
    },
  },
  {
    name: 'more than',
    hedge: {
      words:
        /^(more than|over|above|in excess of|upwards of|upward of|at least|no fewer than|no less than|well over|just over|a minimum of)$/i,
      low: (v) => v,
      high: (v) => v * 1.5,
    },
  },
  {
    name: 'less than',
    hedge: {
      words:
        /^(less than|fewer than|under|below|just under|not more than|no more than|at most|a maximum of)$/i,
      low: (v) => v * 0.5,
      high: (v) => v,
    },
  },
  {
    name: 'up to',
    hedge: { words: /^(up to|as many as|as much as|as high as)$/i, low: (v) => v * 0.5, high: (v) => v },
  },
];

export const HEDGE_PHRASES = [
  'not more than',
  'no more than',
  'no fewer than',
  'no less than',
  'in excess of',
  'upwards of',
  'upward of',
  'just under',
  'just over',
  'just shy of',
  'close to',
  'not quite',
  'more than',
  'less than',
  'fewer than',
  'at least',
  'at most',
  'up to',
  'as many as',
  'as much as',
  'as high as',
  'an estimated',
  'an approximate',
  'a minimum of',
  'a maximum of',
  'well over',
  'more or less',
  'nearly',
  'almost',
  'about',
  'around',
  'roughly',
  'approximately',
  'some',
  'estimated',
  'circa',
  'over',
  'above',
  'under',
  'below',
];

export interface UnitInfo {
  unit: string;
  dimension: Quantity['dimension'];
  factor: number;
}

export const UNITS: Record<string, UnitInfo> = {
  second: { unit: 'hour', dimension: 'duration', factor: 1 / 3600 },
  minute: { unit: 'hour', dimension: 'duration', factor: 1 / 60 },
  hour: { unit: 'hour', dimension: 'duration', factor: 1 },
  day: { unit: 'hour', dimension: 'duration', factor: 24 },
  week: { unit: 'hour', dimension: 'duration', factor: 168 },
  month: { unit: 'hour', dimension: 'duration', factor: 730 },
  year: { unit: 'hour', dimension: 'duration', factor: 8766 },
  decade: { unit: 'hour', dimension: 'duration', factor: 87660 },
  km: { unit: 'km', dimension: 'length', factor: 1 },
  kilometre: { unit: 'km', dimension: 'length', factor: 1 },
  kilometer: { unit: 'km', dimension: 'length', factor: 1 },
  mile: { unit: 'km', dimension: 'length', factor: 1.609344 },
  metre: { unit: 'km', dimension: 'length', factor: 0.001 },
  meter: { unit: 'km', dimension: 'length', factor: 0.001 },
  centimetre: { unit: 'km', dimension: 'length', factor: 0.00001 },
  centimeter: { unit: 'km', dimension: 'length', factor: 0.00001 },
  cm: { unit: 'km', dimension: 'length', factor: 0.00001 },
  millimetre: { unit: 'km', dimension: 'length', factor: 0.000001 },
  millimeter: { unit: 'km', dimension: 'length', factor: 0.000001 },
  mm: { unit: 'km', dimension: 'length', factor: 0.000001 },
  m: { unit: 'km', dimension: 'length', factor: 0.001 },
  foot: { unit: 'km', dimension: 'length', factor: 0.0003048 },
  feet: { unit: 'km', dimension: 'length', factor: 0.0003048 },
  kg: { unit: 'kg', dimension: 'mass', factor: 1 },
  kilogram: { unit: 'kg', dimension: 'mass', factor: 1 },
  tonne: { unit: 'kg', dimension: 'mass', factor: 1000 },
  ton: { unit: 'kg', dimension: 'mass', factor: 907.18 },
  pound: { unit: 'kg', dimension: 'mass', factor: 0.4536 },
  lb: { unit: 'kg', dimension: 'mass', factor: 0.4536 },
  hectare: { unit: 'km2', dimension: 'area', factor: 0.01 },
  acre: { unit: 'km2', dimension: 'area', factor: 0.004047 },
  km2: { unit: 'km2', dimension: 'area', factor: 1 },
  'square kilometre': { unit: 'km2', dimension: 'area', factor: 1 },
  'square kilometer': { unit: 'km2', dimension: 'area', factor: 1 },
  'square mile': { unit: 'km2', dimension: 'area', factor: 2.59 },
  'km/h': { unit: 'km/h', dimension: 'speed', factor: 1 },
  mph: { unit: 'km/h', dimension: 'speed', factor: 1.609344 },
  percent: { unit: '%', dimension: 'percent', factor: 1 },
  'per cent': { unit: '%', dimension: 'percent', factor: 1 },
  '%': { unit: '%', dimension: 'percent', factor: 1 },
  'percentage point': { unit: 'pp', dimension: 'percent', factor: 1 },
};

export const CURRENCY_SYMBOLS: Record<string, string> = {
  $: 'USD',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '₹': 'INR',
  '₽': 'RUB',
  '₩': 'KRW',
  US$: 'USD',
  C$: 'CAD',
  A$: 'AUD',
};
export const CURRENCY_WORDS: Record<string, string> = {
  dollar: 'USD',
  euro: 'EUR',
  pound: 'GBP',
  sterling: 'GBP',
  yen: 'JPY',
  yuan: 'CNY',
  rupee: 'INR',
  rouble: 'RUB',
  ruble: 'RUB',
  franc: 'CHF',
  usd: 'USD',
  eur: 'EUR',
  gbp: 'GBP',
};

/** Words that are never the measured thing. */
export const NOT_MEASURE = new Set(
  (
    'of the a an and or but to in on at for with by from as is are was were be been that this these those it its their his her our your ' +
    'behind after before during since until into over under between among about against per each every than then when while which who whom whose what ' +
    'said says told according more less most least nearly almost some about around roughly approximately just only also still yet ago later earlier ' +
    'last next this that other another such own same percent per cent mln bn million billion thousand hundred ' +
    // Adverbs that follow a figure without being what it counts ("five hours instead of three").
    'instead already again too so even now today yesterday tomorrow there here away back apart ahead altogether overall respectively alone together ' +
    // Prepositions end the counted noun phrase: "2,000 homes without power" counts homes.
    'without within across through throughout toward towards near beyond despite inside outside along off onto upon via like unlike'
  ).split(' '),
);
