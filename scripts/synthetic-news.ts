/**
 * Synthetic news for the benchmarks (bench-nlp, bench-api, bench-ingest): deterministic articles about
 * invented events, written from the word lists here. Each story has its own place, event and cast, so
 * articles of one story share names, figures and quotes while differing in wording and order, the way
 * several outlets' reports of one event do.
 */
import type { RawDocument } from '../src/ingest/index.ts';
import { rng } from '../src/testing/synthetic.ts';

export type Rand = () => number;
export { rng };

const PLACES = [
  'Port Sorrel',
  'Vandermere',
  'Kessling',
  'Oruba Falls',
  'Linden Cross',
  'Halvik',
  'Marrowgate',
  'Tessaly',
  'Brennock',
  'Quillon Bay',
  'Asterby',
  'Dunmarsh',
  'Elsworth Vale',
  'Granport',
  'Iverholm',
  'Juniper Ridge',
  'Kaldera',
  'Lowmoor',
  'Nettleford',
  'Pellam',
  'Ravensby',
  'Sutter Point',
  'Thornwick',
  'Wexley',
];
const EVENTS = [
  { what: 'fire at the chemical plant', noun: 'fire', affected: 'evacuated' },
  { what: 'strike at the container port', noun: 'strike', affected: 'left without work' },
  { what: 'flooding along the lower valley', noun: 'flood', affected: 'moved to shelters' },
  { what: 'vote on the water charges bill', noun: 'vote', affected: 'expected to pay more' },
  { what: 'talks over the fishing quotas', noun: 'dispute', affected: 'kept in port' },
  { what: 'collapse of the railway viaduct', noun: 'collapse', affected: 'stranded' },
  { what: 'measles outbreak in the northern district', noun: 'outbreak', affected: 'vaccinated' },
  { what: 'protest against the airport expansion', noun: 'protest', affected: 'detained' },
  { what: 'power cut across the eastern grid', noun: 'blackout', affected: 'left without power' },
  { what: 'landslide above the coastal road', noun: 'landslide', affected: 'cut off' },
  { what: 'cyberattack on the city hospital', noun: 'cyberattack', affected: 'turned away' },
  { what: 'takeover of the regional airline', noun: 'takeover', affected: 'told their jobs were at risk' },
  { what: 'earthquake beneath the old quarter', noun: 'earthquake', affected: 'made homeless' },
  { what: 'ferry grounding in the harbour mouth', noun: 'grounding', affected: 'rescued' },
  { what: 'wildfire on the pine uplands', noun: 'wildfire', affected: 'forced from their homes' },
  { what: 'teachers walkout over classroom sizes', noun: 'walkout', affected: 'sent home' },
  { what: 'gas leak under the shopping arcade', noun: 'leak', affected: 'taken to hospital' },
  { what: 'bank run on the cooperative lender', noun: 'run', affected: 'unable to withdraw savings' },
  { what: 'drought across the wheat belt', noun: 'drought', affected: 'put on water rationing' },
  { what: 'recount in the mayoral election', noun: 'recount', affected: 'asked to vote again' },
];
const FIRST = [
  'Amara',
  'Tobias',
  'Ingrid',
  'Rafael',
  'Noor',
  'Kwame',
  'Elena',
  'Henrik',
  'Sofia',
  'Dmitri',
  'Leila',
  'Marcus',
  'Yuki',
  'Fatima',
  'Oskar',
  'Priya',
  'Gabriel',
  'Hana',
  'Mateo',
  'Zofia',
];
const LAST = [
  'Okafor',
  'Lindqvist',
  'Marchetti',
  'Haddad',
  'Brandauer',
  'Mensah',
  'Castellanos',
  'Novak',
  'Takeda',
  'Oyelaran',
  'Petrov',
  'Sorensen',
  'Achterberg',
  'Villanueva',
  'Kowalczyk',
  'Iyer',
  'Fairbairn',
  'Delacroix',
  'Nakamura',
  'Abernethy',
  'Quenneville',
  'Rasmussen',
  'Ostrowski',
  'Balogun',
  'Esterhazy',
  'Figueroa',
  'Grunewald',
  'Hollister',
  'Ilunga',
  'Jaramillo',
  'Kettering',
  'Laszlo',
  'Moreau',
  'Nwachukwu',
  'Ortega',
  'Pemberton',
  'Rautio',
  'Szabo',
  'Thackeray',
  'Umarov',
  'Vasquez',
  'Whitlock',
  'Yamamoto',
  'Zielinski',
  'Adeyemi',
  'Bergstrom',
  'Cardenas',
  'Dubois',
  'Eriksen',
  'Fontaine',
  'Gallagher',
  'Hashemi',
  'Ibarra',
  'Jovanovic',
  'Kamara',
  'Lombardi',
  'Mbeki',
  'Nordin',
  'Oliveira',
  'Pazienza',
];
const ROLES = [
  'Foreign Minister',
  'Interior Minister',
  'Health Minister',
  'Mayor',
  'Governor',
  'Fire Chief',
  'Police Commissioner',
  'Transport Secretary',
  'union leader',
  'Professor',
];
const ORGS = [
  'the Ministry of Transport',
  'the National Weather Service',
  'the Red Cross',
  'the regional council',
  'the Port Authority',
  'the Civil Protection Agency',
  'the Chamber of Commerce',
  'the state broadcaster',
];
export const OUTLETS = [
  'Harbour Gazette',
  'Evening Meridian',
  'National Ledger',
  'Valley Chronicle',
  'Coastline Radio',
  'Morning Dispatch',
  'Capital Observer',
  'Northern Echo Online',
];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'September', 'October'];
const NUMBER_WORDS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'twelve'];
const HEDGES = ['nearly', 'about', 'more than', 'at least', 'almost', 'roughly'];
const VERBS = ['said', 'told reporters', 'warned', 'added', 'insisted', 'confirmed'];
const CLAUSES = [
  'the situation was under control',
  'emergency crews would stay in the area overnight',
  'the government would review its plans before the end of the month',
  'talks would resume later in the week',
  'no decision had yet been made',
  'schools in the district would remain closed',
  'more help was already on the way',
  'the costs would be shared with neighbouring councils',
  'an independent inquiry would be opened',
  'the figures were likely to rise',
];
const QUOTES = [
  'We are doing everything we can to keep people safe',
  'This is not the end of the matter',
  'Nobody expected it to move this quickly',
  'We need answers, and we need them now',
  'The next few days will be decisive',
  'I have never seen anything like it in thirty years',
  'Our first duty is to the families who have lost everything',
  'There will be consequences for those responsible',
];

export interface StoryFacts {
  index: number;
  place: string;
  other: string;
  event: (typeof EVENTS)[number];
  cast: { name: string; surname: string; role: string }[];
  org: string;
  day: string;
  people: number;
  hours: string;
  money: string;
}

/** The facts all articles of one story share; story `i` always gets the same ones. */
export function storyFacts(index: number): StoryFacts {
  const r = rng(9001 + index * 7919);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const cast = [0, 1, 2].map((k) => {
    // Surnames are unique to a story for the first 20 stories, so shared names mean a shared story.
    const surname = LAST[(index * 3 + k) % LAST.length]!;
    return { name: `${FIRST[(index * 7 + k * 5) % FIRST.length]} ${surname}`, surname, role: pick(ROLES) };
  });
  return {
    index,
    place: PLACES[index % PLACES.length]!,
    other: PLACES[20 + (index % 4)]!,
    event: EVENTS[index % EVENTS.length]!,
    cast,
    org: pick(ORGS),
    day: pick(DAYS),
    people: 40 + Math.floor(r() * 4000),
    hours: pick(NUMBER_WORDS),
    money: (1 + r() * 40).toFixed(1),
  };
}

export interface NewsArticle {
  story: number;
  outlet: string;
  title: string;
  published: string;
  paragraphs: string[];
  words: number;
}

const capitalise = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/** One outlet's report of a story, of at least `words` words, in paragraphs of two or three sentences. */
export function newsArticle(story: StoryFacts, r: Rand, words: number): NewsArticle {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const { place, other, event, org, day } = story;
  const person = () => pick(story.cast);
  const fmt = (n: number) => n.toLocaleString('en-US');
  // Templates mix the story's shared facts (names, the headline figure) with per-article detail, so
  // entity, quote, quantity and date layers all have work in every paragraph.
  const templates: (() => string)[] = [
    () => {
      const p = person();
      return `${capitalise(p.role)} ${p.name} said on ${day} that ${pick(CLAUSES)}.`;
    },
    () => `"${pick(QUOTES)}," ${person().surname} told reporters in ${place}.`,
    () => {
      const p = person();
      return `\u201c${pick(QUOTES)},\u201d said ${p.name}, speaking outside the offices of ${org}.`;
    },
    () => `The ${event.what} in ${place} lasted ${pick(HEDGES)} ${story.hours} hours, according to ${org}.`,
    () =>
      `At least ${fmt(story.people)} people were ${event.affected}, and ${fmt(10 + Math.floor(r() * 300))} more were treated for minor injuries, officials said on ${day}.`,
    () =>
      `${capitalise(org)} estimated the cost at ${story.money} million dollars, up ${5 + Math.floor(r() * 40)} percent from an earlier figure.`,
    () => {
      const p = person();
      return `Speaking on ${pick(DAYS)} evening, ${p.name} ${pick(VERBS)} that ${pick(CLAUSES)}.`;
    },
    () => `${person().surname}'s office said a further statement would follow on ${pick(DAYS)}.`,
    () => `Earlier, ${person().name} had described the ${event.noun} as "${pick(QUOTES).toLowerCase()}".`,
    () => `Residents of ${place} said ${pick(CLAUSES)}, although many remained sceptical.`,
    () =>
      `The ${event.noun} began shortly after ${1 + Math.floor(r() * 11)} a.m. on ${day}, when ${pick(CLAUSES)}.`,
    () => `According to ${org}, ${pick(CLAUSES)}.`,
    () => {
      const [a, b] = [story.cast[0]!, story.cast[1]!];
      return `${a.name} and ${b.name} met for ${pick(HEDGES)} ${pick(NUMBER_WORDS)} hours on ${pick(DAYS)} but did not reach an agreement.`;
    },
    () =>
      `Since ${pick(MONTHS)}, ${place} has recorded ${2 + Math.floor(r() * 30)} similar incidents, ${org} said.`,
    () =>
      `In ${1990 + Math.floor(r() * 34)}, a similar ${event.noun} in ${other} left ${fmt(100 + Math.floor(r() * 9000))} people ${event.affected} for ${pick(NUMBER_WORDS)} days.`,
    () =>
      `Local councillors in ${place} called an emergency meeting for ${pick(DAYS)} and asked ${person().name} to attend.`,
  ];
  const paragraphs: string[] = [];
  let count = 0;
  while (count < words) {
    const n = 2 + Math.floor(r() * 2);
    const sentences = Array.from({ length: n }, () => pick(templates)());
    const paragraph = sentences.join(' ');
    count += paragraph.split(/\s+/).length;
    paragraphs.push(paragraph);
  }
  const lead = story.cast[0]!;
  return {
    story: story.index,
    outlet: pick(OUTLETS),
    title: `${capitalise(event.what)} in ${place}: ${lead.surname} says ${pick(CLAUSES)}`,
    published: `2026-03-${String(1 + (story.index % 27)).padStart(2, '0')}T${String(6 + Math.floor(r() * 14)).padStart(2, '0')}:00:00Z`,
    paragraphs,
    words: count,
  };
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The article as a plain news page, with the outlet in `og:site_name`. */
/** The article as a plain-text input document with its metadata, as the API and the CLI take it. */
export function textDocument(id: string, a: NewsArticle): RawDocument {
  return {
    id,
    source: {},
    format: 'text',
    content: a.paragraphs.join('\n\n'),
    meta: { title: a.title, outlet: a.outlet, published: a.published },
  };
}

export function toHtml(a: NewsArticle): string {
  return [
    '<!doctype html>',
    `<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(a.title)} | ${escapeHtml(a.outlet)}</title>`,
    `<meta property="og:site_name" content="${escapeHtml(a.outlet)}">`,
    `<meta property="article:published_time" content="${a.published}">`,
    '</head><body><article>',
    `<h1>${escapeHtml(a.title)}</h1>`,
    ...a.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    '</article></body></html>',
  ].join('\n');
}
