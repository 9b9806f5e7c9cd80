/** Stories from a stream of articles. */
import type { Article, Duplicate } from '../model/index.ts';
import { type ClusterOptions, StoryClusterer } from './engine.ts';

export { type ClusterOptions, type SerializedClusterer, StoryClusterer } from './engine.ts';

/**
 * Where each story went after merges: a story folded into another (itself perhaps folded later) answers
 * with the one that survived. Merges always fold the younger story into the older, so chains end.
 */
export function followMerges(merges: { from: string; into: string }[]): (story: string) => string {
  const into = new Map(merges.map(({ from, into }) => [from, into]));
  return (story) => {
    let s = story;
    while (into.has(s)) s = into.get(s)!;
    return s;
  };
}

export interface StoryGroup {
  id: string;
  title: string;
  keywords: string[];
  articles: string[];
}

/** Clusters articles in stream order (by publication time where known); copies join their original. */
export function clusterArticles(
  articles: Article[],
  duplicates: Duplicate[],
  options: ClusterOptions = {},
): StoryGroup[] {
  const clusterer = new StoryClusterer(options);
  const copyOf = new Map<string, string>();
  for (const d of duplicates) {
    const original = d.original ?? d.a;
    const copy = original === d.a ? d.b : d.a;
    if (!copyOf.has(copy)) copyOf.set(copy, original);
  }
  const time = (a: Article) => Date.parse(a.meta.published ?? '') || Number.POSITIVE_INFINITY;
  const ordered = articles.map((a, i) => ({ a, i })).sort((x, y) => time(x.a) - time(y.a) || x.i - y.i);
  // Originals go first so that a copy always finds its original's story.
  const byId = new Map(articles.map((a) => [a.id, a]));
  // The clusterer itself remembers only each story's latest articles, so the assignment is kept here (and
  // brought up to date with the merges afterwards).
  const storyOf = new Map<string, string>();
  const place = (a: Article) => {
    if (storyOf.has(a.id)) return;
    const original = copyOf.get(a.id);
    if (original && !storyOf.has(original)) {
      const o = byId.get(original);
      if (o) place(o);
    }
    storyOf.set(a.id, clusterer.add(a, original));
  };
  for (const { a } of ordered) place(a);
  // Stories merged after some of their articles were placed hand those articles to the survivor.
  const final = followMerges(clusterer.takeMerges());
  for (const [id, s] of storyOf) storyOf.set(id, final(s));
  const groups = new Map<string, string[]>();
  for (const a of articles) {
    const s = storyOf.get(a.id)!;
    const group = groups.get(s);
    if (group) group.push(a.id);
    else groups.set(s, [a.id]);
  }
  return [...groups].map(([id, ids]) => {
    const members = ids.map((x) => byId.get(x)!);
    // The story is named after the article others copied most, else its earliest article.
    const copied = new Map<string, number>();
    for (const original of copyOf.values())
      if (ids.includes(original)) copied.set(original, (copied.get(original) ?? 0) + 1);
    const mostCopied = [...copied].sort((a, b) => b[1] - a[1])[0]?.[0];
    const first =
      members.find((m) => m.id === mostCopied) ?? [...members].sort((x, y) => time(x) - time(y))[0]!;
    return {
      id,
      title: first.meta.title ?? clusterer.title(id),
      keywords: clusterer.keywords(id),
      articles: ids,
    };
  });
}
