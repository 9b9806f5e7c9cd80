/**
 * One article from raw bytes to an annotated `Article`: extraction (HTML) or cleaning (plain text),
 * metadata merged (what the input states beats what the page suggests), then the language layers in
 * dependency order — sentences before entities, entities before quotes (speakers resolve to entities).
 */
import { cleanText } from '../clean/index.ts';
import type { Extraction } from '../extract/index.ts';
import { extractHtml } from '../extract/index.ts';
import type { RawDocument } from '../ingest/index.ts';
import type { Article, ArticleMeta } from '../model/index.ts';
import { createArticle } from '../model/index.ts';
import { findDates, findEntities, findQuantities, findQuotes, segment } from '../nlp/index.ts';
import { detectLanguage } from './language.ts';

export interface PrepareOptions {
  id?: string;
  /** Skip the entity, quote, quantity and date layers (for bulk jobs that only need text). */
  textOnly?: boolean;
}

function definedOnly(meta: ArticleMeta): ArticleMeta {
  return Object.fromEntries(
    Object.entries(meta).filter(([, v]) => v !== undefined && v !== ''),
  ) as ArticleMeta;
}

function guessTitle(article: Article, extraction: Extraction): string | undefined {
  const heading = extraction.blocks.find((b) => b.kind === 'heading');
  if (heading) return article.text.slice(heading.start, heading.end);
  const first = article.annotations.paragraphs[0];
  if (!first) return undefined;
  const line = article.text.slice(first.start, first.end);
  // A scrape's first line is its headline when it is short and not a sentence.
  return line.length <= 160 && !/[.!?:"\u201d]$/.test(line) && article.annotations.paragraphs.length > 1
    ? line
    : undefined;
}

/** The site's host name as the outlet when nothing better is known: `www.example.org` → `example.org`. */
export function outletFromUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

export function extractDocument(doc: RawDocument): Extraction {
  return doc.format === 'html'
    ? extractHtml(doc.content, { url: doc.source.url ?? doc.meta.url })
    : cleanText(doc.content);
}

export function prepareArticle(doc: RawDocument, options: PrepareOptions = {}): Article {
  const extraction = extractDocument(doc);
  const meta: ArticleMeta = { ...definedOnly(extraction.meta), ...definedOnly(doc.meta) };
  const article = createArticle({
    id: options.id ?? doc.id ?? 'article',
    text: extraction.text,
    source: doc.source,
    meta,
    removed: extraction.removed,
    flags: extraction.flags,
  });
  const layers = article.annotations;
  layers.blocks = extraction.blocks;
  layers.captions = extraction.blocks
    .filter((b) => b.kind === 'caption')
    .map(({ start, end }) => ({ start, end }));
  for (const caption of extraction.captions) article.removed.push({ text: caption, reason: 'caption' });
  Object.assign(layers, segment(article));
  meta.title ??= guessTitle(article, extraction);
  meta.outlet ??= outletFromUrl(meta.url ?? doc.source.url);
  meta.language ??= detectLanguage(article.text);
  if (!article.text.trim()) {
    article.messages.push({
      stage: 'extract',
      level: 'warning',
      text: `no article text (${article.flags.join(', ') || 'empty'})`,
    });
    return article;
  }
  if (!options.textOnly) annotateLanguage(article);
  return article;
}

/** The language layers, in dependency order: entities before quotes, whose speakers resolve to them. */
export function annotateLanguage(article: Article): Article {
  const layers = article.annotations;
  if (layers.sentences.length === 0) Object.assign(layers, segment(article));
  layers.entities = findEntities(article);
  layers.quotes = findQuotes(article);
  layers.quantities = findQuantities(article);
  layers.dates = findDates(article);
  return article;
}
