/** HTML main-content extraction: page bytes in, cleaned text, blocks and metadata out. */
export { extractHtml } from './html.ts';
export type { Extraction, ExtractOptions } from './types.ts';
