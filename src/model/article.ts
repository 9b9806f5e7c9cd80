/**
 * The one document model. An `Article` is an article's cleaned text plus annotation layers, each a list
 * of spans into that text. Every stage is a function that reads an Article and adds to its layers; only
 * the edges (CLI, server, store) do I/O. Like a vfile, the article carries the messages stages leave.
 */
import type { Span } from './span.ts';

export type EntityType = 'person' | 'organization' | 'place' | 'other';

export interface ArticleMeta {
  title?: string;
  outlet?: string;
  byline?: string;
  /** ISO 8601 date or date-time. */
  published?: string;
  modified?: string;
  /** BCP 47 primary language subtag, e.g. `en`. */
  language?: string;
  url?: string;
  canonicalUrl?: string;
}

/** Where an article came from: a file path (with the line for JSON Lines), a URL, or stdin. */
export interface ArticleSource {
  path?: string;
  url?: string;
  line?: number;
}

/** Text that cleaning took out, kept so that nothing disappears silently. */
export interface Removal {
  text: string;
  reason: string;
}

export interface Message {
  stage: string;
  level: 'info' | 'warning' | 'error';
  text: string;
}

/** A structural block of the cleaned text: what extraction kept. */
export interface Block extends Span {
  kind: 'heading' | 'paragraph' | 'list' | 'quote' | 'table' | 'caption';
}

export interface Entity {
  /** Unique within the article, e.g. `e3`. */
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  mentions: Span[];
  /** Role descriptors seen with the name, e.g. "Russia's deputy foreign minister". */
  roles?: string[];
}

export interface Quote {
  /**
   * What was said. For a quote split by its own attribution ('"We will talk," she said. "But not today."')
   * this is the hull from the first piece's start to the last piece's end, attribution included: read
   * the words from `parts` (see `quoteParts`).
   */
  content: Span;
  /** The pieces of a split quote, in order; absent when the content is one piece. */
  parts?: Span[];
  speaker: Span | null;
  /** Id of the article entity the speaker resolves to. */
  speakerEntity: string | null;
  cue: Span | null;
  direct: boolean;
}

/** The pieces of a quote's content: its `parts`, or the content itself when it is in one piece. */
export function quoteParts(q: Pick<Quote, 'content' | 'parts'>): Span[] {
  return q.parts ?? [q.content];
}

/** The words of a quote without the attribution that splits it, pieces joined by an ellipsis. */
export function quoteText(text: string, q: Pick<Quote, 'content' | 'parts'>): string {
  return quoteParts(q)
    .map((p) => text.slice(p.start, p.end))
    .join(' … ');
}

export interface Quantity extends Span {
  /** The interval the hedged value stands for: "nearly six hours" is [5.5, 6]. */
  low: number;
  high: number;
  /** The value as written, without hedge. */
  value: number;
  hedge?: string;
  /** Normalised unit, e.g. `hour`, `km`, `USD`, `%`, or `` for a count. */
  unit: string;
  dimension:
    | 'duration'
    | 'age'
    | 'length'
    | 'money'
    | 'percent'
    | 'count'
    | 'mass'
    | 'area'
    | 'speed'
    | 'other';
  /** The measured noun phrase, e.g. "talks" in "six hours of talks". */
  measure: string;
  measureSpan?: Span;
}

export interface DateMention extends Span {
  /** ISO date (YYYY, YYYY-MM or YYYY-MM-DD) when it could be resolved. */
  date: string | null;
  relative: boolean;
  granularity: 'year' | 'month' | 'week' | 'day' | 'time';
}

export interface Annotations {
  blocks: Block[];
  paragraphs: Span[];
  sentences: Span[];
  captions: Span[];
  entities: Entity[];
  quotes: Quote[];
  quantities: Quantity[];
  dates: DateMention[];
}

export interface Article {
  id: string;
  source: ArticleSource;
  meta: ArticleMeta;
  text: string;
  annotations: Annotations;
  removed: Removal[];
  /** Extraction flags: `empty`, `paywall`, `blocked`, `js-shell`, `index-page`, `truncated`, … */
  flags: string[];
  messages: Message[];
}

export function emptyAnnotations(): Annotations {
  return {
    blocks: [],
    paragraphs: [],
    sentences: [],
    captions: [],
    entities: [],
    quotes: [],
    quantities: [],
    dates: [],
  };
}

export function createArticle(init: {
  id: string;
  text: string;
  source?: ArticleSource;
  meta?: ArticleMeta;
  removed?: Removal[];
  flags?: string[];
}): Article {
  return {
    id: init.id,
    source: init.source ?? {},
    meta: init.meta ?? {},
    text: init.text,
    annotations: emptyAnnotations(),
    removed: init.removed ?? [],
    flags: init.flags ?? [],
    messages: [],
  };
}
