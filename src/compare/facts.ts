/**
 * Fact alignment: quantities that measure the same thing across outlets. Candidates must share dimension
 * and unit; among them, values join one fact when their measured noun and the words around them agree
 * (IDF-weighted, so a story's common words do not glue unrelated figures together). Agreement is then
 * judged with interval logic: hedged values are intervals, so "nearly six hours" and "more than five
 * hours" agree, while "roughly 3-1/2 hours" cannot be true with either — a conflict, with the outlets on
 * each side named. Two outlets conflict only when none of their figures for the fact can be the same and
 * they do not both give both figures; digits that count nothing (addresses, tallies, clock times) are
 * never figures.
 */
import type { Article, Fact, FactValue, Quantity } from '../model/index.ts';
import { sortByScoreDescending } from './order.ts';
import { outletOf } from './outlet.ts';
import { type BagVector, bagVector, contentWords, type Idf, vectorCosine } from './words.ts';

// Unhedged figures in news are rounded; a value is taken to stand for this much either side.
const ROUNDING = 0.02;
const SAME_FACT = 0.4;

interface Item {
  value: FactValue;
  quantity: Quantity;
  measure: string;
  context: string[];
  /** What happened to the counted (killed, injured, evacuated, …), from the nearest event word. */
  event: string | null;
  /** A span of time that dates something ("four years ago", "seven hours after") rather than lasting. */
  moment: boolean;
}

/** The measured noun's head, singular: "negotiations" → "negotiation". */
function measureKey(measure: string): string {
  const words = measure.toLowerCase().match(/[\p{L}]+/gu) ?? [];
  const head = words[words.length - 1] ?? '';
  return head.length > 3 ? head.replace(/ies$/, 'y').replace(/(?<=[^s])s$/, '') : head;
}

function sentenceAround(article: Article, q: Quantity): { start: number; end: number } {
  return (
    article.annotations.sentences.find((s) => s.start <= q.start && q.end <= s.end) ?? {
      start: q.start,
      end: q.end,
    }
  );
}

// Words this close to a figure describe it; a sentence can hold two figures about different things
// ("killed 12 and injured 45"), so the whole sentence would blur them.
const CONTEXT_WORDS = 7;

function localContext(article: Article, q: Quantity): string[] {
  const sentence = sentenceAround(article, q);
  const before = contentWords(article.text.slice(sentence.start, q.start)).slice(-CONTEXT_WORDS);
  const after = contentWords(article.text.slice(q.end, sentence.end)).slice(0, CONTEXT_WORDS);
  return [...before, ...after].filter((w) => !/^\d/.test(w));
}

// News counts are most often of what happened to people; one event word next to a figure says which
// count it is, however the outlets phrase the rest ("injured 45 others", "45 were taken to hospital").
const EVENTS: [string, RegExp][] = [
  ['killed', /^(killed|killing|died|dead|deaths?|fatalit(y|ies)|lives|perished|bodies)$/],
  ['injured', /^(injured|injuring|injuries|wounded|hurt|stabbed|hospitali[sz]ed|hospital|casualties)$/],
  ['evacuated', /^(evacuated|evacuation|displaced|fled|homeless|moved)$/],
  ['arrested', /^(arrested|arrests|detained|detentions|custody|charged|booked)$/],
  ['missing', /^(missing|unaccounted)$/],
  ['rescued', /^(rescued|saved)$/],
];
const EVENT_REACH = 60;

function eventOf(article: Article, q: Quantity): string | null {
  const sentence = sentenceAround(article, q);
  let best: { event: string; distance: number } | null = null;
  const consider = (from: number, to: number, distanceOf: (index: number, length: number) => number) => {
    const slice = article.text.slice(from, to);
    for (const m of slice.matchAll(/\p{L}+/gu)) {
      const word = m[0].toLowerCase();
      const event = EVENTS.find(([, re]) => re.test(word))?.[0];
      if (!event) continue;
      const distance = distanceOf(m.index!, word.length);
      if (distance <= EVENT_REACH && (!best || distance < best.distance)) best = { event, distance };
    }
  };
  const before = Math.max(sentence.start, q.start - EVENT_REACH);
  consider(before, q.start, (i, n) => q.start - (before + i + n));
  consider(q.end, Math.min(sentence.end, q.end + EVENT_REACH), (i) => i);
  return (best as { event: string } | null)?.event ?? null;
}

// Outlets name one measured thing differently; these count as the same measure.
const SYNONYMS: string[][] = [
  ['talk', 'negotiation', 'meeting', 'discussion', 'session'],
  ['observer', 'monitor', 'inspector'],
  ['people', 'person', 'resident', 'citizen', 'civilian', 'worker', 'individual', 'other'],
  ['death', 'dead', 'fatality', 'victim'],
  ['troop', 'soldier'],
];
const SYNONYM_OF = new Map(SYNONYMS.flatMap((group) => group.map((w) => [w, group[0]!] as const)));

function measureSimilarity(a: string, b: string): number {
  if (!a || !b) return 0.4;
  if (a === b) return 1;
  return SYNONYM_OF.get(a) && SYNONYM_OF.get(a) === SYNONYM_OF.get(b) ? 0.8 : 0;
}

/**
 * Digits that are part of something other than an amount: a tally or score ("51-47", "443 to 1"), one
 * end of a range read alone ("ages 20 to 29", "2-3 inches"), a clock time ("10:33"), a date ("2007-09"),
 * a street address ("50 Broadway", "the 3300 block of") or a name ("Route 66", "Flight 370", "p. 7").
 * They count nothing, so setting them against another outlet's figures only invents disputes. A change
 * ("from 64 to 67") is two amounts and stays.
 */
const JOINED_BEFORE = /\d\s?[-–—:/]\s?$|\d\s+to\s+$/i;
const JOINED_AFTER = /^\s?[-–—:/]\s?\d|^\s+to\s+\d/i;
const CHANGE = /\bfrom\s+[$£€]?[\d.,]+\s+to\s+$|\bfrom\s+$/i;
const STREET =
  /^\s+(?:block\b|(?:[A-Z][a-z]+\s+){1,3}(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.|Drive|Lane|Place|Parkway|Highway)\b|Broadway\b)/;
const NAMED =
  /\b(?:route|interstate|highway|flight|room|suite|apartment|apt\.|no\.|number|chapter|section|article|page|pp?\.|exit|gate|pier|channel)\s+$/i;

function countsSomething(text: string, q: Quantity): boolean {
  const before = text.slice(Math.max(0, q.start - 30), q.start);
  const after = text.slice(q.end, q.end + 40);
  // Number words ("ten", "a dozen") are written out only for amounts.
  if (!/\d/.test(text.slice(q.start, q.end))) return true;
  if (STREET.test(after) || NAMED.test(before)) return false;
  if (CHANGE.test(before)) return true;
  return !(JOINED_BEFORE.test(before) || JOINED_AFTER.test(after));
}

/**
 * "Four years ago", "two decades later", "seven hours after contact was lost": the span places something
 * in time; "burned for nine hours before it was contained" is how long something lasted.
 */
function isMoment(text: string, q: Quantity): boolean {
  const after = text.slice(q.end, q.end + 12);
  if (/^[\s']*(?:ago|later|earlier|from now)\b/i.test(after)) return true;
  return (
    /^[\s']*(?:after|before|since|prior)\b/i.test(after) &&
    !/\bfor\s*$/i.test(text.slice(Math.max(0, q.start - 12), q.start))
  );
}

function items(articles: Article[]): Item[] {
  const out: Item[] = [];
  for (const article of articles) {
    for (const q of article.annotations.quantities) {
      if (!countsSomething(article.text, q)) continue;
      out.push({
        value: {
          article: article.id,
          start: q.start,
          end: q.end,
          text: article.text.slice(q.start, q.end),
          low: q.low,
          high: q.high,
          outlet: outletOf(article),
        },
        quantity: q,
        measure: measureKey(q.measure),
        context: localContext(article, q),
        event: q.dimension === 'count' ? eventOf(article, q) : null,
        moment: q.dimension === 'duration' && isMoment(article.text, q),
      });
    }
  }
  return out;
}

function overlapping(a: FactValue, b: FactValue): boolean {
  return (
    a.low * (1 - ROUNDING) <= b.high * (1 + ROUNDING) && b.low * (1 - ROUNDING) <= a.high * (1 + ROUNDING)
  );
}

/**
 * How likely two figures measure the same thing: the measured noun, the words around each figure, and
 * (weakly) whether the values agree — weakly, so a contradicting figure about the same thing still joins
 * and is caught as a conflict.
 */
function similarity(a: Item, b: Item, contextA: BagVector, contextB: BagVector): number {
  const context = vectorCosine(contextA, contextB);
  const magnitude = Math.max(a.value.high, b.value.high) / Math.max(Math.min(a.value.low, b.value.low), 1e-9);
  return (
    0.4 * measureSimilarity(a.measure, b.measure) +
    0.4 * context +
    (overlapping(a.value, b.value) ? 0.2 : 0) -
    (magnitude > 20 ? 0.3 : 0) +
    (a.event && b.event ? (a.event === b.event ? 0.3 : -0.6) : 0)
  );
}

/** Groups of outlets whose values can all be true together (greedy sweep over sorted intervals). */
export function compatibleSides(
  values: FactValue[],
  rounding = ROUNDING,
): { outlets: string[]; low: number; high: number }[] {
  const sorted = [...values].sort((a, b) => a.low - b.low || a.high - b.high);
  const sides: { outlets: string[]; low: number; high: number }[] = [];
  for (const v of sorted) {
    const low = v.low * (1 - rounding);
    const high = v.high * (1 + rounding);
    const side = sides.find((s) => low <= s.high && s.low <= high);
    const outlet = v.outlet ?? v.article;
    if (side) {
      side.low = Math.max(side.low, low);
      side.high = Math.min(side.high, high);
      if (!side.outlets.includes(outlet)) side.outlets.push(outlet);
    } else sides.push({ outlets: [outlet], low, high });
  }
  return sides;
}

function labelOf(group: Item[]): string {
  const counts = new Map<string, number>();
  for (const i of group)
    if (i.quantity.measure) counts.set(i.quantity.measure, (counts.get(i.quantity.measure) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  return best?.[0] ?? group[0]!.quantity.dimension;
}

/** Whether an article has a figure in each cluster that cannot be the same value. */
function clashes(a: Map<string, FactValue[]>, b: Map<string, FactValue[]>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const [article, values] of small) {
    const others = large.get(article);
    if (others?.some((x) => values.some((y) => !overlapping(x, y)))) return true;
  }
  return false;
}

/**
 * Average-linkage clustering within each dimension and unit, merging the most similar pairs first, so
 * that an article's two figures (say "from 64 to 67") each go to the fact they match best rather than to
 * whichever came first.
 */
function cluster(items: Item[], idf: Idf): Item[][] {
  const buckets = new Map<string, number[]>();
  items.forEach((item, i) => {
    const key = `${item.quantity.dimension}|${item.quantity.unit}`;
    const bucket = buckets.get(key);
    if (bucket) bucket.push(i);
    else buckets.set(key, [i]);
  });
  // Keyed by each cluster's first item, in item order, which is the order the facts come out in.
  const members = new Map<number, number[]>(items.map((_, i) => [i, [i]]));
  // Each cluster's values by article, for the rule below that one article's different figures never merge.
  const byArticle = new Map<number, Map<string, FactValue[]>>(
    items.map((item, i) => [i, new Map([[item.value.article, [item.value]]])]),
  );
  // Clusters never span buckets, so each bucket is clustered on its own, with positions in the bucket.
  for (const indexes of buckets.values()) {
    const m = indexes.length;
    const contexts = indexes.map((i) => bagVector(items[i]!.context, idf));
    const clusterOf = Int32Array.from({ length: m }, (_, x) => x);
    // Summed pair scores between clusters, kept up to date through merges (a merged cluster's sum with a
    // third is the sum of its parts'), so average linkage costs one read instead of a pass over every
    // pair of members: a big story's figures form large clusters.
    const links = new Float64Array(m * m);
    // Candidate merges as positions in the matrix (x * m + y, x < y), so that a big bucket's hundreds of
    // thousands of pairs are numbers in one array rather than objects.
    const candidates = new Uint32Array((m * (m - 1)) / 2);
    let count = 0;
    for (let x = 0; x < m; x++)
      for (let y = x + 1; y < m; y++) {
        const score = similarity(items[indexes[x]!]!, items[indexes[y]!]!, contexts[x]!, contexts[y]!);
        links[x * m + y] = score;
        links[y * m + x] = score;
        if (score >= SAME_FACT) candidates[count++] = x * m + y;
      }
    // Most similar first; equal scores in the order the pairs were found (positions ascend with it).
    const found = candidates.subarray(0, count);
    const scores = new Float64Array(count);
    for (let i = 0; i < count; i++) scores[i] = links[found[i]!]!;
    const pairs = sortByScoreDescending(found, scores);
    // Whether two clusters clash, remembered with their sizes: the answer holds until either grows.
    const clashed = new Map<number, number>();
    for (const pair of pairs) {
      const ca = clusterOf[Math.floor(pair / m)]!;
      const cb = clusterOf[pair % m]!;
      if (ca === cb) continue;
      const ma = members.get(indexes[ca]!)!;
      const mb = members.get(indexes[cb]!)!;
      if (links[ca * m + cb]! / (ma.length * mb.length) < SAME_FACT) continue;
      // Two different figures for one measure in one article are two things (old and new retirement age,
      // police and organisers' counts given as separate claims): they never share a fact.
      const key = Math.min(ca, cb) * m + Math.max(ca, cb);
      const sizes = ma.length * (m + 1) + mb.length;
      if (clashed.get(key) === sizes) continue;
      if (clashes(byArticle.get(indexes[ca]!)!, byArticle.get(indexes[cb]!)!)) {
        clashed.set(key, sizes);
        continue;
      }
      for (let x = 0; x < m; x++) if (clusterOf[x] === cb) clusterOf[x] = ca;
      ma.push(...mb);
      members.delete(indexes[cb]!);
      // Rows of clusters merged away are left stale: nothing reads them again.
      for (let c = 0; c < m; c++) {
        const merged = links[ca * m + c]! + links[cb * m + c]!;
        links[ca * m + c] = merged;
        links[c * m + ca] = merged;
      }
      const values = byArticle.get(indexes[ca]!)!;
      for (const [article, vs] of byArticle.get(indexes[cb]!)!)
        values.set(article, [...(values.get(article) ?? []), ...vs]);
      byArticle.delete(indexes[cb]!);
    }
  }
  const groups = [...members.values()].map((m) => m.map((i) => items[i]!));
  const order = new Map(items.map((item, i) => [item, i]));
  return attachStrays(groups).map((g) => g.sort((x, y) => order.get(x)! - order.get(y)!));
}

/**
 * A figure one outlet frames in its own words ("secured a historic agreement after roughly 3-1/2 hours
 * of talks") shares little context with the others, yet it is the same fact when the story has exactly
 * one multi-outlet fact it could be: same dimension and unit, a compatible measure, a similar magnitude.
 * Leaving it out would hide exactly the conflicts worth seeing.
 */
function attachStrays(groups: Item[][]): Item[][] {
  const shared = groups.filter((g) => new Set(g.map((i) => i.value.article)).size > 1);
  const out: Item[][] = [];
  for (const g of groups) {
    if (g.length !== 1 || shared.includes(g)) {
      out.push(g);
      continue;
    }
    const stray = g[0]!;
    const candidates = shared.filter((fact) => {
      const head = fact[0]!;
      if (head.quantity.dimension !== stray.quantity.dimension || head.quantity.unit !== stray.quantity.unit)
        return false;
      if (fact.some((i) => i.value.article === stray.value.article)) return false;
      // A count of something else that happened (troops wounded, not soldiers killed) is another fact.
      if (stray.event && fact.some((i) => i.event && i.event !== stray.event)) return false;
      // "Four years ago" and "three years after the crisis" date different things from different days.
      if (stray.moment || fact.every((i) => i.moment)) return false;
      if (
        !fact.some(
          (i) => measureSimilarity(i.measure, stray.measure) >= 0.8 || (!stray.measure && !i.measure),
        )
      )
        return false;
      const values = fact.map((i) => i.value);
      const low = Math.min(...values.map((v) => v.low));
      const high = Math.max(...values.map((v) => v.high));
      return stray.value.high <= high * 20 && stray.value.low * 20 >= low;
    });
    if (candidates.length === 1) candidates[0]!.push(stray);
    else out.push(g);
  }
  return out;
}

const outletKey = (v: FactValue) => v.outlet ?? v.article;

/**
 * The pairs of outlets that contradict each other on a fact: none of one's figures for it can be any of
 * the other's. An outlet giving two figures ("as many as 22", and 17 elsewhere) is not contradicted by
 * another giving one of them; the sides it straddles come from its own figures, not from a dispute.
 */
function contradictions(values: FactValue[]): [FactValue[], FactValue[]][] {
  const byOutlet = new Map<string, FactValue[]>();
  for (const v of values) {
    const list = byOutlet.get(outletKey(v));
    if (list) list.push(v);
    else byOutlet.set(outletKey(v), [v]);
  }
  const outlets = [...byOutlet.values()];
  const out: [FactValue[], FactValue[]][] = [];
  for (let i = 0; i < outlets.length; i++)
    for (let j = i + 1; j < outlets.length; j++)
      if (!outlets[i]!.some((x) => outlets[j]!.some((y) => overlapping(x, y))))
        out.push([outlets[i]!, outlets[j]!]);
  return out;
}

export function alignFacts(articles: Article[], idf: Idf): Fact[] {
  const all = items(articles);
  // Every figure each outlet gives, by dimension and unit.
  const reported = new Map<string, FactValue[]>();
  for (const i of all) {
    const key = `${outletKey(i.value)}|${i.quantity.dimension}|${i.quantity.unit}`;
    const list = reported.get(key);
    if (list) list.push(i.value);
    else reported.set(key, [i.value]);
  }
  // Two outlets that each also give the other's figure (a 20-year-old and his 4-year-old brother, in
  // both) report the same figures and only pair them with different words: no dispute.
  const alsoGives = (outlet: FactValue[], other: FactValue[], dimension: string, unit: string) =>
    (reported.get(`${outletKey(outlet[0]!)}|${dimension}|${unit}`) ?? []).some((x) =>
      other.some((y) => overlapping(x, y)),
    );
  const groups = cluster(all, idf);
  return groups.map((g, n) => {
    const values = g.map((i) => i.value);
    const sides = compatibleSides(values);
    const { dimension, unit } = g[0]!.quantity;
    const disputed =
      sides.length > 1 &&
      contradictions(values).some(
        ([a, b]) => !(alsoGives(a, b, dimension, unit) && alsoGives(b, a, dimension, unit)),
      );
    const status: Fact['status'] =
      new Set(values.map((v) => v.article)).size < 2 ? 'single' : disputed ? 'conflict' : 'agree';
    const head = g[0]!.quantity;
    return {
      id: `f${n + 1}`,
      measure: labelOf(g),
      unit: head.unit,
      dimension: head.dimension,
      status,
      values,
      ...(status === 'conflict' ? { sides } : {}),
    };
  });
}
