/** Stories from a stream of articles. */
import type { Article, Duplicate } from '../model/index.ts';

export interface StoryGroup {
  id: string;
  title: string;
  keywords: string[];
  articles: string[];
}

// PLACEHOLDER until the clustering work lands: one story of everything.
export function clusterArticles(articles: Article[], _duplicates: Duplicate[]): StoryGroup[] {
  return articles.length
    ? [{ id: 's1', title: articles[0]!.meta.title ?? '', keywords: [], articles: articles.map((a) => a.id) }]
    : [];
}
