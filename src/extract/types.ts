import type { ArticleMeta, Block, Removal } from '../model/index.ts';

/**
 * What extraction (HTML) and cleaning (plain text) hand to the rest of the pipeline: the cleaned text,
 * its structure as blocks (spans into `text`), metadata found on the way, and everything taken out.
 */
export interface Extraction {
  text: string;
  blocks: Block[];
  /** Photo captions, kept aside rather than in the text. */
  captions: string[];
  meta: ArticleMeta;
  removed: Removal[];
  /** Why the text may be empty or untrustworthy: `empty`, `paywall`, `blocked`, `js-shell`, `index-page`, … */
  flags: string[];
}

export interface ExtractOptions {
  /** The page's URL, for metadata (outlet from the domain, dates in the path) and resolving links. */
  url?: string;
  /** `own` (default): our block scorer over a streamed tree; `readability`: Mozilla Readability on linkedom. */
  engine?: 'own' | 'readability';
}
