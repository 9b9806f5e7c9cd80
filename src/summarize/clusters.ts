/**
 * Summarising clusters given as plain documents (`{"id","documents":[{"doc_id","text"}]}`): each document
 * becomes an article through the same pipeline as everything else, then the story engine summarises it.
 */
import { compareStory } from '../compare/index.ts';
import type { Article, SummarySentence } from '../model/index.ts';
import { prepareArticle } from '../pipeline/index.ts';
import { type SummaryOptions, summarizeStory } from './index.ts';

export interface Cluster {
  id: string;
  documents: { doc_id: string; text: string }[];
}

export function clusterArticles(cluster: Cluster): Article[] {
  return cluster.documents
    .filter((d) => typeof d.text === 'string' && d.text.trim())
    .map((d, i) =>
      prepareArticle(
        { id: d.doc_id ?? `d${i}`, source: {}, format: 'text', content: d.text, meta: {} },
        { id: String(d.doc_id ?? `d${i}`) },
      ),
    );
}

export function summarizeCluster(
  cluster: Cluster,
  options: SummaryOptions = {},
): { articles: Article[]; summary: SummarySentence[] } {
  const articles = clusterArticles(cluster);
  const { facts, quotes } = compareStory(articles);
  return { articles, summary: summarizeStory({ articles, facts, quotes }, options) };
}
