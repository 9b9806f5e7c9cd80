import type { Extraction, ExtractOptions } from './types.ts';

// PLACEHOLDER until the extraction work lands: replaced by the real extractor.
export function extractHtml(html: string, options: ExtractOptions = {}): Extraction {
  const text = html
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return {
    text,
    blocks: [],
    captions: [],
    meta: { url: options.url },
    removed: [],
    flags: text ? [] : ['empty'],
  };
}
