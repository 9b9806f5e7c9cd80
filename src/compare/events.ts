/**
 * One event told by several outlets, and what each says of one of its attributes (its date, its place).
 * Sentences that carry the attribute are matched across outlets by their other words; each group of
 * matched sentences becomes a fact whose values are compared exactly, as intervals: values that do not
 * overlap cannot both be true, and the fact is a conflict naming the outlets on each side.
 */
import type { Fact, FactValue } from '../model/index.ts';
import { compatibleSides } from './facts.ts';
import { type BagVector, bagVector, type Idf, vectorCosine } from './words.ts';

export interface EventMention {
  value: FactValue;
  /** The sentence's content words, without the attribute itself. */
  words: string[];
}

export interface EventMatching {
  minCosine: number;
  minSharedWords: number;
}

function shared(a: string[], b: string[]): string[] {
  const set = new Set(a);
  return [...new Set(b.filter((w) => set.has(w)))];
}

/** Groups mentions of one event across outlets and makes a fact of each group that several outlets tell. */
export function eventFacts(
  mentions: EventMention[],
  idf: Idf,
  matching: EventMatching,
  kind: { dimension: string; unit: string; firstId: number },
): Fact[] {
  // Each mention is compared with every member of the groups that could take it: a member must share
  // `minSharedWords` of its words (and a positive cosine needs one), so a group whose members together
  // share fewer is passed over unvisited. Members carry their vectors, and groups the articles they hold,
  // so that the comparisons do no lookups.
  const groups: {
    members: EventMention[];
    vectors: BagVector[];
    articles: Set<string>;
    words: Set<string>;
  }[] = [];
  const groupsWithWord = new Map<string, number[]>();
  const sharedCount: number[] = [];
  // A positive cosine needs a shared word: with a threshold above 0 nothing else can win.
  const need = matching.minCosine > 0 ? Math.max(1, matching.minSharedWords) : 0;
  for (const item of mentions) {
    let best: (typeof groups)[number] | undefined;
    let bestIndex = -1;
    let bestScore = matching.minCosine;
    const vector = bagVector(item.words, idf);
    const itemWords = new Set(item.words);
    let reachable: number[];
    if (need === 0) reachable = groups.map((_, i) => i);
    else {
      reachable = [];
      for (const w of itemWords)
        for (const g of groupsWithWord.get(w) ?? []) if (++sharedCount[g]! === need) reachable.push(g);
      for (const w of itemWords) for (const g of groupsWithWord.get(w) ?? []) sharedCount[g] = 0;
      // In the order the groups were made, as every group used to be visited: a later one wins a tie.
      reachable.sort((a, b) => a - b);
    }
    for (const index of reachable) {
      const g = groups[index]!;
      if (g.articles.has(item.value.article)) continue;
      let score = 0;
      for (let k = 0; k < g.members.length; k++) {
        const cosine = vectorCosine(g.vectors[k]!, vector);
        // The cheap cosine first; the shared-word count only for a pair that could win.
        if (
          cosine > score &&
          cosine >= bestScore &&
          shared(g.members[k]!.words, item.words).length >= matching.minSharedWords
        )
          score = cosine;
      }
      if (score >= bestScore) {
        best = g;
        bestIndex = index;
        bestScore = score;
      }
    }
    if (!best) {
      best = { members: [], vectors: [], articles: new Set(), words: new Set() };
      bestIndex = groups.push(best) - 1;
      sharedCount.push(0);
    }
    for (const w of itemWords)
      if (!best.words.has(w)) {
        best.words.add(w);
        const list = groupsWithWord.get(w);
        if (list) list.push(bestIndex);
        else groupsWithWord.set(w, [bestIndex]);
      }
    best.members.push(item);
    best.vectors.push(vector);
    best.articles.add(item.value.article);
  }
  return groups
    .map((g) => g.members)
    .filter((g) => new Set(g.map((i) => i.value.outlet ?? i.value.article)).size > 1)
    .map((g, n) => {
      const values = g.map((i) => i.value);
      // Days and places are exact: no rounding tolerance, unlike figures.
      const sides = compatibleSides(values, 0);
      const counts = new Map<string, number>();
      for (const i of g) for (const w of new Set(i.words)) counts.set(w, (counts.get(w) ?? 0) + 1);
      const label = [...counts].sort((a, b) => b[1] - a[1] || idf.weight(b[0]) - idf.weight(a[0]))[0]?.[0];
      return {
        id: `f${kind.firstId + n}`,
        measure: label ? `${kind.dimension} of ${label}` : kind.dimension,
        unit: kind.unit,
        dimension: kind.dimension,
        status: sides.length > 1 ? 'conflict' : 'agree',
        values,
        ...(sides.length > 1 ? { sides } : {}),
      } satisfies Fact;
    });
}
