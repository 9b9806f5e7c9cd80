/**
 * The whole pipeline in memory: inputs → articles → copies → stories → per-story comparison, summary
 * and timeline. Pure apart from reading the inputs; the CLI and server render the returned `Analysis`.
 */
import { clusterArticles, type StoryGroup } from '../cluster/index.ts';
import { compareStory } from '../compare/index.ts';
import type { InputProblem, ReadOptions } from '../ingest/index.ts';
import { readInputs } from '../ingest/index.ts';
import type { Article, Duplicate, Reuse, Story } from '../model/index.ts';
import { detectReuse } from '../reuse/index.ts';
import type { SummaryOptions } from '../summarize/index.ts';
import { buildTimeline, summarizeStory } from '../summarize/index.ts';
import { prepareArticle } from './prepare.ts';

export interface Analysis {
  articles: Article[];
  stories: Story[];
  duplicates: Duplicate[];
  reuse: Reuse[];
  problems: InputProblem[];
}

export interface LoadOptions extends ReadOptions {
  textOnly?: boolean;
  onArticle?: (article: Article, index: number) => void;
}

/** Reads and prepares every input; ids are made unique so that citations are unambiguous. */
export async function loadArticles(
  inputs: string[],
  options: LoadOptions = {},
): Promise<{ articles: Article[]; problems: InputProblem[] }> {
  const problems: InputProblem[] = [];
  const onProblem = (p: InputProblem) => {
    problems.push(p);
    options.onProblem?.(p);
  };
  const articles: Article[] = [];
  const seen = new Set<string>();
  for await (const doc of readInputs(inputs, { ...options, onProblem })) {
    const base = (doc.id ?? `article-${articles.length + 1}`).trim() || `article-${articles.length + 1}`;
    let id = base;
    for (let n = 2; seen.has(id); n++) id = `${base}-${n}`;
    seen.add(id);
    try {
      const article = prepareArticle(doc, { id, textOnly: options.textOnly });
      articles.push(article);
      options.onArticle?.(article, articles.length - 1);
    } catch (error) {
      onProblem({
        input: doc.source.path ?? doc.source.url ?? id,
        message: `could not be processed: ${(error as Error).message}`,
      });
    }
  }
  return { articles, problems };
}

export interface AnalyzeOptions {
  summary?: SummaryOptions;
}

/** One story's findings: comparison of its outlets, then the cited summary and timeline standing on it. */
export function buildStory(
  group: StoryGroup,
  articles: Article[],
  _duplicates: Duplicate[] = [],
  options: AnalyzeOptions = {},
): Story {
  const comparison = compareStory(articles);
  const input = { articles, facts: comparison.facts, quotes: comparison.quotes };
  return {
    id: group.id,
    title: group.title,
    keywords: group.keywords,
    articles: group.articles,
    ...comparison,
    summary: summarizeStory(input, options.summary),
    timeline: buildTimeline(input),
  };
}

/** Cross-article stages over prepared articles. */
export function analyzeArticles(
  articles: Article[],
  options: AnalyzeOptions = {},
): Omit<Analysis, 'problems'> {
  const usable = articles.filter((a) => a.text.trim());
  const { duplicates, reuse } = detectReuse(usable);
  const groups = clusterArticles(usable, duplicates);
  const byId = new Map(usable.map((a) => [a.id, a]));
  const stories = groups.map((group) => {
    const members = group.articles.map((id) => byId.get(id)).filter((a): a is Article => !!a);
    const copies = duplicates.filter((d) => group.articles.includes(d.a));
    return buildStory(group, members, copies, options);
  });
  return { articles, stories, duplicates, reuse };
}

export async function analyze(
  inputs: string[],
  options: AnalyzeOptions & LoadOptions = {},
): Promise<Analysis> {
  const { articles, problems } = await loadArticles(inputs, options);
  return { ...analyzeArticles(articles, options), problems };
}
