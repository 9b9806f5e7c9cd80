/**
 * Cross-article findings. A `Story` groups articles; every finding inside it cites `{article, start, end}`
 * spans of those articles' cleaned text.
 */
import type { EntityType } from './article.ts';
import type { Cite, Span } from './span.ts';

export interface StoryEntity {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  mentions: Cite[];
  roles?: string[];
}

/** One word-level edit between a canonical wording and an outlet's variant. */
export interface DiffOp {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

export interface QuoteInstance extends Cite {
  /**
   * The pieces of a quote split by its attribution ('"We will talk," she said. "But not today."'):
   * `start`/`end` are their hull and `text` their words joined by " … " (see `quoteText`).
   */
  parts?: Span[];
  text: string;
  direct: boolean;
  outlet?: string;
  speaker?: Cite | null;
  /** Word-level diff from the group's canonical wording to this instance; absent when the wording is the same. */
  diff?: DiffOp[];
  /** Set when this direct quote differs in substance from the others'. */
  misquote?: boolean;
}

export interface QuoteGroup {
  id: string;
  /** Story entity id of the speaker. */
  speaker: string | null;
  speakerName: string | null;
  canonical: string;
  instances: QuoteInstance[];
  /**
   * Set when outlets attribute this statement to different people: each attributed speaker with the
   * outlets that name them. The group's `speaker` is the one most outlets name.
   */
  attributionConflict?: { speaker: string | null; speakerName: string | null; outlets: string[] }[];
}

export interface FactValue extends Cite {
  text: string;
  low: number;
  high: number;
  outlet?: string;
}

export interface Fact {
  id: string;
  measure: string;
  unit: string;
  dimension: string;
  status: 'agree' | 'conflict' | 'single';
  values: FactValue[];
  /** For conflicts: groups of outlets whose values can be true together. */
  sides?: { outlets: string[]; low: number; high: number }[];
}

export interface SummarySentence {
  text: string;
  sources: Cite[];
}

export interface TimelineEntry {
  /** ISO date when known. */
  date: string | null;
  /** The date as written, or how it was resolved. */
  when: string;
  text: string;
  sources: Cite[];
}

export interface Coverage {
  outlets: string[];
  rows: {
    kind: 'fact' | 'quote';
    id: string;
    label: string;
    outlets: string[];
    /** Only one of several outlets reports it. */
    unique: boolean;
    /** Outlets that leave it out while at least half of the outlets report it. */
    omittedBy: string[];
  }[];
}

export interface Story {
  id: string;
  title: string;
  keywords: string[];
  articles: string[];
  entities: StoryEntity[];
  quotes: QuoteGroup[];
  facts: Fact[];
  summary: SummarySentence[];
  timeline: TimelineEntry[];
  coverage?: Coverage;
}

export type DuplicateKind = 'exact' | 'near' | 'syndicated' | 'paraphrase';

export interface Duplicate {
  a: string;
  b: string;
  kind: DuplicateKind;
  similarity: number;
  /** Id of the likely original of the pair, when lineage could tell. */
  original?: string;
}

export interface Passage {
  a: Span & { text: string };
  b: Span & { text: string };
  similarity: number;
  diff?: DiffOp[];
}

export interface Reuse {
  a: string;
  b: string;
  passages: Passage[];
}
