/**
 * The JSON contract of `analyze --format json` (schema: `schema/report.schema.json`). Names may be
 * added to, never renamed. Articles are flattened: metadata at the top level beside the text and its
 * annotation layers, so a consumer needs one lookup to check a span.
 */

import type { Article } from '../model/index.ts';
import type { Analysis } from '../pipeline/index.ts';

export const REPORT_VERSION = '1.0';

export function articleJson(a: Article) {
  return {
    id: a.id,
    ...(a.source.path !== undefined ? { path: a.source.path } : {}),
    ...(a.source.url !== undefined || a.meta.url !== undefined ? { url: a.source.url ?? a.meta.url } : {}),
    title: a.meta.title ?? null,
    outlet: a.meta.outlet ?? null,
    byline: a.meta.byline ?? null,
    published: a.meta.published ?? null,
    language: a.meta.language ?? null,
    text: a.text,
    removed: a.removed,
    flags: a.flags,
    paragraphs: a.annotations.paragraphs,
    sentences: a.annotations.sentences,
    blocks: a.annotations.blocks,
    entities: a.annotations.entities,
    quotes: a.annotations.quotes,
    quantities: a.annotations.quantities,
    dates: a.annotations.dates,
    messages: a.messages,
  };
}

export function reportJson(analysis: Analysis, generatedAt = new Date().toISOString()) {
  return {
    version: REPORT_VERSION,
    generatedAt,
    articles: analysis.articles.map(articleJson),
    stories: analysis.stories,
    duplicates: analysis.duplicates,
    reuse: analysis.reuse,
    problems: analysis.problems,
  };
}

export type ReportJson = ReturnType<typeof reportJson>;
