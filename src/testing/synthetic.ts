/**
 * Synthetic news for tests and benchmarks: deterministic articles about invented events, grouped into
 * stories with shared names and figures, so that clustering and comparison have something to find.
 * Written from word lists here, not taken from any publisher.
 */

const PLACES = [
  'Port Sella',
  'Velmora',
  'Kestrel City',
  'Lerin',
  'Ostrava Bay',
  'Marden',
  'Tallow Creek',
  'Brisa',
  'Hollin',
  'Quarry Hill',
];
const PEOPLE = [
  'Amara Okafor',
  'Tomas Brandt',
  'Marta Ilves',
  'Petra Holm',
  'Anton Vidal',
  'Dani Roos',
  'Ivo Kask',
  'Miriam Castell',
  'Lena Varga',
  'Jonas Weber',
];
const EVENTS = [
  'fire at the fuel depot',
  'strike by dock workers',
  'flood on the river road',
  'vote on the pension bill',
  'talks on the border crossings',
  'collapse of the old bridge',
  'outbreak at the county hospital',
  'protest outside parliament',
  'merger of the two regional banks',
  'drought in the northern farms',
];
const OUTLETS = [
  'Coastline Wire',
  'Sella Evening Post',
  'National Courier',
  'Market Ledger',
  'Lake Radio',
  'Valley News',
  'Daily Voice',
  'Global Review',
];
const VERBS = ['said', 'told reporters', 'warned', 'added', 'explained'];

/** A small deterministic generator (xorshift32) for reproducible fixtures and benchmarks. */
export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

export interface SyntheticArticle {
  id: string;
  story: number;
  outlet: string;
  title: string;
  published: string;
  text: string;
}

export function syntheticArticles(count: number, stories: number, seed = 7): SyntheticArticle[] {
  const rand = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const out: SyntheticArticle[] = [];
  for (let i = 0; i < count; i++) {
    const story = Math.floor(rand() * stories);
    const srand = rng(seed * 1000 + story);
    const sp = <T>(xs: T[]) => xs[Math.floor(srand() * xs.length)]!;
    const place = sp(PLACES);
    const person = sp(PEOPLE);
    const event = sp(EVENTS);
    const figure = 10 + Math.floor(srand() * 990);
    const hours = 2 + Math.floor(srand() * 8);
    const day = 1 + (story % 27);
    const outlet = pick(OUTLETS);
    const sentences = [
      `The ${event} in ${place} (story ${story}) drew wide attention on Monday, officials in ${place} said.`,
      `${person} ${pick(VERBS)} that about ${figure} people were affected and that the response lasted nearly ${hours} hours.`,
      `"We will keep working until the people of ${place} are safe," ${person.split(' ')[1]} said.`,
      `Residents of ${place} described the ${event.split(' ').slice(0, 2).join(' ')} as the worst in years, and ${pick(OUTLETS)} reported similar accounts.`,
      `Officials expect a further statement on ${['Tuesday', 'Wednesday', 'Thursday', 'Friday'][Math.floor(rand() * 4)]}, according to a spokesperson for ${place}.`,
      `Article ${i} of the synthetic stream carries reference ${Math.floor(rand() * 1e9).toString(36)}.`,
    ];
    out.push({
      id: `syn-${i}`,
      story,
      outlet,
      title: `${event[0]!.toUpperCase()}${event.slice(1)} in ${place}`,
      published: `2026-04-${String(day).padStart(2, '0')}T${String(8 + (i % 10)).padStart(2, '0')}:00:00Z`,
      text: sentences.join('\n\n'),
    });
  }
  return out;
}

export function toJsonl(articles: SyntheticArticle[]): string {
  return articles.map(({ story: _story, ...a }) => JSON.stringify(a)).join('\n') + '\n';
}
